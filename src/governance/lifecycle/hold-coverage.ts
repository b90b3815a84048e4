import type { LegalHold } from '../../core/lifecycle.ts';
import type { Store } from '../../core/store.ts';
import type { Artifact } from '../../core/types.ts';

/** When an artifact happened, for date-range holds: its start, else when it was stored. */
const whenOf = (a: Pick<Artifact, 'startedAt' | 'createdAt'>) => a.startedAt ?? a.createdAt;

function inRange(hold: LegalHold, at: string): boolean {
  if (hold.from === null && hold.to === null) return false;
  const t = Date.parse(at);
  return (hold.from === null || t >= Date.parse(hold.from)) && (hold.to === null || t <= Date.parse(hold.to));
}

/**
 * Whether a hold covers an artifact: the artifact itself, its owner or a
 * participant who is a user, or its date.
 *
 * @example
 * holdCoversArtifact({ ...hold, userId: 'usr_1' }, artifact) // true when usr_1 owns it
 */
export function holdCoversArtifact(hold: LegalHold, a: Pick<Artifact, 'id' | 'ownerId' | 'participants' | 'startedAt' | 'createdAt'>): boolean {
  if (hold.releasedAt !== null) return false;
  if (hold.artifactId !== null) return hold.artifactId === a.id;
  if (hold.userId !== null) return a.ownerId === hold.userId || a.participants.some((p) => p.userId === hold.userId);
  return inRange(hold, whenOf(a));
}

/** Whether a hold covers an output that no longer belongs to an artifact: by its author or its date. */
export function holdCoversLooseOutput(hold: LegalHold, o: { createdBy: string | null; createdAt: string }): boolean {
  if (hold.releasedAt !== null || hold.artifactId !== null) return false;
  if (hold.userId !== null) return o.createdBy === hold.userId;
  return inRange(hold, o.createdAt);
}

/** The active holds of an account, read once per batch, with checks against them. */
export class HoldSet {
  private constructor(
    private readonly store: Store,
    private readonly accountId: string,
    readonly holds: LegalHold[],
  ) {}

  static async load(store: Store, accountId: string): Promise<HoldSet> {
    return new HoldSet(store, accountId, await store.holds.list(accountId, { active: true }));
  }

  /** The holds covering the artifact (hidden or not); empty when it is free to delete. */
  artifactHolds(a: Pick<Artifact, 'id' | 'ownerId' | 'participants' | 'startedAt' | 'createdAt'>): LegalHold[] {
    return this.holds.filter((h) => holdCoversArtifact(h, a));
  }

  async isArtifactHeld(artifactId: string): Promise<boolean> {
    if (this.holds.length === 0) return false;
    const artifact = await this.store.retention.artifactAnyState(this.accountId, artifactId);
    return !!artifact && this.artifactHolds(artifact).length > 0;
  }

  /** An output is held through its artifact, or — when it stands alone — by its author or date. */
  async isOutputHeld(outputId: string): Promise<boolean> {
    if (this.holds.length === 0) return false;
    const output = await this.store.retention.outputAnyState(this.accountId, outputId);
    if (!output) return false;
    if (this.holds.some((h) => holdCoversLooseOutput(h, output))) return true;
    return output.artifactId !== null && (await this.isArtifactHeld(output.artifactId));
  }
}
