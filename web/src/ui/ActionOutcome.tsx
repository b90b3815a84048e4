import { Notice } from './Notice.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';
import type { useAction } from './use-action.ts';

/**
 * What became of a section's last change: the API's refusal, saying what
 * could not be done, or the sentence saying what was done.
 *
 * @example
 * <ActionOutcome action={action} attempt="save the disclaimer" />
 */
export function ActionOutcome({ action, attempt }: { action: Pick<ReturnType<typeof useAction>, 'error' | 'done'>; attempt: string }) {
  return (
    <>
      {action.error && <ProblemNotice error={action.error} action={attempt} />}
      {action.done && <Notice tone="success">{action.done}</Notice>}
    </>
  );
}
