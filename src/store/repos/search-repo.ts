import { sql } from 'kysely';
import type { SearchHit, SearchRepo } from '../../core/store.ts';
import type { Segment } from '../../core/types.ts';
import type { Db } from '../db-util.ts';
import { fts5Expression, searchTerms } from '../search-query.ts';

const CHUNK = 500;

/** Full-text index: SQLite FTS5 or PostgreSQL tsvector, over titles (segment -1) and segments. */
export class KyselySearchRepo implements SearchRepo {
  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async index(accountId: string, artifactId: string, title: string, segments: Segment[]): Promise<void> {
    await this.remove(artifactId);
    const rows = [{ segment: -1, body: title }, ...segments.map((s) => ({ segment: s.index, body: `${s.speaker}: ${s.text}` }))];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      if (this.dialect === 'postgres') {
        await this.db
          .insertInto('search_entries')
          .values(chunk.map((r) => ({ account_id: accountId, artifact_id: artifactId, segment: r.segment, body: r.body })))
          .execute();
      } else {
        const values = sql.join(chunk.map((r) => sql`(${accountId}, ${artifactId}, ${r.segment}, ${r.body})`));
        await sql`insert into search_fts (account_id, artifact_id, segment, body) values ${values}`.execute(this.db);
      }
    }
  }

  async remove(artifactId: string): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.db.deleteFrom('search_entries').where('artifact_id', '=', artifactId).execute();
    } else {
      await sql`delete from search_fts where artifact_id = ${artifactId}`.execute(this.db);
    }
  }

  async search(accountId: string, query: string, opts: { artifactIds?: string[]; limit?: number } = {}): Promise<SearchHit[]> {
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    if (opts.artifactIds && opts.artifactIds.length === 0) return [];
    const limit = opts.limit ?? 20;
    const within = opts.artifactIds ? sql`and artifact_id in (${sql.join(opts.artifactIds)})` : sql``;
    if (this.dialect === 'postgres') {
      const tsquery = terms.join(' | ');
      const result = await sql<{ artifact_id: string; segment: number; score: number; snippet: string }>`
        select artifact_id, segment, ts_rank(tsv, q) as score,
               ts_headline('english', body, q, 'StartSel=[,StopSel=],MaxWords=24,MinWords=8') as snippet
        from search_entries, to_tsquery('english', ${tsquery}) q
        where account_id = ${accountId} and tsv @@ q ${within}
        order by score desc, artifact_id, segment
        limit ${limit}`.execute(this.db);
      return result.rows.map((r) => ({ artifactId: r.artifact_id, segment: r.segment < 0 ? null : r.segment, score: Number(r.score), snippet: r.snippet }));
    }
    const result = await sql<{ artifact_id: string; segment: number; score: number; snippet: string }>`
      select artifact_id, segment, -bm25(search_fts) as score,
             snippet(search_fts, 3, '[', ']', '…', 16) as snippet
      from search_fts
      where search_fts match ${fts5Expression(terms)} and account_id = ${accountId} ${within}
      order by score desc, artifact_id, segment
      limit ${limit}`.execute(this.db);
    return result.rows.map((r) => ({ artifactId: r.artifact_id, segment: Number(r.segment) < 0 ? null : Number(r.segment), score: Number(r.score), snippet: r.snippet }));
  }
}

/** SQL fragment: artifact ids (of this account) whose title or transcript contains `term`. */
export function artifactsMatching(dialect: 'sqlite' | 'postgres', accountId: string, term: string) {
  return dialect === 'postgres'
    ? sql`select artifact_id from search_entries where account_id = ${accountId} and tsv @@ plainto_tsquery('english', ${term})`
    : sql`select artifact_id from search_fts where search_fts match ${fts5Expression([term])} and account_id = ${accountId}`;
}
