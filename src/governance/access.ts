import type { Ctx } from '../core/context.ts';
import { notFound } from '../core/errors.ts';
import type { Artifact, Output, User } from '../core/types.ts';
import { audit } from './audit.ts';

/** The principal ids a user reads through: themself and their groups. */
export async function principalsOf(ctx: Ctx, user: User): Promise<{ userId: string; groupIds: string[] }> {
  const groups = await ctx.store.groups.groupsOf(ctx.account.id, user.id);
  return { userId: user.id, groupIds: groups.map((g) => g.id) };
}

/**
 * Whether the user may read the artifact: owner, a participant linked to the
 * user, or an access-list entry for the user, one of their groups or the
 * whole account. Roles grant nothing here: operator access to content needs
 * an explicit grant on the artifact.
 */
export function mayRead(artifact: Artifact, principals: { userId: string; groupIds: string[] }): boolean {
  if (artifact.ownerId === principals.userId) return true;
  if (artifact.participants.some((p) => p.userId === principals.userId)) return true;
  return artifact.access.some(
    (entry) =>
      entry.type === 'account' ||
      (entry.type === 'user' && entry.id === principals.userId) ||
      (entry.type === 'group' && principals.groupIds.includes(entry.id)),
  );
}

/**
 * Loads an artifact the user may read. Missing and forbidden look the same
 * (404), so callers never learn that someone else's artifact exists. Reading
 * another user's artifact is audited.
 */
export async function readArtifact(ctx: Ctx, user: User, id: string, what = 'meeting', shownAs = { what, id }): Promise<Artifact> {
  const artifact = await ctx.store.artifacts.get(ctx.account.id, id);
  if (!artifact || !mayRead(artifact, await principalsOf(ctx, user))) throw notFound(shownAs.what, shownAs.id);
  if (artifact.ownerId !== user.id) {
    await audit(ctx, { action: 'content.read', targetType: artifact.type, targetId: artifact.id, details: { ownerId: artifact.ownerId } });
  }
  return artifact;
}

/**
 * Loads the artifact an output was made from, for a user who names the
 * output. When the user may not read the artifact, the output itself is "not
 * found", exactly like a missing one: the answer names neither the artifact
 * nor whether the output exists.
 *
 * @example
 * const meeting = await readOutputArtifact(ctx, user, summary, 'summary');
 */
export async function readOutputArtifact(ctx: Ctx, user: User, output: Output, what: string): Promise<Artifact> {
  if (!output.artifactId) throw notFound(what, output.id);
  return readArtifact(ctx, user, output.artifactId, what, { what, id: output.id });
}
