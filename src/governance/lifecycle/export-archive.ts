/**
 * eDiscovery exports kept by the server: each bundle lives in its own
 * directory `<exportDir>/<id>/`, and its manifest says which account it
 * belongs to. Callers only ever see their own account's bundles, and only
 * the files a manifest lists can be read back.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { Ctx } from '../../core/context.ts';
import { AppError, invalidInput } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { audit } from '../audit.ts';
import { authorize } from '../authorization.ts';
import { exportBundle, verifyBundle, type ExportScope, type Manifest, type VerifyResult } from './ediscovery-export.ts';

export interface ExportSummary {
  id: string;
  createdAt: string;
  scope: Manifest['scope'];
  counts: Manifest['counts'];
  /** Files of the bundle besides manifest.json, and their total size. */
  files: number;
  bytes: number;
}

/** Export ids are ours (`exp_` + 26 base32 characters); anything else names no bundle. */
const EXPORT_ID = /^exp_[0-9a-z]{26}$/;

const summarise = (id: string, m: Manifest): ExportSummary => ({
  id,
  createdAt: m.createdAt,
  scope: m.scope,
  counts: m.counts,
  files: m.files.length,
  bytes: m.files.reduce((sum, f) => sum + f.bytes, 0),
});

function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** The bundle's directory and manifest, or not_found when it is unknown, unfinished or another account's. */
function locate(ctx: Ctx, exportDir: string, id: string): { dir: string; manifest: Manifest } {
  const missing = new AppError('not_found', `export ${id} was not found`, { details: { what: 'export', id } });
  if (!EXPORT_ID.test(id)) throw missing;
  const dir = join(exportDir, id);
  const manifest = existsSync(dir) && !lstatSync(dir).isSymbolicLink() ? readManifest(dir) : null;
  if (!manifest || manifest.accountId !== ctx.account.id) throw missing;
  return { dir, manifest };
}

/**
 * Writes a new bundle under `exportDir` and returns its summary. A failed
 * export leaves no directory behind.
 *
 * @example
 * const { id, files } = await createExport(ctx, './data/exports', { hold: 'acme-v-smith' });
 */
export async function createExport(ctx: Ctx, exportDir: string, scope: ExportScope): Promise<ExportSummary> {
  const id = newId('exp', ctx.clock.now().getTime());
  const dir = join(exportDir, id);
  try {
    return summarise(id, await exportBundle(ctx, scope, dir, undefined, { exportId: id }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The account's finished bundles, newest first. */
export async function listExports(ctx: Ctx, exportDir: string): Promise<ExportSummary[]> {
  await authorize(ctx, 'holds.manage');
  if (!existsSync(exportDir)) return [];
  const items: ExportSummary[] = [];
  for (const entry of readdirSync(exportDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !EXPORT_ID.test(entry.name)) continue;
    const manifest = readManifest(join(exportDir, entry.name));
    if (manifest?.accountId === ctx.account.id) items.push(summarise(entry.name, manifest));
  }
  return items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** The manifest of one of the account's bundles. */
export async function exportManifest(ctx: Ctx, exportDir: string, id: string): Promise<Manifest> {
  await authorize(ctx, 'holds.manage');
  return locate(ctx, exportDir, id).manifest;
}

/** Checks one of the account's bundles against its manifest. */
export async function verifyExport(ctx: Ctx, exportDir: string, id: string): Promise<VerifyResult> {
  await authorize(ctx, 'holds.manage');
  return verifyBundle(locate(ctx, exportDir, id).dir);
}

/**
 * One file of a bundle, by its manifest path. Only paths the manifest lists
 * are served, and only when no part of the path is a symbolic link and the
 * file resolves inside the bundle. Each download is audited.
 *
 * @example
 * const { bytes } = await exportFile(ctx, './data/exports', id, 'artifacts.jsonl');
 */
export async function exportFile(ctx: Ctx, exportDir: string, id: string, path: string): Promise<{ name: string; bytes: Buffer }> {
  await authorize(ctx, 'holds.manage');
  const { dir, manifest } = locate(ctx, exportDir, id);
  const parts = path.split('/');
  if (isAbsolute(path) || path.includes('\\') || path.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw invalidInput(`"${path}" is not a file path inside the bundle`, [{ path: 'path', message: 'must be a relative path without . or .. parts' }]);
  }
  const notListed = new AppError('not_found', `export ${id} has no file ${path}`, { details: { what: 'export file', id } });
  if (path !== 'manifest.json' && !manifest.files.some((f) => f.path === path)) throw notListed;
  let current = dir;
  for (const part of parts) {
    current = join(current, part);
    if (!existsSync(current) || lstatSync(current).isSymbolicLink()) throw notListed;
  }
  const root = realpathSync(dir);
  if (!realpathSync(current).startsWith(root + sep) || !lstatSync(current).isFile()) throw notListed;
  const bytes = readFileSync(resolve(current));
  await audit(ctx, { action: 'ediscovery.download', targetType: 'export', targetId: id, details: { path } });
  return { name: parts[parts.length - 1], bytes };
}
