import { JOB_INDEX_MEETING, JOB_SUMMARIZE_MEETING } from '../usecases/ingest-meeting.ts';
import type { JobHandler } from '../core/job-queue.ts';
import { runFeature } from '../features/run-feature.ts';
import { JOB_RETENTION_SWEEP, runRetentionSweep, scheduleSweep } from '../governance/lifecycle/retention-sweep.ts';
import { scheduleInputDeletion } from '../governance/lifecycle/zero-data-retention.ts';
import { createSmtpMailer } from '../delivery/smtp-mailer.ts';
import { deliverSummaryAfterJob } from '../usecases/summary-email.ts';
import { captureTasksAfterSummary } from '../usecases/tasks.ts';
import { userContext } from './context.ts';
import type { Services } from './services.ts';

/** The key of the automatic summary of a meeting; retries of the job reuse it, so a summary is never stored twice. */
export const autoSummaryKey = (artifactId: string) => `auto-summary:${artifactId}`;

/** Handlers of every job type, bound to this process's services. */
export function jobHandlers(services: Services): Record<string, JobHandler> {
  const { store } = services;
  return {
    async [JOB_INDEX_MEETING](job) {
      const { artifactId } = job.payload as { artifactId: string };
      const artifact = await store.artifacts.get(job.accountId!, artifactId);
      // Deleted before its job ran: nothing to index.
      if (!artifact) return;
      await store.search.index(artifact.accountId, artifact.id, artifact.title, await store.segments.list(artifact.id));
    },

    async [JOB_SUMMARIZE_MEETING](job) {
      const { artifactId, userId } = job.payload as { artifactId: string; userId: string };
      const [account, user, artifact] = await Promise.all([
        store.accounts.get(job.accountId!),
        store.users.get(job.accountId!, userId),
        store.artifacts.get(job.accountId!, artifactId),
      ]);
      if (!account || !user || !artifact) return;
      const ctx = userContext(services, account, user, 'job');
      await scheduleInputDeletion(ctx, artifact);
      const summary = await runFeature(ctx, 'meeting.summary', { artifactId }, { idempotencyKey: autoSummaryKey(artifactId) });
      // Storing the summary deleted its inputs already when zero data retention is on (runFeature's post-persist step).
      await captureTasksAfterSummary(ctx, artifactId, summary.id);
      await deliverSummaryAfterJob(ctx, summary.id, services.config, createSmtpMailer);
    },

    async [JOB_RETENTION_SWEEP](job) {
      await runRetentionSweep(services, { accountId: job.accountId ?? undefined });
      // Only the account-wide schedule renews itself; one-off sweeps (after a hold is released) do not.
      if (!job.accountId) await scheduleSweep(services.queue, services.clock);
    },
  };
}
