import { useEffect, useState, type FormEvent } from 'react';
import type { AdminUser, AuditEvent, BlockedPattern, LegalHold, PatternTest, RedactionPolicy, RetentionPolicy, SettingDefinition, StoredSetting } from '../../api/admin-types.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useMe } from '../../auth/me.tsx';
import { withQuery } from '../../router/router.tsx';
import { day, when } from '../../format/time.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { DataTable, TableHead } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { isMissingApi, Unavailable } from '../../ui/Unavailable.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useDebounced } from '../../ui/use-debounced.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ServerExports } from './ServerExports.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ActiveShareLinks } from './ActiveShareLinks.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { DeletedItems } from './DeletedItems.tsx';
import { UserLabel } from './UserLabel.tsx';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';

/** The account-level value of one setting (stored, or its default), with a save action. */
function useAccountSetting(key: string, fallback: unknown) {
  const me = useMe();
  const stored = useResource<{ items: StoredSetting[] }>('/v1/settings?level=account');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const found = stored.data?.items.find((v) => v.key === key);
  const save = async (value: unknown) => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api(`/v1/settings/account/${me.account.id}/${encodeURIComponent(key)}`, { method: 'PUT', body: { value, locked: found?.locked ?? false } });
      stored.reload();
      setSaved(true);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const setting = stored.data && {
    value: found ? found.value : fallback,
    explanation: found ? `Set for the whole account${found.locked ? ' and locked' : ''}; groups and users may differ unless locked.` : 'The default; nothing is stored for the account.',
  };
  return { setting, loadError: stored.error, busy, error, saved, save };
}

function ZeroDataRetention() {
  const s = useAccountSetting('meetings.zero_data_retention', false);
  const on = s.setting?.value === true;
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card card-pad admin-section" aria-labelledby="zdr-heading">
      <h2 id="zdr-heading">Zero data retention</h2>
      <p className="muted small">
        When on, a meeting's transcript, chat and shared-screen text are deleted as soon as its summary is stored (kept at most 24 hours if summarising fails). Legal holds
        still win.
      </p>
      {s.loadError && <ProblemNotice error={s.loadError} action="load the setting" />}
      {!s.setting && !s.loadError && <Skeleton lines={1} label="Loading zero data retention" />}
      {s.setting && (
        <div className="verify-line">
          {on ? <Badge tone="accent">on</Badge> : <Badge>off</Badge>}
          <span className="small muted">{s.setting.explanation}</span>
          <Button small busy={s.busy} onClick={() => (on ? s.save(false) : setConfirming(true))}>
            {on ? 'Turn off for the account' : 'Turn on for the account…'}
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="Turn on zero data retention?"
        confirmLabel="Turn on"
        busy={s.busy}
        onConfirm={() => void s.save(true).then(() => setConfirming(false))}
        onCancel={() => setConfirming(false)}
      >
        <p>From now on, transcripts, chat and shared-screen text are deleted as soon as each summary is stored. Questions about a meeting then have no transcript to cite.</p>
      </ConfirmDialog>
      {s.error && <ProblemNotice error={s.error} action="change zero data retention" />}
    </section>
  );
}

function RedactionEntities() {
  const s = useAccountSetting('redaction.entities', []);
  const definitions = useResource<{ items: SettingDefinition[] }>('/v1/settings/definitions');
  const items = definitions.data?.items.find((d) => d.key === 'redaction.entities')?.items ?? [];
  const [chosen, setChosen] = useState<string[] | null>(null);
  const current = chosen ?? (Array.isArray(s.setting?.value) ? (s.setting.value as string[]) : []);
  return (
    <section className="card card-pad admin-section" aria-labelledby="redaction-heading">
      <h2 id="redaction-heading">Redaction entity types</h2>
      <p className="muted small">Personal data of these types is replaced in summaries, answers and other outputs created from now on.</p>
      {(s.loadError ?? definitions.error) && <ProblemNotice error={(s.loadError ?? definitions.error)!} action="load the redaction settings" />}
      {(!s.setting || !definitions.data) && !s.loadError && !definitions.error && <Skeleton lines={3} label="Loading redaction settings" />}
      {s.setting && definitions.data && (
        <form
          className="admin-section"
          onSubmit={(e) => {
            e.preventDefault();
            void s.save(current).then(() => setChosen(null));
          }}
        >
          <fieldset className="field">
            <legend className="field-label">Entity types to redact</legend>
            <div className="entity-grid">
              {items.map((item) => (
                <Checkbox
                  key={item}
                  label={item}
                  checked={current.includes(item)}
                  onChange={(e) => setChosen(e.target.checked ? [...current, item] : current.filter((i) => i !== item))}
                />
              ))}
            </div>
          </fieldset>
          <div className="form-row">
            <Button type="submit" variant="primary" busy={s.busy} disabled={chosen === null}>
              Save entity types
            </Button>
            <span className="small muted">{s.setting.explanation}</span>
          </div>
          {s.error && <ProblemNotice error={s.error} action="save the entity types" />}
          {s.saved && chosen === null && <Notice tone="success">Saved.</Notice>}
        </form>
      )}
    </section>
  );
}

/** Runs one change at a time for a section, keeping its error and its last confirmation. */
const describeDays = (p: RetentionPolicy) => (p.days === null ? 'kept forever' : `${p.days} day${p.days === 1 ? '' : 's'}`);

function Retention() {
  const policies = useResource<{ items: RetentionPolicy[] }>('/v1/retention/policies');
  const [kind, setKind] = useState<'artifact' | 'output'>('artifact');
  const [target, setTarget] = useState('meeting');
  const [days, setDays] = useState('');
  const [mode, setMode] = useState<'soft' | 'permanent'>('soft');
  const action = useAction();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void action
      .run('save', async () => {
        const saved = await api<RetentionPolicy>(`/v1/retention/policies/${kind}/${encodeURIComponent(target.trim())}`, {
          method: 'PUT',
          body: { days: days.trim() === '' ? null : Number(days), mode },
        });
        return `${saved.kind} ${saved.target}: ${describeDays(saved)}, ${saved.mode} deletion.`;
      })
      .then((ok) => ok && policies.reload());
  };
  const remove = (p: RetentionPolicy) =>
    void action
      .run(`remove ${p.kind}/${p.target}`, async () => {
        await api(`/v1/retention/policies/${p.kind}/${encodeURIComponent(p.target)}`, { method: 'DELETE' });
        return `${p.kind} ${p.target} is kept forever again.`;
      })
      .then((ok) => ok && policies.reload());
  return (
    <section className="card card-pad admin-section" aria-labelledby="retention-heading">
      <h2 id="retention-heading">Retention policies</h2>
      <p className="muted small">How long each type of content or output is kept. Types without a policy are kept forever; legal holds always win.</p>
      {isMissingApi(policies.error) ? (
        <Unavailable what="Retention policies" path="/v1/retention/policies" />
      ) : (
        <>
          {policies.error && <ProblemNotice error={policies.error} action="load the retention policies" />}
          {!policies.data && !policies.error && <Skeleton lines={2} label="Loading the retention policies" />}
          {policies.data && policies.data.items.length === 0 && <EmptyState title="No retention policies">Everything is kept until someone deletes it.</EmptyState>}
          {policies.data && policies.data.items.length > 0 && (
            <DataTable label="Retention policies">
              <TableHead columns={['Applies to', 'Kept', 'Deletion']} />
              <tbody>
                {policies.data.items.map((p) => (
                  <tr key={`${p.kind}/${p.target}`}>
                    <td>
                      {p.kind} <code>{p.target}</code>
                    </td>
                    <td>{describeDays(p)}</td>
                    <td>{p.mode === 'soft' ? 'restorable for 30 days' : 'permanent'}</td>
                    <td>
                      <Button small variant="ghost" busy={action.busy === `remove ${p.kind}/${p.target}`} onClick={() => remove(p)} aria-label={`Remove the policy for ${p.kind} ${p.target}`}>
                        Remove
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          <form className="form-grid" onSubmit={save} aria-label="Set a retention policy">
            <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as 'artifact' | 'output')}>
              <option value="artifact">Content (artifact type)</option>
              <option value="output">Output (feature id)</option>
            </SelectField>
            <TextField label="Type" hint={kind === 'artifact' ? 'meeting, call, chat…' : 'meeting.summary…'} value={target} onChange={(e) => setTarget(e.target.value)} required autoComplete="off" />
            <TextField label="Days (empty: forever)" type="number" min={1} max={4000} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
            <SelectField label="Deletion" value={mode} onChange={(e) => setMode(e.target.value as 'soft' | 'permanent')}>
              <option value="soft">Restorable for 30 days</option>
              <option value="permanent">Permanent</option>
            </SelectField>
            <div className="form-row">
              <Button type="submit" variant="primary" busy={action.busy === 'save'}>
                Save policy
              </Button>
            </div>
          </form>
          <ActionOutcome action={action} attempt="change the retention policy" />
        </>
      )}
    </section>
  );
}

function holdScope(h: LegalHold): string {
  if (h.userId) return `user ${h.userId}`;
  if (h.artifactId) return `artifact ${h.artifactId}`;
  return `content from ${h.from ? day(h.from.slice(0, 10)) : 'the beginning'} to ${h.to ? day(h.to.slice(0, 10)) : 'now on'}`;
}

type HoldScope = 'user' | 'artifact' | 'range';

function Holds() {
  const [status, setStatus] = useState<'active' | 'released' | 'all'>('active');
  const holds = useResource<{ items: LegalHold[] }>(`/v1/holds?status=${status}`);
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [scope, setScope] = useState<HoldScope>('user');
  const [who, setWho] = useState('');
  const [artifact, setArtifact] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [releasing, setReleasing] = useState<LegalHold>();
  const action = useAction();
  const create = (e: FormEvent) => {
    e.preventDefault();
    void action
      .run('create', async () => {
        const body: Record<string, string> = { name: name.trim(), reason: reason.trim() };
        if (scope === 'user') body.userId = (await api<AdminUser>(`/v1/users/${encodeURIComponent(who.trim())}`)).id;
        if (scope === 'artifact') body.artifactId = artifact.trim();
        if (scope === 'range') {
          if (from) body.from = from;
          if (to) body.to = `${to}T23:59:59.999Z`;
        }
        const hold = await api<LegalHold>('/v1/holds', { method: 'POST', body });
        setName('');
        setReason('');
        return `Hold ${hold.name} placed on ${scope === 'user' ? who.trim() : holdScope(hold)}.`;
      })
      .then((ok) => ok && holds.reload());
  };
  const release = () => {
    const hold = releasing!;
    void action
      .run('release', async () => {
        const result = await api<{ hold: LegalHold; purged: number }>(`/v1/holds/${hold.id}/release`, { method: 'POST' });
        return `Hold ${result.hold.name} released; ${result.purged} deletion${result.purged === 1 ? '' : 's'} it held back went ahead.`;
      })
      .then((ok) => {
        setReleasing(undefined);
        if (ok) holds.reload();
      });
  };
  return (
    <section className="card card-pad admin-section" aria-labelledby="holds-heading">
      <h2 id="holds-heading">Legal holds</h2>
      <p className="muted small">Held content survives deletion by its owner, retention, zero data retention and deactivation until the hold is released.</p>
      {isMissingApi(holds.error) ? (
        <Unavailable what="Legal holds" path="/v1/holds" />
      ) : (
        <>
          <SelectField label="Show" value={status} onChange={(e) => setStatus(e.target.value as 'active' | 'released' | 'all')}>
            <option value="active">Active holds</option>
            <option value="released">Released holds</option>
            <option value="all">All holds</option>
          </SelectField>
          {holds.error && <ProblemNotice error={holds.error} action="load the legal holds" />}
          {holds.loading && <Skeleton lines={2} label="Loading the legal holds" />}
          {holds.data && !holds.loading && holds.data.items.length === 0 && <EmptyState title={status === 'released' ? 'No released holds' : 'No legal holds'} />}
          {holds.data && !holds.loading && holds.data.items.length > 0 && (
            <DataTable label="Legal holds">
              <TableHead columns={['Hold', 'Covers', 'Placed', 'Status']} />
              <tbody>
                {holds.data.items.map((h) => (
                  <tr key={h.id} data-hold={h.name}>
                    <td>
                      <strong>{h.name}</strong>
                      <div className="muted small">{h.reason}</div>
                    </td>
                    <td className="mono-cell">{h.userId ? <UserLabel id={h.userId} /> : holdScope(h)}</td>
                    <td className="nowrap">{when(h.createdAt)}</td>
                    <td>{h.releasedAt ? <Badge>released {when(h.releasedAt)}</Badge> : <Badge tone="warning">active</Badge>}</td>
                    <td>
                      {!h.releasedAt && (
                        <Button small onClick={() => setReleasing(h)} aria-label={`Release hold ${h.name}`}>
                          Release…
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          <form className="admin-section" onSubmit={create} aria-labelledby="new-hold-heading">
            <h3 id="new-hold-heading">Place a hold</h3>
            <div className="form-grid">
              <TextField label="Hold name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="off" />
              <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} autoComplete="off" />
              <SelectField label="Hold on" value={scope} onChange={(e) => setScope(e.target.value as HoldScope)}>
                <option value="user">A user's content</option>
                <option value="artifact">One item (artifact id)</option>
                <option value="range">A date range</option>
              </SelectField>
              {scope === 'user' && <TextField label="User email or id" value={who} onChange={(e) => setWho(e.target.value)} required autoComplete="off" />}
              {scope === 'artifact' && <TextField label="Artifact id" value={artifact} onChange={(e) => setArtifact(e.target.value)} required autoComplete="off" />}
              {scope === 'range' && (
                <>
                  <TextField label="From" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
                  <TextField label="To" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
                </>
              )}
            </div>
            <div className="form-row">
              <Button type="submit" variant="primary" busy={action.busy === 'create'} disabled={scope === 'range' && !from && !to}>
                Place hold
              </Button>
            </div>
          </form>
          <ActionOutcome action={action} attempt="change the legal holds" />
          <ConfirmDialog
            open={releasing !== undefined}
            title={`Release hold ${releasing?.name ?? ''}?`}
            confirmLabel="Release hold"
            busy={action.busy === 'release'}
            onConfirm={release}
            onCancel={() => setReleasing(undefined)}
          >
            <p>Deletions and retention this hold kept back go ahead at once; content deleted that way cannot be restored.</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}

function PatternTester({ initial }: { initial: string }) {
  const [pattern, setPattern] = useState(initial);
  const [text, setText] = useState('Card 4111 1111 1111 1111, project Falcon is INTERNAL USE ONLY.');
  const input = useDebounced({ pattern, text }, 300);
  const [result, setResult] = useState<{ test?: PatternTest; error?: ApiError; busy: boolean }>({ busy: false });
  useEffect(() => {
    if (!input.pattern || !input.text) {
      setResult({ busy: false });
      return;
    }
    const controller = new AbortController();
    setResult((r) => ({ ...r, busy: true }));
    api<PatternTest>('/v1/redaction/patterns/test', { method: 'POST', body: input, signal: controller.signal }).then(
      (test) => setResult({ test, busy: false }),
      (error: Error) => error.name !== 'AbortError' && setResult({ error: error as ApiError, busy: false }),
    );
    return () => controller.abort();
  }, [input]);
  return (
    <div className="admin-section" aria-labelledby="tester-heading">
      <h3 id="tester-heading">Test a pattern</h3>
      <div className="form-grid">
        <TextField label="Pattern to test (Java regex)" value={pattern} onChange={(e) => setPattern(e.target.value)} autoComplete="off" spellCheck={false} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="pattern-sample">
          Sample text
        </label>
        <textarea id="pattern-sample" className="input" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div aria-live="polite" className="admin-section">
        {result.error && <ProblemNotice error={result.error} action="use this pattern" />}
        {result.test && !result.error && (
          <>
            <p className="small muted" data-testid="pattern-matches">
              {result.test.spans.length === 0 ? 'No match.' : `${result.test.spans.length} match${result.test.spans.length === 1 ? '' : 'es'}: ${result.test.spans.map((s) => `“${s.value}”`).join(', ')}`}
            </p>
            <p className="test-result" data-testid="pattern-redacted">
              {result.test.redacted}
            </p>
          </>
        )}
      </div>
    </div>
  );
}

function Redaction() {
  const policy = useResource<RedactionPolicy>('/v1/redaction');
  const definitions = useResource<{ items: SettingDefinition[] }>('/v1/settings/definitions');
  const entityItems = definitions.data?.items.find((d) => d.key === 'redaction.entities')?.items ?? [];
  const builtinItems = definitions.data?.items.find((d) => d.key === 'redaction.builtin_patterns')?.items ?? [];
  const [entities, setEntities] = useState<string[] | null>(null);
  const [builtins, setBuiltins] = useState<string[] | null>(null);
  const [name, setName] = useState('');
  const [pattern, setPattern] = useState('');
  const action = useAction();
  if (isMissingApi(policy.error)) {
    return (
      <>
        <RedactionEntities />
        <section className="card card-pad admin-section" aria-labelledby="patterns-heading">
          <h2 id="patterns-heading">Blocked patterns</h2>
          <Unavailable what="Blocked patterns" path="/v1/redaction" />
        </section>
      </>
    );
  }
  const p = policy.data;
  const chosenEntities = entities ?? p?.entities ?? [];
  const chosenBuiltins = builtins ?? p?.builtins ?? [];
  const saveTypes = (e: FormEvent) => {
    e.preventDefault();
    void action
      .run('types', async () => {
        const saved = await api<RedactionPolicy>('/v1/redaction/types', { method: 'PUT', body: { entities: chosenEntities, builtins: chosenBuiltins } });
        policy.setData(() => saved);
        setEntities(null);
        setBuiltins(null);
        return `Outputs created from now on are redacted of ${saved.entities.length} entity type${saved.entities.length === 1 ? '' : 's'}.`;
      });
  };
  const addPattern = (e: FormEvent) => {
    e.preventDefault();
    void action
      .run('pattern', async () => {
        const saved = await api<BlockedPattern>('/v1/redaction/patterns', { method: 'POST', body: { name: name.trim(), pattern } });
        setName('');
        setPattern('');
        return `Pattern ${saved.name} saved.`;
      })
      .then((ok) => ok && policy.reload());
  };
  const removePattern = (bp: BlockedPattern) =>
    void action
      .run(`remove ${bp.id}`, async () => {
        await api(`/v1/redaction/patterns/${bp.id}`, { method: 'DELETE' });
        return `Pattern ${bp.name} removed.`;
      })
      .then((ok) => ok && policy.reload());
  const loading = (!p || !definitions.data) && !policy.error && !definitions.error;
  return (
    <>
      <section className="card card-pad admin-section" aria-labelledby="redaction-heading">
        <h2 id="redaction-heading">Redaction entity types</h2>
        <p className="muted small">Personal data of these types, and matches of the built-in patterns, are replaced in outputs created from now on.</p>
        {(policy.error ?? definitions.error) && <ProblemNotice error={(policy.error ?? definitions.error)!} action="load the redaction policy" />}
        {loading && <Skeleton lines={3} label="Loading the redaction policy" />}
        {p && definitions.data && (
          <form className="admin-section" onSubmit={saveTypes}>
            <fieldset className="field">
              <legend className="field-label">Entity types to redact</legend>
              <div className="entity-grid">
                {entityItems.map((item) => (
                  <Checkbox key={item} label={item} checked={chosenEntities.includes(item)} onChange={(e) => setEntities(e.target.checked ? [...chosenEntities, item] : chosenEntities.filter((i) => i !== item))} />
                ))}
              </div>
            </fieldset>
            {builtinItems.length > 0 && (
              <fieldset className="field">
                <legend className="field-label">Built-in blocked patterns</legend>
                <div className="entity-grid">
                  {builtinItems.map((item) => (
                    <Checkbox key={item} label={item} checked={chosenBuiltins.includes(item)} onChange={(e) => setBuiltins(e.target.checked ? [...chosenBuiltins, item] : chosenBuiltins.filter((i) => i !== item))} />
                  ))}
                </div>
              </fieldset>
            )}
            <div className="form-row">
              <Button type="submit" variant="primary" busy={action.busy === 'types'} disabled={entities === null && builtins === null}>
                Save redaction types
              </Button>
            </div>
          </form>
        )}
      </section>
      <section className="card card-pad admin-section" aria-labelledby="patterns-heading">
        <h2 id="patterns-heading">Blocked patterns</h2>
        <p className="muted small">Your own patterns (Java regex syntax), checked when saved and applied to outputs created from now on.</p>
        {p && p.patterns.length === 0 && <EmptyState title="No custom patterns" />}
        {p && p.patterns.length > 0 && (
          <DataTable label="Blocked patterns">
            <TableHead columns={['Name', 'Pattern']} />
            <tbody>
              {p.patterns.map((bp) => (
                <tr key={bp.id}>
                  <td>{bp.name}</td>
                  <td>
                    <code>{bp.pattern}</code>
                  </td>
                  <td>
                    <Button small variant="ghost" busy={action.busy === `remove ${bp.id}`} onClick={() => removePattern(bp)} aria-label={`Remove pattern ${bp.name}`}>
                      Remove
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <form className="form-row" onSubmit={addPattern} aria-label="Add a blocked pattern">
          <TextField label="Pattern name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} autoComplete="off" />
          <TextField label="Pattern (Java regex)" value={pattern} onChange={(e) => setPattern(e.target.value)} required autoComplete="off" spellCheck={false} />
          <Button type="submit" busy={action.busy === 'pattern'}>
            Add pattern
          </Button>
        </form>
        <ActionOutcome action={action} attempt="change the redaction policy" />
        {p && <PatternTester initial="(?i)internal use only" />}
      </section>
    </>
  );
}

/** The counts an export records in its audit event. */
interface ExportCounts {
  artifacts?: number;
  segments?: number;
  outputs?: number;
  files?: number;
  auditEvents?: number;
}

function exportScope(details: Record<string, unknown>): string {
  const scope = (details.scope ?? {}) as Record<string, unknown>;
  if (typeof scope.hold === 'string') return `hold ${scope.hold}`;
  const parts = [
    typeof scope.userId === 'string' ? `user ${scope.userId}` : null,
    typeof scope.from === 'string' ? `from ${day(scope.from)}` : null,
    typeof scope.to === 'string' ? `to ${day(scope.to)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'whole account';
}

/**
 * eDiscovery exports: made on the server from here (or with `confer export`),
 * and every export made, from the audit log.
 */
function Exports() {
  const exports = useResource<{ items: AuditEvent[]; nextAfterSeq: number | null }>(withQuery('/v1/audit', { action: 'ediscovery.export', limit: 50 }));
  return (
    <section className="card card-pad admin-section" aria-labelledby="exports-heading">
      <h2 id="exports-heading">eDiscovery exports</h2>
      <p className="muted small">
        Bundles of artifacts, segments, outputs, original files and their audit events, with a SHA-256 manifest, for legal review. Bundles made here stay in
        the server's export directory until downloaded file by file; <code>confer export --hold NAME --out DIR</code> (or <code>--user</code>,{' '}
        <code>--from</code>, <code>--to</code>) writes one anywhere on the server, checked with <code>confer export verify DIR</code>.
      </p>
      <ServerExports onExported={exports.reload} />
      <h3 id="export-history-heading">Export history</h3>
      <p className="muted small">Every export made, from the console or the command line, from the audit log.</p>
      {exports.error && <ProblemNotice error={exports.error} action="load the exports" />}
      {!exports.data && !exports.error && <Skeleton lines={2} label="Loading the exports" />}
      {exports.data && exports.data.items.length === 0 && <EmptyState title="No exports yet" />}
      {exports.data && exports.data.items.length > 0 && (
        <DataTable label="Export history">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Scope</th>
              <th scope="col">Contents</th>
              <th scope="col">Manifest SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {exports.data.items.map((e) => {
              const counts = (e.details.counts ?? {}) as ExportCounts;
              return (
                <tr key={e.id}>
                  <td>{when(e.at)}</td>
                  <td>{exportScope(e.details)}</td>
                  <td>
                    {counts.artifacts ?? 0} artifacts, {counts.outputs ?? 0} outputs, {counts.files ?? 0} files, {counts.auditEvents ?? 0} audit events
                  </td>
                  <td className="mono-cell">{typeof e.details.manifestSha256 === 'string' ? `${e.details.manifestSha256.slice(0, 16)}…` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

interface Disclaimer {
  featureGroup: string;
  audience: 'internal' | 'external';
  texts: Record<string, string>;
  requireConsent: boolean;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

const DISCLAIMER_LANGUAGES = ['en', 'es', 'de', 'zh-Hans', 'zh-Hant', 'fr', 'pt', 'ja', 'ru', 'ko', 'it', 'vi', 'pl', 'tr', 'id', 'nl', 'sv'];

function Disclaimers() {
  const disclaimers = useResource<{ items: Disclaimer[] }>('/v1/disclaimers');
  const [group, setGroup] = useState('meetings');
  const [audience, setAudience] = useState<'internal' | 'external'>('external');
  const [language, setLanguage] = useState('en');
  const [text, setText] = useState('');
  const [consent, setConsent] = useState(false);
  const action = useAction();
  const existing = disclaimers.data?.items.find((d) => d.featureGroup === group.trim() && d.audience === audience);
  const edit = (d: Disclaimer) => {
    setGroup(d.featureGroup);
    setAudience(d.audience);
    setLanguage('en');
    setText(d.texts.en ?? '');
    setConsent(d.requireConsent);
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void action
      .run('save', async () => {
        // The other languages of a disclaimer stay as they are.
        const texts = { ...(existing?.texts ?? {}), [language]: text };
        const saved = await api<Disclaimer>(`/v1/disclaimers/${encodeURIComponent(group.trim())}/${audience}`, { method: 'PUT', body: { texts, requireConsent: consent } });
        return `Disclaimer for ${saved.featureGroup} (${saved.audience}) saved as version ${saved.version}.`;
      })
      .then((ok) => ok && disclaimers.reload());
  };
  return (
    <section className="card card-pad admin-section" aria-labelledby="disclaimers-heading">
      <h2 id="disclaimers-heading">Disclaimers</h2>
      <p className="muted small">Text shown before a group of features is used, to internal or external people, optionally asking for consent. Every change raises the version.</p>
      {isMissingApi(disclaimers.error) ? (
        <Unavailable what="Disclaimers" path="/v1/disclaimers" />
      ) : (
        <>
          {disclaimers.error && <ProblemNotice error={disclaimers.error} action="load the disclaimers" />}
          {!disclaimers.data && !disclaimers.error && <Skeleton lines={2} label="Loading the disclaimers" />}
          {disclaimers.data && disclaimers.data.items.length === 0 && <EmptyState title="No disclaimers" />}
          {disclaimers.data && disclaimers.data.items.length > 0 && (
            <DataTable label="Disclaimers">
              <TableHead columns={['Features', 'Shown to', 'Text (English)', 'Version']} />
              <tbody>
                {disclaimers.data.items.map((d) => (
                  <tr key={`${d.featureGroup}/${d.audience}`}>
                    <td>
                      <code>{d.featureGroup}</code>
                    </td>
                    <td>
                      {d.audience} {d.requireConsent && <Badge tone="accent">consent</Badge>}
                    </td>
                    <td className="reason">
                      {d.texts.en}
                      {Object.keys(d.texts).length > 1 && <div className="muted small">also in {Object.keys(d.texts).filter((l) => l !== 'en').join(', ')}</div>}
                    </td>
                    <td>{d.version}</td>
                    <td>
                      <Button small variant="ghost" onClick={() => edit(d)} aria-label={`Edit the ${d.audience} disclaimer for ${d.featureGroup}`}>
                        Edit
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
          <form className="admin-section" onSubmit={save} aria-labelledby="disclaimer-form-heading">
            <h3 id="disclaimer-form-heading">{existing ? `Change the ${audience} disclaimer for ${existing.featureGroup}` : 'Add a disclaimer'}</h3>
            <div className="form-grid">
              <TextField label="Feature group" hint="meetings, panel, recordings…" value={group} onChange={(e) => setGroup(e.target.value)} required autoComplete="off" />
              <SelectField label="Shown to" value={audience} onChange={(e) => setAudience(e.target.value as 'internal' | 'external')}>
                <option value="external">External people</option>
                <option value="internal">Internal users</option>
              </SelectField>
              <SelectField
                label="Language"
                value={language}
                onChange={(e) => {
                  setLanguage(e.target.value);
                  setText(existing?.texts[e.target.value] ?? '');
                }}
              >
                {DISCLAIMER_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="field">
              <label className="field-label" htmlFor="disclaimer-text">
                Disclaimer text
              </label>
              <textarea id="disclaimer-text" className="input disclaimer-text" value={text} onChange={(e) => setText(e.target.value)} required />
            </div>
            <div className="form-row">
              <Checkbox label="Ask for consent before use" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
              <Button type="submit" variant="primary" busy={action.busy === 'save'}>
                Save disclaimer
              </Button>
            </div>
          </form>
          <ActionOutcome action={action} attempt="save the disclaimer" />
        </>
      )}
    </section>
  );
}

/** Data lifecycle: how long content is kept, what can be restored, what is held, shared, exported, redacted and blocked. */
export function LifecyclePage() {
  return (
    <AdminLayout>
      <PageHeader title="Data lifecycle" description="How long content is kept, what can be restored, what legal holds preserve, what is shared and exported, and what never reaches an output." />
      <Retention />
      <DeletedItems />
      <ZeroDataRetention />
      <Holds />
      <ActiveShareLinks />
      <Exports />
      <Redaction />
      <Disclaimers />
    </AdminLayout>
  );
}
