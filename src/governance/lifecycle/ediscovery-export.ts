/**
 * eDiscovery export (SPEC §8.3): everything a legal hold or a search covers,
 * written as one bundle directory — artifacts, segments and outputs as JSONL,
 * the original files, the audit events about them — with a manifest holding
 * the SHA-256 of every file. Hidden (deleted but held) content is included.
 * Only the caller's account is ever read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { withStore, type Ctx } from '../../core/context.ts';
import { AppError, invalidInput } from '../../core/errors.ts';
import type { AuditEvent } from '../../core/types.ts';
import { audit } from '../audit.ts';
import { authorize } from '../authorization.ts';
import { findHold } from './legal-holds.ts';
import { rangeBound } from './range-bound.ts';

export const BUNDLE_FORMAT = 'confer-ediscovery/1';

export interface ExportScope {
  hold?: string;
  userId?: string;
  from?: string;
  to?: string;
}

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  createdAt: string;
  accountId: string;
  scope: Record<string, string | null>;
  counts: { artifacts: number; segments: number; outputs: number; files: number; auditEvents: number };
  files: ManifestEntry[];
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');
/** A file name safe on every file system, keeping its extension readable. */
const safeName = (name: string) => name.replace(/[^\w.\-]+/g, '_').replace(/^\.+/, '_').slice(0, 120) || 'file';

/**
 * Writes the bundle into `dir` (created; must be empty or absent) and returns its manifest.
 *
 * @example
 * const manifest = await exportBundle(ctx, { hold: 'acme-v-smith' }, './export-acme');
 */
export async function exportBundle(
  ctx: Ctx,
  scope: ExportScope,
  dir: string,
  onProgress?: (done: number, total: number) => void,
  opts: { exportId?: string } = {},
): Promise<Manifest> {
  await authorize(ctx, 'holds.manage');
  // Errors name the fields the caller typed: CLI flags on the command line, body fields over HTTP.
  const label = ctx.actor.via === 'cli' ? { hold: '--hold', search: '--user/--from/--to', user: '--user', from: '--from', to: '--to' } : { hold: 'hold', search: 'userId/from/to', user: 'userId', from: 'from', to: 'to' };
  const accountId = ctx.account.id;
  let filter: { userId?: string; artifactId?: string; from?: string; to?: string };
  let scopeRecord: Record<string, string | null>;
  if (scope.hold !== undefined) {
    if (scope.userId || scope.from || scope.to) throw invalidInput(`give either ${label.hold} or ${label.search}, not both`, [{ path: 'hold', message: 'combined with a search' }]);
    const hold = await findHold(ctx, scope.hold);
    filter = { userId: hold.userId ?? undefined, artifactId: hold.artifactId ?? undefined, from: hold.from ?? undefined, to: hold.to ?? undefined };
    scopeRecord = { hold: hold.name, holdId: hold.id };
  } else {
    if (!scope.userId && !scope.from && !scope.to) throw invalidInput(`say what to export: ${label.hold}, or ${label.user}, ${label.from} and/or ${label.to}`, [{ path: 'scope', message: 'missing' }]);
    if (scope.userId && !(await ctx.store.users.get(accountId, scope.userId))) throw new AppError('not_found', `user ${scope.userId} was not found in this account`);
    filter = { userId: scope.userId, from: rangeBound(scope.from, 'from', label.from), to: rangeBound(scope.to, 'to', label.to) };
    scopeRecord = { userId: filter.userId ?? null, from: filter.from ?? null, to: filter.to ?? null };
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError('conflict', `${dir} is not empty; export into a new directory`);
  mkdirSync(join(dir, 'files'), { recursive: true });

  const artifacts = await ctx.store.retention.findAnyState(accountId, filter);
  const files: ManifestEntry[] = [];
  const write = (path: string, bytes: Buffer | string) => {
    writeFileSync(join(dir, path), bytes);
    files.push({ path, bytes: Buffer.byteLength(bytes), sha256: sha256(bytes) });
  };

  const segmentRows: unknown[] = [];
  const outputRows: unknown[] = [];
  const outputIds: string[] = [];
  let originals = 0;
  for (const [i, artifact] of artifacts.entries()) {
    for (const s of await ctx.store.segments.list(artifact.id)) segmentRows.push({ artifactId: artifact.id, ...s });
    for (const { id } of await ctx.store.retention.outputsOfArtifact(accountId, artifact.id)) outputIds.push(id);
    const file = await ctx.store.files.get(artifact.id);
    if (file) {
      mkdirSync(join(dir, 'files', artifact.id), { recursive: true });
      write(['files', artifact.id, safeName(file.filename)].join('/'), file.bytes);
      originals++;
    }
    onProgress?.(i + 1, artifacts.length);
  }
  if (filter.userId && !filter.artifactId) outputIds.push(...(await ctx.store.retention.looseOutputsOf(accountId, filter.userId)));
  for (const id of outputIds) {
    const output = await ctx.store.retention.outputAnyState(accountId, id);
    if (output) outputRows.push(output);
  }

  const ids = new Set([...artifacts.map((a) => a.id), ...outputIds]);
  const events: AuditEvent[] = [];
  for (const id of ids) events.push(...(await ctx.store.audit.list(accountId, { targetId: id, limit: 100_000 })));
  events.sort((a, b) => a.seq - b.seq);

  write('artifacts.jsonl', jsonl(artifacts));
  write('segments.jsonl', jsonl(segmentRows));
  write('outputs.jsonl', jsonl(outputRows));
  write('audit.jsonl', jsonl(events));

  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    createdAt: ctx.clock.now().toISOString(),
    accountId,
    scope: scopeRecord,
    counts: { artifacts: artifacts.length, segments: segmentRows.length, outputs: outputRows.length, files: originals, auditEvents: events.length },
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
  };
  const manifestText = JSON.stringify(manifest, null, 2) + '\n';
  writeFileSync(join(dir, 'manifest.json'), manifestText);
  // The manifest's own hash goes into the audit chain, so a rewritten manifest is detectable too.
  await ctx.store.transaction(async (tx) => {
    await audit(withStore(ctx, tx), {
      action: 'ediscovery.export',
      targetType: scope.hold !== undefined ? 'legal_hold' : 'search',
      targetId: (scopeRecord.holdId as string | undefined) ?? null,
      details: { ...(opts.exportId ? { exportId: opts.exportId } : {}), scope: scopeRecord, counts: manifest.counts, manifestSha256: sha256(manifestText) },
    });
  });
  return manifest;
}

export interface VerifyResult {
  ok: boolean;
  manifestSha256: string;
  checked: number;
  problems: string[];
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * Checks a bundle: every file listed with the right size and SHA-256, none
 * missing, none added.
 *
 * @example
 * const { ok, problems } = verifyBundle('./export-acme');
 */
export function verifyBundle(dir: string): VerifyResult {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new AppError('not_found', `${dir} has no manifest.json; is it an export bundle?`);
  const manifestText = readFileSync(manifestPath, 'utf8');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestText) as Manifest;
  } catch (error) {
    throw new AppError('malformed_file', `${manifestPath} is not valid JSON: ${(error as Error).message}`);
  }
  if (manifest.format !== BUNDLE_FORMAT || !Array.isArray(manifest.files)) throw new AppError('malformed_file', `${manifestPath} is not a ${BUNDLE_FORMAT} manifest`);
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const entry of manifest.files) {
    const path = join(dir, ...entry.path.split('/'));
    if (!existsSync(path)) {
      problems.push(`${entry.path}: missing`);
      continue;
    }
    const bytes = readFileSync(path);
    if (bytes.length !== entry.bytes) problems.push(`${entry.path}: ${bytes.length} bytes, manifest says ${entry.bytes}`);
    else if (sha256(bytes) !== entry.sha256) problems.push(`${entry.path}: SHA-256 differs from the manifest`);
  }
  for (const path of listFiles(dir)) if (path !== 'manifest.json' && !listed.has(path)) problems.push(`${path}: not in the manifest`);
  return { ok: problems.length === 0, manifestSha256: sha256(manifestText), checked: manifest.files.length, problems };
}
