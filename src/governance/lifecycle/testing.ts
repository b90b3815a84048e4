/**
 * Test support for the data lifecycle: meetings stored as by an upload (with
 * index entries), and a check of every table for rows pointing at artifacts
 * or outputs that no longer exist.
 */
import Database from 'better-sqlite3';
import type { Ctx } from '../../core/context.ts';
import { ingestMeeting } from '../../usecases/ingest-meeting.ts';

export function transcriptFor(title: string, date = '2026-03-04T10:00:00Z'): string {
  return `WEBVTT

NOTE
title: ${title}
date: ${date}

00:00:00.000 --> 00:00:06.000
<v Priya Nair>Okay, the plan for ${title}. We agreed to ship the beta on the twelfth of March.

00:00:06.000 --> 00:00:12.000
<v Tom Becker>I'll send the release notes for ${title} to marketing by Friday.

00:00:12.000 --> 00:00:19.000
<v Priya Nair>And I will book the venue for the launch party tomorrow.
`;
}

/** Stores a meeting and indexes it, as the upload and its index job would. */
export async function storeMeeting(ctx: Ctx, title: string, date?: string): Promise<string> {
  const { artifact } = await ingestMeeting(ctx, { filename: `${title}.vtt`, content: transcriptFor(title, date), summarize: false });
  await ctx.store.search.index(ctx.account.id, artifact.id, artifact.title, await ctx.store.segments.list(artifact.id));
  return artifact.id;
}

/**
 * Every row, in any table, whose `artifact_id` or `output_id` points at
 * nothing. Legal holds are records of a decision and keep the id they named;
 * tasks outlive their meeting by design and name it in `meeting_id`.
 */
export function orphans(sqliteFile: string): string[] {
  const db = new Database(sqliteFile, { readonly: true });
  try {
    const found: string[] = [];
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'search_fts_%'`).all() as { name: string }[];
    for (const { name } of tables) {
      if (name === 'legal_holds') continue;
      const columns = (db.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[]).map((c) => c.name);
      for (const [column, parent] of [
        ['artifact_id', 'artifacts'],
        ['output_id', 'outputs'],
      ] as const) {
        if (!columns.includes(column) || name === parent) continue;
        const row = db.prepare(`select count(*) as n from "${name}" where ${column} is not null and ${column} not in (select id from ${parent})`).get() as { n: number };
        if (row.n > 0) found.push(`${name}.${column}: ${row.n}`);
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/** How many rows of each content table mention the artifact (for "is it really gone" checks). */
export function rowsAbout(sqliteFile: string, artifactId: string): Record<string, number> {
  const db = new Database(sqliteFile, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get(artifactId) as { n: number }).n;
    return {
      artifacts: count('select count(*) as n from artifacts where id = ?'),
      segments: count('select count(*) as n from segments where artifact_id = ?'),
      files: count('select count(*) as n from artifact_files where artifact_id = ?'),
      search: count('select count(*) as n from search_fts where artifact_id = ?'),
      outputs: count('select count(*) as n from outputs where artifact_id = ?'),
    };
  } finally {
    db.close();
  }
}

/** Ids of the account's artifacts a full-text query finds. */
export async function searchMeetings(ctx: Ctx, query: string): Promise<string[]> {
  return [...new Set((await ctx.store.search.search(ctx.account.id, query)).map((h) => h.artifactId))];
}
