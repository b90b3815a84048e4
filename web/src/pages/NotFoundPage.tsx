import { ButtonLink } from '../ui/Button.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function NotFoundPage({ title = 'Page not found', message = 'There is nothing at this address.' }: { title?: string; message?: string }) {
  return (
    <div className="page">
      <PageHeader title={title} />
      <EmptyState title={message} actions={<ButtonLink to="/meetings">Go to meetings</ButtonLink>} />
    </div>
  );
}
