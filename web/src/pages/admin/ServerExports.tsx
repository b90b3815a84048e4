import { useState, type FormEvent } from 'react';
import type { AdminUser, ExportManifest, ExportVerification, LegalHold, ServerExport } from '../../api/admin-types.ts';
import { api, download, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { day, when } from '../../format/time.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { isMissingApi, Unavailable } from '../../ui/Unavailable.tsx';
import { useAction } from '../../ui/use-action.ts';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function scopeText(scope: ServerExport['scope']): string {
  if (scope.hold) return `hold ${scope.hold}`;
  const parts = [scope.userId ? `user ${scope.userId}` : null, scope.from ? `from ${day(scope.from.slice(0, 10))}` : null, scope.to ? `to ${day(scope.to.slice(0, 10))}` : null].filter(Boolean);
  return parts.join(', ');
}

/** Saves a file of an export under its own name, fetched with the session's credentials. */
async function save(id: string, path: string): Promise<string> {
  const blob = await download(`/v1/exports/${encodeURIComponent(id)}/files/${encodeURIComponent(path)}`);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = path === 'manifest.json' ? `${id}-manifest.json` : path.split('/').pop()!;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${path} of export ${id}.`;
}

/** The files a manifest lists, each downloadable; fetched when the list is opened. */
function ExportFiles({ id, onDownload }: { id: string; onDownload: (path: string) => void }) {
  const manifest = useResource<ExportManifest>(`/v1/exports/${encodeURIComponent(id)}/manifest`);
  if (manifest.error) return <ProblemNotice error={manifest.error} action="load the manifest" />;
  if (!manifest.data) return <Skeleton lines={2} label="Loading the manifest" />;
  return (
    <ul className="export-files">
      {manifest.data.files.map((f) => (
        <li key={f.path}>
          <Button small onClick={() => onDownload(f.path)} aria-label={`Download ${f.path} of export ${id}`}>
            {f.path}
          </Button>{' '}
          <span className="muted small">
            {size(f.bytes)}, SHA-256 <code>{f.sha256.slice(0, 12)}…</code>
          </span>
        </li>
      ))}
    </ul>
  );
}

type ExportBy = 'hold' | 'search';

/**
 * eDiscovery exports made on the server: a form that writes a bundle of
 * what a legal hold or a search covers, and the bundles kept, each
 * verifiable and downloadable file by file.
 */
export function ServerExports({ onExported }: { onExported?: () => void }) {
  const exports = useResource<{ items: ServerExport[] }>('/v1/exports');
  const holds = useResource<{ items: LegalHold[] }>('/v1/holds?status=all');
  const [by, setBy] = useState<ExportBy>('hold');
  const [hold, setHold] = useState('');
  const [who, setWho] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [verified, setVerified] = useState<Record<string, ExportVerification>>({});
  const [fileErrors, setFileErrors] = useState<ApiError>();
  const action = useAction();
  const holdNames = holds.data?.items.map((h) => h.name) ?? [];

  const create = (e: FormEvent) => {
    e.preventDefault();
    void action
      .run('create', async () => {
        const body: Record<string, string> = {};
        if (by === 'hold') body.hold = hold.trim();
        else {
          if (who.trim()) body.userId = (await api<AdminUser>(`/v1/users/${encodeURIComponent(who.trim())}`)).id;
          if (from) body.from = from;
          if (to) body.to = to;
        }
        const made = await api<ServerExport>('/v1/exports', { method: 'POST', body });
        return `Export ${made.id} written: ${plural(made.files, 'file')} (${size(made.bytes)}), ${plural(made.counts.artifacts, 'artifact')}, ${plural(made.counts.outputs, 'output')}.`;
      })
      .then((ok) => {
        if (!ok) return;
        exports.reload();
        onExported?.();
      });
  };
  const verify = (id: string) =>
    void action.run(`verify:${id}`, async () => {
      const result = await api<ExportVerification>(`/v1/exports/${encodeURIComponent(id)}/verify`);
      setVerified((v) => ({ ...v, [id]: result }));
      return result.ok ? `Export ${id} verified: ${plural(result.checked, 'file')} match the manifest.` : `Export ${id} does not match its manifest: ${plural(result.problems.length, 'problem')}.`;
    });
  const fetchFile = (id: string, path: string) => {
    setFileErrors(undefined);
    save(id, path).catch((error: ApiError) => setFileErrors(error));
  };

  if (isMissingApi(exports.error)) return <Unavailable what="Exports on the server" path="/v1/exports" />;
  return (
    <>
      <form className="admin-section" onSubmit={create} aria-labelledby="new-export-heading">
        <h3 id="new-export-heading">Export</h3>
        <p className="muted small">The bundle is written on the server, in its export directory; download its files below.</p>
        <div className="form-grid">
          <SelectField label="Export by" value={by} onChange={(e) => setBy(e.target.value as ExportBy)}>
            <option value="hold">Legal hold</option>
            <option value="search">User and date range</option>
          </SelectField>
          {by === 'hold' && (
            <>
              <TextField
                label="Legal hold to export"
                value={hold}
                onChange={(e) => setHold(e.target.value)}
                onFocus={holds.reload}
                list="export-hold-names"
                required
                autoComplete="off"
                hint={holds.data && holdNames.length === 0 ? 'There is no legal hold to export yet: place one above.' : undefined}
              />
              <datalist id="export-hold-names">
                {holdNames.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
            </>
          )}
          {by === 'search' && (
            <>
              <TextField label="User email or id (optional)" value={who} onChange={(e) => setWho(e.target.value)} autoComplete="off" />
              <TextField label="Export from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
              <TextField label="Export to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </>
          )}
        </div>
        <div className="form-row">
          <Button type="submit" variant="primary" busy={action.busy === 'create'} disabled={by === 'hold' ? !hold.trim() : !who.trim() && !from && !to}>
            {action.busy === 'create' ? 'Exporting…' : 'Export'}
          </Button>
        </div>
      </form>
      <ActionOutcome action={action} attempt="make or verify the export" />
      {fileErrors && <ProblemNotice error={fileErrors} action="download the file" />}

      <h3 id="server-exports-heading">Exports on the server</h3>
      {exports.error && <ProblemNotice error={exports.error} action="load the exports on the server" />}
      {!exports.data && !exports.error && <Skeleton lines={2} label="Loading the exports on the server" />}
      {exports.data && exports.data.items.length === 0 && <EmptyState title="No exports on the server" />}
      {exports.data && exports.data.items.length > 0 && (
        <DataTable label="Exports on the server">
          <thead>
            <tr>
              <th scope="col">Export</th>
              <th scope="col">Scope</th>
              <th scope="col">Manifest</th>
              <th scope="col">Check and download</th>
            </tr>
          </thead>
          <tbody>
            {exports.data.items.map((x) => {
              const check = verified[x.id];
              return (
                <tr key={x.id} data-export={x.id}>
                  <td>
                    <span className="mono-cell">{x.id}</span>
                    <div className="muted small">{when(x.createdAt)}</div>
                  </td>
                  <td>{scopeText(x.scope)}</td>
                  <td>
                    {plural(x.files, 'file')}, {size(x.bytes)}
                    <div className="muted small">
                      {plural(x.counts.artifacts, 'artifact')}, {plural(x.counts.outputs, 'output')}, {plural(x.counts.auditEvents, 'audit event')}
                    </div>
                  </td>
                  <td>
                    <div className="form-row">
                      <Button small busy={action.busy === `verify:${x.id}`} onClick={() => verify(x.id)} aria-label={`Verify export ${x.id}`}>
                        Verify
                      </Button>
                      <Button small onClick={() => fetchFile(x.id, 'manifest.json')} aria-label={`Download manifest.json of export ${x.id}`}>
                        manifest.json
                      </Button>
                    </div>
                    {check && (check.ok ? <Badge tone="success">verified: {plural(check.checked, 'file')} match</Badge> : <Badge tone="danger">{plural(check.problems.length, 'problem')}</Badge>)}
                    {check && !check.ok && (
                      <ul className="small">
                        {check.problems.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    )}
                    <FilesDisclosure id={x.id} count={x.files} onDownload={(path) => fetchFile(x.id, path)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </>
  );
}

function FilesDisclosure({ id, count, onDownload }: { id: string; count: number; onDownload: (path: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Files ({count})</summary>
      {open && <ExportFiles id={id} onDownload={onDownload} />}
    </details>
  );
}
