import type { OutputRepo } from '../../core/store.ts';
import type { Output, OutputLink } from '../../core/types.ts';
import { parseJson, type Db } from '../db-util.ts';
import type { OutputsTable } from '../schema.ts';

const CHUNK = 800;

export class KyselyOutputRepo implements OutputRepo {
  constructor(private readonly db: Db) {}

  async create(o: Output): Promise<void> {
    await this.db
      .insertInto('outputs')
      .values({
        id: o.id,
        account_id: o.accountId,
        feature_id: o.featureId,
        artifact_id: o.artifactId,
        payload: JSON.stringify(o.payload),
        provider: o.provider,
        model: o.model,
        created_by: o.createdBy,
        idempotency_key: o.idempotencyKey,
        created_at: o.createdAt,
      })
      .execute();
    const unique = new Map(o.links.map((l) => [`${l.artifactId}:${l.segment ?? -1}`, l]));
    const links = [...unique.values()].map((l) => ({ output_id: o.id, artifact_id: l.artifactId, segment: l.segment ?? -1 }));
    for (let i = 0; i < links.length; i += CHUNK) {
      await this.db.insertInto('output_links').values(links.slice(i, i + CHUNK)).execute();
    }
  }

  async get(accountId: string, id: string): Promise<Output | null> {
    const row = await this.db
      .selectFrom('outputs')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? this.hydrate(row) : null;
  }

  async findByIdempotencyKey(accountId: string, key: string): Promise<Output | null> {
    const row = await this.db
      .selectFrom('outputs')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row ? this.hydrate(row) : null;
  }

  async latest(accountId: string, artifactId: string, featureId: string): Promise<Output | null> {
    const row = await this.db
      .selectFrom('outputs')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .where('artifact_id', '=', artifactId)
      .where('feature_id', '=', featureId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? this.hydrate(row) : null;
  }

  async listForArtifact(accountId: string, artifactId: string): Promise<Output[]> {
    const rows = await this.db
      .selectFrom('outputs')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .where('artifact_id', '=', artifactId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return Promise.all(rows.map((r) => this.hydrate(r)));
  }

  async hydrate(row: OutputsTable): Promise<Output> {
    const links = await this.db
      .selectFrom('output_links')
      .select(['artifact_id', 'segment'])
      .where('output_id', '=', row.id)
      .orderBy('artifact_id')
      .orderBy('segment')
      .execute();
    return {
      id: row.id,
      accountId: row.account_id,
      featureId: row.feature_id,
      artifactId: row.artifact_id,
      payload: parseJson<unknown>(row.payload, null),
      links: links.map((l): OutputLink => ({ artifactId: l.artifact_id, segment: l.segment < 0 ? null : l.segment })),
      provider: row.provider,
      model: row.model,
      createdBy: row.created_by,
      idempotencyKey: row.idempotency_key,
      createdAt: row.created_at,
    };
  }
}
