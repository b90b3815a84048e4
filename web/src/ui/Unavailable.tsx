import type { ApiError } from '../api/client.ts';
import { Notice } from './Notice.tsx';

/** Whether an error means the server has no such API: an older or differently built Confer. */
export const isMissingApi = (error: ApiError | undefined): boolean => error?.status === 404;

/** Says plainly that this server does not offer an API the section needs; nothing is shown in its place. */
export function Unavailable({ what, path }: { what: string; path: string }) {
  return (
    <Notice tone="info" title={`${what}: not available on this server`}>
      <p className="small">
        This Confer server does not offer <code>{path}</code>. Update the server to manage {what.toLowerCase()} here.
      </p>
    </Notice>
  );
}
