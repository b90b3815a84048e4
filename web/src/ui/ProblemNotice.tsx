import type { ApiError } from '../api/client.ts';
import type { DecidedBy } from '../api/types.ts';
import { Notice } from './Notice.tsx';

const LEVEL_WORDS: Record<DecidedBy['level'], string> = {
  account: 'for the whole account',
  group: 'for a group you belong to',
  user: 'for you personally',
  default: 'by default',
};

/** Who can change a policy decision, in words. */
function whoDecided(decidedBy: DecidedBy): string {
  const where = decidedBy.name ? `${LEVEL_WORDS[decidedBy.level]} (${decidedBy.level} ${decidedBy.name})` : LEVEL_WORDS[decidedBy.level];
  const lock = decidedBy.locked && decidedBy.level !== 'user' ? ', and locked there so lower levels cannot turn it back on' : '';
  return `This was decided ${where}${lock}. An administrator can change it.`;
}

/**
 * A feature or option policy turned off, with the level that decided it,
 * whether the server refused a request or the page read the setting first.
 */
export function PolicyNotice({ feature, message, decidedBy }: { feature: string; message: string; decidedBy?: DecidedBy }) {
  return (
    <Notice tone="warning" title={`${feature} is turned off by policy`}>
      <p>{message}</p>
      {decidedBy && <p className="small muted">{whoDecided(decidedBy)}</p>}
    </Notice>
  );
}

/**
 * Shows an API error so a person can act on it: a policy decision names the
 * level that made it; a licence or provider problem says so; anything else
 * shows the server's message, with its field errors.
 */
export function ProblemNotice({ error, action }: { error: ApiError; action?: string }) {
  if (error.code === 'feature_disabled') {
    const feature = typeof error.details.feature === 'string' ? error.details.feature : 'This feature';
    return <PolicyNotice feature={feature} message={error.message} decidedBy={error.details.decidedBy as DecidedBy | undefined} />;
  }
  if (error.code === 'not_entitled') {
    return (
      <Notice tone="warning" title="Your licence does not include this">
        <p>{error.message}</p>
      </Notice>
    );
  }
  if (error.code === 'feature_unavailable') {
    return (
      <Notice tone="warning" title="No allowed model can do this here">
        <p>{error.message}</p>
      </Notice>
    );
  }
  return (
    <Notice tone="error" title={action ? `Could not ${action}` : 'Something went wrong'}>
      <p>{error.message}</p>
      {error.fields.length > 0 && (
        <ul className="small">
          {error.fields.map((f) => (
            <li key={f.path}>
              {f.path}: {f.message}
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
