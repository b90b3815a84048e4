import { sql, type RawBuilder } from 'kysely';
import type { ArtifactFilter, ArtifactRepo, Page } from '../../core/store.ts';
import type { AccessEntry, Artifact, ArtifactSource, ArtifactType, Participant } from '../../core/types.ts';
import { containsText, parseJson, toCount, type Db } from '../db-util.ts';
import type { ArtifactsTable } from '../schema.ts';
import { searchTerms } from '../search-query.ts';
import { readableBy } from './grants.ts';
import { artifactsMatching } from './search-repo.ts';

export const toArtifact = (row: ArtifactsTable): Artifact => ({
  id: row.id,
  accountId: row.account_id,
  type: row.type as ArtifactType,
  title: row.title,
  ownerId: row.owner_id,
  participants: parseJson<Participant[]>(row.participants, []),
  access: parseJson<AccessEntry[]>(row.access, []),
  startedAt: row.started_at,
  endedAt: row.ended_at,
  source: parseJson<ArtifactSource | null>(row.source, null),
  metadata: parseJson<Record<string, unknown>>(row.metadata, {}),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Everyone who may read an artifact, as rows the list query can join on. */
function grantsOf(a: Pick<Artifact, 'id' | 'accountId' | 'ownerId' | 'participants' | 'access'>) {
  const grants = new Map<string, { principal_type: string; principal_id: string }>();
  const add = (type: string, id: string) => grants.set(`${type}:${id}`, { principal_type: type, principal_id: id });
  add('user', a.ownerId);
  for (const p of a.participants) if (p.userId) add('user', p.userId);
  for (const entry of a.access) {
    if (entry.type === 'account') add('account', a.accountId);
    else add(entry.type, entry.id);
  }
  return [...grants.values()].map((g) => ({ ...g, artifact_id: a.id, account_id: a.accountId }));
}

/** How many action items the latest meeting summary of artifact `a` lists; 0 without a summary. */
function actionItemsOfLatestSummary(dialect: 'sqlite' | 'postgres'): RawBuilder<number> {
  const payload = sql`(
    select o.payload from outputs o
    where o.account_id = a.account_id and o.artifact_id = a.id and o.feature_id = 'meeting.summary'
    order by o.created_at desc, o.id desc limit 1
  )`;
  return dialect === 'postgres'
    ? sql<number>`coalesce(jsonb_array_length(${payload}::jsonb -> 'actionItems'), 0)`
    : sql<number>`coalesce(json_array_length(${payload}, '$.actionItems'), 0)`;
}

export class KyselyArtifactRepo implements ArtifactRepo {
  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async create(a: Artifact): Promise<void> {
    await this.db
      .insertInto('artifacts')
      .values({
        id: a.id,
        account_id: a.accountId,
        type: a.type,
        title: a.title,
        owner_id: a.ownerId,
        participants: JSON.stringify(a.participants),
        access: JSON.stringify(a.access),
        started_at: a.startedAt,
        ended_at: a.endedAt,
        source: a.source ? JSON.stringify(a.source) : null,
        source_sha256: a.source?.sha256 ?? null,
        metadata: JSON.stringify(a.metadata),
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      })
      .execute();
    await this.db.insertInto('artifact_grants').values(grantsOf(a)).execute();
  }

  async get(accountId: string, id: string): Promise<Artifact | null> {
    const row = await this.db
      .selectFrom('artifacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toArtifact(row) : null;
  }

  async findBySha(accountId: string, ownerId: string, sha256: string): Promise<Artifact | null> {
    const row = await this.db
      .selectFrom('artifacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('owner_id', '=', ownerId)
      .where('source_sha256', '=', sha256)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst();
    return row ? toArtifact(row) : null;
  }

  async list(accountId: string, filter: ArtifactFilter = {}): Promise<Page<Artifact>> {
    const limit = filter.limit ?? 20;
    const offset = filter.offset ?? 0;
    let query = this.db.selectFrom('artifacts as a').where('a.account_id', '=', accountId).where('a.deleted_at', 'is', null);
    if (filter.type) query = query.where('a.type', '=', filter.type);
    if (filter.visibleTo) query = query.where(readableBy('a.id', filter.visibleTo));
    const when = sql<string>`coalesce(a.started_at, a.created_at)`;
    if (filter.from) query = query.where(when, '>=', filter.from);
    if (filter.to) query = query.where(when, '<=', filter.to);
    if (filter.participant) query = query.where(containsText('a.participants', filter.participant));
    if (filter.hasActionItems !== undefined) {
      const count = actionItemsOfLatestSummary(this.dialect);
      query = query.where(filter.hasActionItems ? sql<boolean>`${count} > 0` : sql<boolean>`${count} = 0`);
    }
    if (filter.q) {
      const terms = searchTerms(filter.q);
      // A search for nothing searchable finds nothing, rather than everything.
      if (terms.length === 0) query = query.where(sql<boolean>`1 = 0`);
      for (const term of terms) {
        query = query.where(sql<boolean>`a.id in (${artifactsMatching(this.dialect, accountId, term)})`);
      }
    }
    const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll('a').orderBy(when, 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
    return { items: rows.map(toArtifact), total: toCount(total.n as string | number), limit, offset };
  }

  async update(
    accountId: string,
    id: string,
    patch: Partial<Pick<Artifact, 'title' | 'participants' | 'access' | 'metadata' | 'startedAt' | 'endedAt' | 'updatedAt'>>,
  ): Promise<void> {
    const values: Partial<ArtifactsTable> = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.participants !== undefined) values.participants = JSON.stringify(patch.participants);
    if (patch.access !== undefined) values.access = JSON.stringify(patch.access);
    if (patch.metadata !== undefined) values.metadata = JSON.stringify(patch.metadata);
    if (patch.startedAt !== undefined) values.started_at = patch.startedAt;
    if (patch.endedAt !== undefined) values.ended_at = patch.endedAt;
    if (patch.updatedAt !== undefined) values.updated_at = patch.updatedAt;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('artifacts').set(values).where('account_id', '=', accountId).where('id', '=', id).execute();
    if (patch.participants !== undefined || patch.access !== undefined) {
      const current = await this.get(accountId, id);
      if (!current) return;
      await this.db.deleteFrom('artifact_grants').where('artifact_id', '=', id).execute();
      await this.db.insertInto('artifact_grants').values(grantsOf(current)).execute();
    }
  }

  async delete(accountId: string, id: string): Promise<void> {
    const owned = await this.db
      .selectFrom('artifacts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!owned) return;
    // Child rows go explicitly rather than by cascade so the same code is
    // correct whether or not the connection enforces foreign keys.
    if (this.dialect === 'postgres') {
      await this.db.deleteFrom('search_entries').where('artifact_id', '=', id).execute();
    } else {
      await sql`delete from search_fts where artifact_id = ${id}`.execute(this.db);
    }
    await this.db.deleteFrom('segments').where('artifact_id', '=', id).execute();
    await this.db.deleteFrom('artifact_files').where('artifact_id', '=', id).execute();
    await this.db.deleteFrom('artifact_grants').where('artifact_id', '=', id).execute();
    await this.db.deleteFrom('output_links').where('artifact_id', '=', id).execute();
    const outputs = this.db.selectFrom('outputs').select('id').where('account_id', '=', accountId).where('artifact_id', '=', id);
    await this.db.deleteFrom('output_links').where('output_id', 'in', outputs).execute();
    await this.db.deleteFrom('outputs').where('account_id', '=', accountId).where('artifact_id', '=', id).execute();
    await this.db.deleteFrom('artifacts').where('id', '=', id).execute();
  }
}
