import type { SegmentRepo } from '../../core/store.ts';
import type { Segment, SegmentKind } from '../../core/types.ts';
import { toCount, type Db } from '../db-util.ts';

// 9 columns per row keeps a chunk far below SQLite's bound-parameter limit.
const CHUNK = 500;

export class KyselySegmentRepo implements SegmentRepo {
  constructor(private readonly db: Db) {}

  async insertMany(artifactId: string, segments: Segment[]): Promise<void> {
    for (let i = 0; i < segments.length; i += CHUNK) {
      await this.db
        .insertInto('segments')
        .values(
          segments.slice(i, i + CHUNK).map((s) => ({
            artifact_id: artifactId,
            idx: s.index,
            speaker: s.speaker,
            start_s: s.start,
            end_s: s.end,
            text: s.text,
            kind: s.kind ?? 'speech',
            language: s.language ?? null,
            confidence: s.confidence ?? null,
          })),
        )
        .execute();
    }
  }

  async list(artifactId: string): Promise<Segment[]> {
    const rows = await this.db.selectFrom('segments').selectAll().where('artifact_id', '=', artifactId).orderBy('idx').execute();
    return rows.map((r) => ({
      index: r.idx,
      speaker: r.speaker,
      start: Number(r.start_s),
      end: Number(r.end_s),
      text: r.text,
      kind: r.kind as SegmentKind,
      language: r.language,
      confidence: r.confidence === null ? null : Number(r.confidence),
    }));
  }

  async count(artifactId: string): Promise<number> {
    const row = await this.db
      .selectFrom('segments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('artifact_id', '=', artifactId)
      .executeTakeFirstOrThrow();
    return toCount(row.n as string | number);
  }

  async deleteForArtifact(artifactId: string): Promise<number> {
    const result = await this.db.deleteFrom('segments').where('artifact_id', '=', artifactId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
