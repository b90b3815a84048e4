/**
 * CSV bulk import of users (columns email, name, groups, role, aiAccess,
 * customAddOn; only email is required). Each row is applied in its own
 * transaction, so a bad row changes nothing and the others still apply; a
 * second run of the same file changes nothing (idempotent).
 *
 * Cells: an empty cell leaves that attribute as it is (a new user gets the
 * default). `groups` lists group names separated by `;` and, when the column
 * is present, is the user's complete group list: missing groups are created
 * and groups not listed are left; `-` clears every membership. Booleans are
 * true/false, yes/no or 1/0.
 *
 * A dry run applies each row in a transaction that is rolled back, so it
 * reports exactly what a real run would do.
 */
import type { Ctx } from '../core/context.ts';
import { AppError, toAppError } from '../core/errors.ts';
import { ROLES, type Role, type User } from '../core/types.ts';
import { authorize } from '../governance/authorization.ts';
import { parseCsv } from './csv-records.ts';
import { createGroup, createUser, inTx, setUserGroups, updateUser, type UserPatch } from './directory.ts';

export const IMPORT_COLUMNS = ['email', 'name', 'groups', 'role', 'aiAccess', 'customAddOn'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export interface ImportRowResult {
  line: number;
  email: string;
  action: 'created' | 'updated' | 'unchanged';
  /** Attributes that changed (for updates) or were set (for new users). */
  changes: string[];
  groupsCreated: string[];
}

export interface ImportRowError {
  line: number;
  email: string | null;
  message: string;
}

export interface ImportReport {
  dryRun: boolean;
  rows: ImportRowResult[];
  errors: ImportRowError[];
  created: number;
  updated: number;
  unchanged: number;
}

interface Row {
  line: number;
  email: string;
  name?: string;
  groups?: string[];
  role?: Role;
  aiAccess?: boolean;
  customAddOn?: boolean;
}

class RowError extends Error {}
class Rollback extends Error {
  constructor(readonly result: ImportRowResult) {
    super('dry run');
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function parseBool(column: string, cell: string): boolean | undefined {
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  if (['true', 'yes', '1', 'y'].includes(v)) return true;
  if (['false', 'no', '0', 'n'].includes(v)) return false;
  throw new RowError(`${column} must be true or false, got "${cell}"`);
}

function header(fields: string[], file: string): Map<Column, number> {
  const map = new Map<Column, number>();
  fields.forEach((raw, index) => {
    const name = IMPORT_COLUMNS.find((c) => c.toLowerCase() === raw.trim().toLowerCase());
    if (!name) throw new AppError('malformed_file', `${file}:1: unknown column "${raw}"; expected ${IMPORT_COLUMNS.join(', ')}`);
    if (map.has(name)) throw new AppError('malformed_file', `${file}:1: column "${name}" appears twice`);
    map.set(name, index);
  });
  if (!map.has('email')) throw new AppError('malformed_file', `${file}:1: the header needs an "email" column`);
  return map;
}

function toRow(line: number, fields: string[], columns: Map<Column, number>): Row {
  const cell = (c: Column): string | undefined => (columns.has(c) ? (fields[columns.get(c)!] ?? '').trim() : undefined);
  if (fields.length !== columns.size) throw new RowError(`expected ${columns.size} fields, found ${fields.length}`);
  const email = cell('email')!.toLowerCase();
  if (!EMAIL.test(email)) throw new RowError(email ? `"${email}" is not an email address` : 'email is empty');
  const row: Row = { line, email };
  const name = cell('name');
  if (name) row.name = name;
  const groups = cell('groups');
  if (groups !== undefined && groups !== '') {
    row.groups = groups === '-' ? [] : [...new Set(groups.split(';').map((g) => g.trim()).filter(Boolean))];
  }
  const role = cell('role')?.toLowerCase();
  if (role) {
    if (!ROLES.includes(role as Role)) throw new RowError(`role must be one of ${ROLES.join(', ')}, got "${role}"`);
    row.role = role as Role;
  }
  const ai = cell('aiAccess');
  if (ai !== undefined) row.aiAccess = parseBool('aiAccess', ai);
  const addOn = cell('customAddOn');
  if (addOn !== undefined) row.customAddOn = parseBool('customAddOn', addOn);
  return row;
}

async function applyRow(ctx: Ctx, row: Row): Promise<ImportRowResult> {
  const details = { via: ctx.actor.via, import: 'csv', line: row.line };
  const existing = await ctx.store.users.getByEmail(ctx.account.id, row.email);
  let user: User;
  let action: ImportRowResult['action'];
  let changes: string[];
  const wanted: UserPatch = { name: row.name, role: row.role, aiAccess: row.aiAccess, customAddOn: row.customAddOn };
  if (!existing) {
    user = await createUser(ctx, { email: row.email, ...wanted }, details);
    action = 'created';
    changes = Object.entries(wanted).filter(([, v]) => v !== undefined).map(([k]) => k);
  } else {
    changes = (Object.keys(wanted) as (keyof UserPatch)[]).filter((k) => wanted[k] !== undefined && wanted[k] !== existing[k as keyof User]);
    user = changes.length ? await updateUser(ctx, existing.id, wanted, details) : existing;
    action = changes.length ? 'updated' : 'unchanged';
  }
  const groupsCreated: string[] = [];
  if (row.groups) {
    const all = await ctx.store.groups.list(ctx.account.id);
    const ids: string[] = [];
    for (const name of row.groups) {
      let group = all.find((g) => g.name.toLowerCase() === name.toLowerCase());
      if (!group) {
        group = await createGroup(ctx, { name }, details);
        all.push(group);
        groupsCreated.push(group.name);
      }
      ids.push(group.id);
    }
    const moved = await setUserGroups(ctx, user.id, ids, details);
    if (moved.added.length || moved.removed.length) {
      changes.push('groups');
      if (action === 'unchanged') action = 'updated';
    }
  }
  return { line: row.line, email: row.email, action, changes, groupsCreated };
}

/**
 * Imports users from CSV text. Malformed CSV (or a bad header) fails the
 * whole file before anything is written; row problems are reported per row
 * with their line number while the other rows apply.
 *
 * @example
 * const report = await importUsersCsv(ctx, 'email,groups\nann@acme.com,Legal\n', { file: 'users.csv' });
 * report.created // 1
 */
/** Rows (after the header) in CSV text, for progress reporting. */
export function countCsvRows(text: string, file = 'upload.csv'): number {
  return Math.max(0, parseCsv(text, file).length - 1);
}

export async function importUsersCsv(
  ctx: Ctx,
  text: string,
  opts: { file?: string; dryRun?: boolean; onRow?: (line: number, outcome: string) => void } = {},
): Promise<ImportReport> {
  await authorize(ctx, 'users.manage');
  const file = opts.file ?? 'upload.csv';
  const records = parseCsv(text, file);
  if (records.length === 0) throw new AppError('malformed_file', `${file}: the file is empty; the first line must name the columns`);
  const columns = header(records[0].fields, file);
  const report: ImportReport = { dryRun: Boolean(opts.dryRun), rows: [], errors: [], created: 0, updated: 0, unchanged: 0 };
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    let email: string | null = null;
    try {
      const row = toRow(record.line, record.fields, columns);
      email = row.email;
      const first = seen.get(row.email);
      if (first !== undefined) throw new RowError(`${row.email} already appears on line ${first}`);
      seen.set(row.email, record.line);
      let result: ImportRowResult;
      try {
        result = await inTx(ctx, async (tx) => {
          const r = await applyRow(tx, row);
          if (opts.dryRun) throw new Rollback(r);
          return r;
        });
      } catch (error) {
        if (error instanceof Rollback) result = error.result;
        else throw error;
      }
      report.rows.push(result);
      report[result.action]++;
      opts.onRow?.(record.line, result.action);
    } catch (error) {
      const message = error instanceof RowError ? error.message : toAppError(error).message;
      if (!(error instanceof RowError) && toAppError(error).code === 'internal') throw error;
      report.errors.push({ line: record.line, email, message });
      opts.onRow?.(record.line, 'failed');
    }
  }
  return report;
}
