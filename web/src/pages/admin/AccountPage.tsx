import { useMe } from '../../auth/me.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { AdminLayout } from './AdminLayout.tsx';

const MODE_WORDS: Record<string, string> = {
  'self-hosted-only': 'Self-hosted only: the built-in engine and model servers you host; nothing leaves your infrastructure.',
  'self-hosted-plus': 'Self-hosted plus: also managed services running in your home region under your cloud account.',
  federated: 'Federated: also third-party model APIs, chosen per task.',
};

/** The account as the signed-in admin sees it: who it is, where its data lives, which models may see it. */
export function AccountPage() {
  const { account, user } = useMe();
  return (
    <AdminLayout>
      <PageHeader title="Account" description="Where this account's data is processed, and by which kinds of model." />
      <section className="card card-pad" aria-labelledby="account-facts">
        <h2 id="account-facts" className="visually-hidden">
          Account details
        </h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{account.name}</dd>
          <dt>Account id</dt>
          <dd className="mono">{account.id}</dd>
          <dt>Home region</dt>
          <dd>{account.homeRegion}</dd>
          <dt>Deployment mode</dt>
          <dd>
            {account.deploymentMode}
            <p className="muted small">{MODE_WORDS[account.deploymentMode] ?? ''}</p>
          </dd>
          <dt>Your role</dt>
          <dd>{user.role}</dd>
        </dl>
      </section>
    </AdminLayout>
  );
}
