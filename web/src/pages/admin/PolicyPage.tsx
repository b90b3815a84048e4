import { useState, type FormEvent } from 'react';
import type { EffectiveSetting, Group, SettingDefinition, SettingLevel, StoredSetting } from '../../api/admin-types.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useMe } from '../../auth/me.tsx';
import { withQuery } from '../../router/router.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { DataTable, TableHead } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { AdminLayout } from './AdminLayout.tsx';
import { UserLabel } from './UserLabel.tsx';

/** A stored or effective value in words. */
export function showValue(value: unknown): string {
  if (value === true) return 'on';
  if (value === false) return 'off';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return String(value);
}

function ValueInput({ definition, value, onChange }: { definition: SettingDefinition; value: unknown; onChange(value: unknown): void }) {
  if (definition.type === 'boolean') {
    return (
      <SelectField label="Value" value={value === true ? 'on' : 'off'} onChange={(e) => onChange(e.target.value === 'on')}>
        <option value="on">on</option>
        <option value="off">off</option>
      </SelectField>
    );
  }
  if (definition.type === 'enum') {
    return (
      <SelectField label="Value" value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {definition.values!.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </SelectField>
    );
  }
  const list = Array.isArray(value) ? (value as string[]) : [];
  return (
    <fieldset className="field">
      <legend className="field-label">Value</legend>
      <div className="entity-grid">
        {definition.items!.map((item) => (
          <Checkbox
            key={item}
            label={item}
            checked={list.includes(item)}
            onChange={(e) => onChange(e.target.checked ? [...list, item] : list.filter((i) => i !== item))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function SetSettingForm({ definitions, groups, onSaved }: { definitions: SettingDefinition[]; groups: Group[]; onSaved(): void }) {
  const me = useMe();
  const [level, setLevel] = useState<SettingLevel>('account');
  const [group, setGroup] = useState(groups[0]?.id ?? '');
  const [user, setUser] = useState('');
  const [key, setKey] = useState(definitions[0].key);
  const definition = definitions.find((d) => d.key === key)!;
  const [value, setValue] = useState<unknown>(definition.default);
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState('');
  const target = level === 'account' ? me.account.id : level === 'group' ? group : user.trim();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved('');
    try {
      await api(`/v1/settings/${level}/${encodeURIComponent(target)}/${encodeURIComponent(key)}`, { method: 'PUT', body: { value, locked } });
      const where = level === 'group' ? `group ${groups.find((g) => g.id === group)?.name ?? group}` : level === 'user' ? `user ${target}` : 'the account';
      setSaved(`${key} is ${showValue(value)} for ${where}${locked ? ', locked for every level below' : ''}.`);
      onSaved();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card card-pad admin-section" onSubmit={submit} aria-labelledby="set-heading">
      <h2 id="set-heading">Set a value</h2>
      <div className="form-grid">
        <SelectField label="Level" value={level} onChange={(e) => setLevel(e.target.value as SettingLevel)}>
          <option value="account">Account</option>
          <option value="group">Group</option>
          <option value="user">User</option>
        </SelectField>
        {level === 'group' && (
          <SelectField label="Group" value={group} onChange={(e) => setGroup(e.target.value)} hint={groups.length ? undefined : 'No groups yet: add one under Users and groups.'}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
        )}
        {level === 'user' && <TextField label="User email or id" value={user} onChange={(e) => setUser(e.target.value)} required autoComplete="off" />}
        <SelectField
          label="Setting"
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            setValue(definitions.find((d) => d.key === e.target.value)!.default);
          }}
        >
          {[
            { label: 'Feature switches', items: definitions.filter((d) => d.key.startsWith('feature.')) },
            { label: 'Options', items: definitions.filter((d) => !d.key.startsWith('feature.')) },
          ].map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.items.map((d) => (
                <option key={d.key} value={d.key}>
                  {d.key}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        {definition.type !== 'string_list' && <ValueInput definition={definition} value={value} onChange={setValue} />}
      </div>
      {definition.type === 'string_list' && <ValueInput definition={definition} value={value} onChange={setValue} />}
      <p className="muted small">{definition.description}</p>
      <div className="form-row">
        {level !== 'user' && <Checkbox label="Lock for every level below" checked={locked} onChange={(e) => setLocked(e.target.checked)} />}
        <Button type="submit" variant="primary" busy={busy} disabled={!target}>
          Save setting
        </Button>
      </div>
      {error && <ProblemNotice error={error} action="save the setting" />}
      {saved && <Notice tone="success">{saved}</Notice>}
    </form>
  );
}

function StoredSettings({ groups, stored, onChanged }: { groups: Group[]; stored: StoredSetting[]; onChanged(): void }) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState('');
  const name = (s: StoredSetting) => (s.scope === 'account' ? 'account' : s.scope === 'group' ? `group ${groups.find((g) => g.id === s.scopeId)?.name ?? s.scopeId}` : `user ${s.scopeId}`);
  const remove = async (s: StoredSetting) => {
    const id = `${s.scope}/${s.scopeId}/${s.key}`;
    setBusy(id);
    setError(undefined);
    try {
      await api(`/v1/settings/${s.scope}/${encodeURIComponent(s.scopeId)}/${encodeURIComponent(s.key)}`, { method: 'DELETE' });
      onChanged();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy('');
    }
  };
  if (stored.length === 0) return <EmptyState title="Every setting is at its default">Values set at account, group or user level appear here.</EmptyState>;
  const order: Record<SettingLevel, number> = { account: 0, group: 1, user: 2 };
  const rows = [...stored].sort((a, b) => order[a.scope] - order[b.scope] || a.key.localeCompare(b.key));
  return (
    <>
      {error && <ProblemNotice error={error} action="remove the setting" />}
      <DataTable label="Stored settings">
        <TableHead columns={['Level', 'Setting', 'Value', 'Lock']} />
        <tbody>
          {rows.map((s) => (
            <tr key={`${s.scope}/${s.scopeId}/${s.key}`}>
              <td>{s.scope === 'user' ? <UserLabel id={s.scopeId} /> : name(s)}</td>
              <td>
                <code>{s.key}</code>
              </td>
              <td>{showValue(s.value)}</td>
              <td>{s.locked ? <Badge tone="warning">locked</Badge> : <span className="muted small">—</span>}</td>
              <td>
                <Button small variant="ghost" busy={busy === `${s.scope}/${s.scopeId}/${s.key}`} onClick={() => remove(s)} aria-label={`Remove ${s.key} for ${name(s)}`}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

function Explain() {
  const [who, setWho] = useState('');
  const [asked, setAsked] = useState('');
  const effective = useResource<{ user: { id: string; email: string }; settings: EffectiveSetting[] }>(asked ? withQuery('/v1/settings/effective', { user: asked }) : null);
  return (
    <section className="card card-pad admin-section" aria-labelledby="explain-heading">
      <h2 id="explain-heading">Explain for a user</h2>
      <p className="muted small">The value in effect for one person, and the level that decided it.</p>
      <form className="form-row" onSubmit={(e) => { e.preventDefault(); setAsked(who.trim()); }}>
        <TextField label="Explain settings for (email or id)" value={who} onChange={(e) => setWho(e.target.value)} required autoComplete="off" />
        <Button type="submit">Explain</Button>
      </form>
      {effective.error && <ProblemNotice error={effective.error} action="explain the settings" />}
      {effective.loading && <Skeleton lines={4} label="Loading the effective settings" />}
      {effective.data && !effective.loading && (
        <DataTable label={`Effective settings for ${effective.data.user.email}`}>
          <caption className="visually-hidden">Effective settings for {effective.data.user.email}</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Value</th>
              <th scope="col">Decided by</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {effective.data.settings.map((s) => (
              <tr key={s.key} data-key={s.key}>
                <td>
                  <code>{s.key}</code>
                </td>
                <td>{showValue(s.value)}</td>
                <td className="nowrap">
                  {s.decidedBy.level}
                  {s.decidedBy.name ? ` ${s.decidedBy.name}` : ''} {s.decidedBy.locked && <Badge tone="warning">locked</Badge>}
                </td>
                <td className="reason">{s.explanation}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

/** Feature policy: values and locks at account, group and user level, and why a user gets what they get. */
export function PolicyPage() {
  const definitions = useResource<{ items: SettingDefinition[] }>('/v1/settings/definitions');
  const groups = useResource<{ items: Group[] }>('/v1/groups');
  const stored = useResource<{ items: StoredSetting[] }>('/v1/settings');
  const error = definitions.error ?? groups.error;
  return (
    <AdminLayout>
      <PageHeader
        title="Feature policy"
        description="Turn features and options on or off for the account, a group or one user. A lock makes a value final for every level below it; when a user is in several groups, the most restrictive value wins."
      />
      {error && <ProblemNotice error={error} action="load the settings" />}
      {(!definitions.data || !groups.data) && !error && <Skeleton lines={5} label="Loading the settings" />}
      {definitions.data && groups.data && <SetSettingForm definitions={definitions.data.items} groups={groups.data.items} onSaved={stored.reload} />}
      <section className="admin-section" aria-labelledby="stored-heading">
        <h2 id="stored-heading">Stored values</h2>
        {stored.error && <ProblemNotice error={stored.error} action="load the stored values" />}
        {!stored.data && !stored.error && <Skeleton lines={3} label="Loading the stored values" />}
        {stored.data && groups.data && <StoredSettings groups={groups.data.items} stored={stored.data.items} onChanged={stored.reload} />}
      </section>
      <Explain />
    </AdminLayout>
  );
}
