import { Fragment, useState, type FormEvent } from 'react';
import type { AdminUser, ApiToken, Group, ImportReport } from '../../api/admin-types.ts';
import { api, type ApiError } from '../../api/client.ts';
import { importUsersCsv } from '../../api/csv.ts';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useMe } from '../../auth/me.tsx';
import { when } from '../../format/time.ts';
import { withQuery } from '../../router/router.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { DataTable, TableHead } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Checkbox, SelectField, TextField } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useDebounced } from '../../ui/use-debounced.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { ActionOutcome } from '../../ui/ActionOutcome.tsx';

const PAGE_SIZE = 25;

const ROLES: AdminUser['role'][] = ['owner', 'admin', 'member'];

/**
 * The role of one user, changed with an explicit button so moving through
 * the options from the keyboard sends nothing. Only an owner may make or
 * unmake owners; the server says so too, and its refusal is shown as it is.
 */
function RoleControl({ user, self, callerIsOwner, busy, onChange }: { user: AdminUser; self: boolean; callerIsOwner: boolean; busy: boolean; onChange(role: AdminUser['role']): void }) {
  const [role, setRole] = useState(user.role);
  const [confirming, setConfirming] = useState(false);
  const locked = user.role === 'owner' && !callerIsOwner;
  const apply = () => (self ? setConfirming(true) : onChange(role));
  return (
    <div className="role-control">
      <SelectField label={`Role of ${user.email}`} hideLabel value={role} disabled={locked || busy} onChange={(e) => setRole(e.target.value as AdminUser['role'])}>
        {ROLES.map((r) => (
          <option key={r} value={r} disabled={r === 'owner' && !callerIsOwner}>
            {r}
          </option>
        ))}
      </SelectField>
      {role !== user.role && (
        <Button small busy={busy} onClick={apply} aria-label={`Change the role of ${user.email} to ${role}`}>
          Change role
        </Button>
      )}
      {locked && <span className="field-hint">Only an owner may change an owner's role.</span>}
      <ConfirmDialog
        open={confirming}
        title={`Make yourself ${role === 'admin' ? 'an admin' : 'a member'}?`}
        confirmLabel="Change my role"
        busy={busy}
        onConfirm={() => {
          setConfirming(false);
          onChange(role);
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>{role === 'member' ? 'You will lose access to the admin console at once.' : 'Only owners may change the deployment mode and make or unmake owners.'}</p>
      </ConfirmDialog>
    </div>
  );
}

function UserRow({ user, onChanged, self, callerIsOwner }: { user: AdminUser; onChanged(user: AdminUser): void; self: boolean; callerIsOwner: boolean }) {
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<ApiError>();
  const patch = async (what: string, body: Partial<AdminUser>) => {
    setBusy(what);
    setError(undefined);
    try {
      onChanged(await api<AdminUser>(`/v1/users/${user.id}`, { method: 'PATCH', body }));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy('');
    }
  };
  const active = user.status === 'active';
  return (
    <tr data-user={user.email}>
      <td className="user-cell">
        <strong>{user.name}</strong>
        <div className="muted small mono-cell">{user.email}</div>
        {error && <ProblemNotice error={error} action="change the user" />}
      </td>
      <td className="nowrap">
        <RoleControl key={user.role} user={user} self={self} callerIsOwner={callerIsOwner} busy={busy === 'role'} onChange={(role) => patch('role', { role })} />
        {user.externalId && <Badge>SCIM</Badge>}
      </td>
      <td className="nowrap">{active ? <Badge tone="success">active</Badge> : <Badge tone="danger">deactivated</Badge>}</td>
      <td>
        <div className="licences">
        <Checkbox label="AI access" checked={user.aiAccess} disabled={!!busy} onChange={(e) => patch('aiAccess', { aiAccess: e.target.checked })} aria-label={`AI access for ${user.email}`} />
        <Checkbox label="Custom add-on" checked={user.customAddOn} disabled={!!busy} onChange={(e) => patch('customAddOn', { customAddOn: e.target.checked })} aria-label={`Custom add-on for ${user.email}`} />
        </div>
      </td>
      <td>
        {!self && (
          <Button small busy={busy === 'status'} onClick={() => patch('status', { status: active ? 'deactivated' : 'active' })} aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${user.email}`}>
            {active ? 'Deactivate' : 'Reactivate'}
          </Button>
        )}
      </td>
    </tr>
  );
}

function Users() {
  const me = useMe();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const query = useDebounced(q.trim(), 250);
  const users = useResource<Page<AdminUser>>(withQuery('/v1/users', { q: query, limit: PAGE_SIZE, offset }));
  const page = users.data;
  return (
    <section className="admin-section" aria-labelledby="users-heading">
      <header>
        <h2 id="users-heading">Users</h2>
      </header>
      <div className="form-row">
        <TextField label="Search users by name or email" type="search" value={q} onChange={(e) => { setQ(e.target.value); setOffset(0); }} autoComplete="off" />
      </div>
      {users.error && <ProblemNotice error={users.error} action="load the users" />}
      {!page && !users.error && <Skeleton lines={5} label="Loading the users" />}
      {page && page.items.length === 0 && <EmptyState title={query ? 'No users match' : 'No users yet'}>{query ? 'Try part of a name or an email address.' : undefined}</EmptyState>}
      {page && page.items.length > 0 && (
        <DataTable label="Users">
          <TableHead columns={['User', 'Role', 'Status', 'Licences']} />
          <tbody aria-busy={users.loading || undefined}>
            {page.items.map((u) => (
              <UserRow key={u.id} user={u} self={u.id === me.user.id} callerIsOwner={me.user.role === 'owner'} onChanged={(next) => users.setData((p) => p && { ...p, items: p.items.map((x) => (x.id === next.id ? next : x)) })} />
            ))}
          </tbody>
        </DataTable>
      )}
      {page && <Pagination total={page.total} limit={page.limit} offset={page.offset} onOffset={setOffset} noun="users" />}
    </section>
  );
}

type GroupDetail = Group & { members: { id: string; email: string; name: string }[] };

/** The members of one group, fetched when shown, each with a button that takes them out. */
function GroupMembers({ group, onChanged }: { group: Group; onChanged(): void }) {
  const detail = useResource<GroupDetail>(`/v1/groups/${group.id}`);
  const action = useAction();
  const remove = (member: GroupDetail['members'][number]) =>
    void action.run(member.id, async () => {
      const result = await api<{ removed: string[] }>(`/v1/groups/${group.id}/members`, { method: 'POST', body: { remove: [member.id] } });
      detail.setData((d) => d && { ...d, members: d.members.filter((m) => m.id !== member.id) });
      onChanged();
      return result.removed.length ? `Removed ${member.email} from ${group.name}.` : `${member.email} was no longer in ${group.name}.`;
    });
  const members = detail.data?.members;
  return (
    <div className="group-members" id={`members-${group.id}`}>
      {detail.error && <ProblemNotice error={detail.error} action={`load the members of ${group.name}`} />}
      {!members && !detail.error && <Skeleton lines={2} label={`Loading the members of ${group.name}`} />}
      {members && members.length === 0 && <p className="muted small">No members.</p>}
      {members && members.length > 0 && (
        <ul className="member-list" aria-label={`Members of ${group.name}`}>
          {members.map((m) => (
            <li key={m.id}>
              <span>
                {m.name} <span className="muted small mono-cell">{m.email}</span>
              </span>
              <Button small variant="ghost" busy={action.busy === m.id} onClick={() => remove(m)} aria-label={`Remove ${m.email} from ${group.name}`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      {group.externalId && <p className="muted small">This group comes from SCIM: the identity provider may add members back at its next sync.</p>}
      <ActionOutcome action={action} attempt="remove the member" />
    </div>
  );
}

function Groups() {
  const groups = useResource<{ items: Group[] }>('/v1/groups');
  const [name, setName] = useState('');
  const [group, setGroup] = useState('');
  const [member, setMember] = useState('');
  const [busy, setBusy] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [open, setOpen] = useState<string[]>([]);
  const run = async (what: string, action: () => Promise<string>) => {
    setBusy(what);
    setError(undefined);
    setDone('');
    try {
      setDone(await action());
      groups.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy('');
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    void run('create', async () => {
      const created = await api<Group>('/v1/groups', { method: 'POST', body: { name: name.trim() } });
      setName('');
      return `Group ${created.name} created.`;
    });
  };
  const items = groups.data?.items ?? [];
  const target = group || items[0]?.id || '';
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run('add', async () => {
      const result = await api<{ added: string[] }>(`/v1/groups/${target}/members`, { method: 'POST', body: { add: [member.trim()] } });
      setMember('');
      const groupName = items.find((g) => g.id === target)?.name;
      return result.added.length ? `Added ${member.trim()} to ${groupName}.` : `${member.trim()} was already in ${groupName}.`;
    });
  };
  return (
    <section className="admin-section" aria-labelledby="groups-heading">
      <h2 id="groups-heading">Groups</h2>
      {groups.error && <ProblemNotice error={groups.error} action="load the groups" />}
      {!groups.data && !groups.error && <Skeleton lines={3} label="Loading the groups" />}
      {groups.data && items.length === 0 && <EmptyState title="No groups yet">Groups come from SCIM, a CSV import, or the form below.</EmptyState>}
      {items.length > 0 && (
        <DataTable label="Groups">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Members</th>
              <th scope="col">AI access</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {items.map((g) => {
              const shown = open.includes(g.id);
              return (
              <Fragment key={g.id}>
              <tr>
                <td>{g.name}</td>
                <td>
                  <div className="verify-line">
                    <span>{g.memberCount}</span>
                    {g.memberCount > 0 && (
                      <Button
                        small
                        variant="ghost"
                        aria-expanded={shown}
                        aria-controls={shown ? `members-${g.id}` : undefined}
                        aria-label={`${shown ? 'Hide' : 'Show'} members of ${g.name}`}
                        onClick={() => setOpen((o) => (shown ? o.filter((id) => id !== g.id) : [...o, g.id]))}
                      >
                        {shown ? 'Hide' : 'Show'}
                      </Button>
                    )}
                  </div>
                </td>
                <td>
                  <Checkbox
                    label={g.aiAccess ? 'allowed' : 'withheld'}
                    checked={g.aiAccess}
                    disabled={busy === `ai ${g.id}`}
                    aria-label={`AI access for group ${g.name}`}
                    onChange={(e) => {
                      const aiAccess = e.target.checked;
                      void run(`ai ${g.id}`, async () => {
                        await api(`/v1/groups/${g.id}`, { method: 'PATCH', body: { aiAccess } });
                        return aiAccess ? `Members of ${g.name} may use AI again (if their own licence allows).` : `AI access withheld from every member of ${g.name}.`;
                      });
                    }}
                  />
                </td>
                <td>{g.externalId ? 'SCIM' : 'Confer'}</td>
              </tr>
              {shown && (
                <tr>
                  <td colSpan={4}>
                    <GroupMembers group={g} onChanged={groups.reload} />
                  </td>
                </tr>
              )}
              </Fragment>
              );
            })}
          </tbody>
        </DataTable>
      )}
      <div className="card card-pad admin-section">
        <form className="form-row" onSubmit={create}>
          <TextField label="New group name" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
          <Button type="submit" busy={busy === 'create'}>
            Add group
          </Button>
        </form>
        {items.length > 0 && (
          <form className="form-row" onSubmit={add}>
            <SelectField label="Group" value={target} onChange={(e) => setGroup(e.target.value)}>
              {items.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </SelectField>
            <TextField label="Member email" type="email" value={member} onChange={(e) => setMember(e.target.value)} required autoComplete="off" />
            <Button type="submit" busy={busy === 'add'}>
              Add member
            </Button>
          </form>
        )}
        {error && <ProblemNotice error={error} action="change the groups" />}
        {done && <Notice tone="success">{done}</Notice>}
      </div>
    </section>
  );
}

function Scim() {
  const tokens = useResource<{ items: ApiToken[] }>('/v1/tokens?all=true');
  const [created, setCreated] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const scim = (tokens.data?.items ?? []).filter((t) => t.kind === 'scim');
  const active = scim.filter((t) => !t.revokedAt && (!t.expiresAt || t.expiresAt > new Date().toISOString()));
  const lastUsed = active.map((t) => t.lastUsedAt).filter((t): t is string => !!t).sort().pop();
  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const t = await api<ApiToken & { token: string }>('/v1/tokens', { method: 'POST', body: { name: 'SCIM provisioning', kind: 'scim' } });
      setCreated(t.token);
      tokens.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card card-pad admin-section" aria-labelledby="scim-heading">
      <h3 id="scim-heading">SCIM</h3>
      {tokens.error && <ProblemNotice error={tokens.error} action="load the SCIM tokens" />}
      {!tokens.data && !tokens.error && <Skeleton lines={2} label="Loading SCIM status" />}
      {tokens.data && (
        <p data-testid="scim-status">
          {active.length === 0
            ? 'Not connected: no SCIM token is active. Create one and give it to your identity provider with the endpoint /scim/v2.'
            : `${active.length} active SCIM token${active.length === 1 ? '' : 's'}; ${lastUsed ? `last sync ${when(lastUsed)}` : 'not used yet'}.`}
        </p>
      )}
      <div className="form-row">
        <Button onClick={create} busy={busy}>
          Create SCIM token
        </Button>
      </div>
      {error && <ProblemNotice error={error} action="create the SCIM token" />}
      {created && (
        <Notice tone="success" title="Copy this token now: it is shown only once">
          <code>{created}</code>
        </Notice>
      )}
    </div>
  );
}

function CsvImport({ onImported }: { onImported(): void }) {
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState<'' | 'dry' | 'apply'>('');
  const [error, setError] = useState<ApiError>();
  const send = async (dryRun: boolean) => {
    setBusy(dryRun ? 'dry' : 'apply');
    setError(undefined);
    try {
      setReport(await importUsersCsv(csv, dryRun));
      if (!dryRun) onImported();
    } catch (e) {
      setError(e as ApiError);
      setReport(undefined);
    } finally {
      setBusy('');
    }
  };
  return (
    <div className="card card-pad admin-section" aria-labelledby="csv-heading">
      <h3 id="csv-heading">CSV import</h3>
      <p className="muted small">
        Columns: <code>email,name,groups,role,aiAccess,customAddOn</code> (groups separated by <code>;</code>). A dry run shows what would change, row by row, and changes
        nothing.
      </p>
      <div className="field">
        <label className="field-label" htmlFor="csv-file">
          CSV file
        </label>
        <input id="csv-file" type="file" accept=".csv,text/csv" className="input" onChange={async (e) => {
            setCsv((await e.target.files?.[0]?.text()) ?? '');
            setReport(undefined);
          }} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor="csv-text">
          Or paste the CSV
        </label>
        <textarea id="csv-text" className="input" value={csv} onChange={(e) => { setCsv(e.target.value); setReport(undefined); }} spellCheck={false} />
      </div>
      <div className="form-row">
        <Button onClick={() => send(true)} busy={busy === 'dry'} disabled={!csv.trim()}>
          Dry run
        </Button>
        <Button variant="primary" onClick={() => send(false)} busy={busy === 'apply'} disabled={!csv.trim() || !report?.dryRun} title={report?.dryRun ? undefined : 'Run a dry run of this CSV first'}>
          Import
        </Button>
      </div>
      {error && <ProblemNotice error={error} action="read the CSV" />}
      {report && (
        <div className="admin-section" aria-live="polite">
          <Notice tone={report.errors.length ? 'warning' : 'success'} title={report.dryRun ? 'Dry run: nothing was changed' : 'Imported'}>
            {report.created} {report.dryRun ? 'to create' : 'created'}, {report.updated} {report.dryRun ? 'to update' : 'updated'}, {report.unchanged} unchanged, {report.errors.length} with
            errors.
          </Notice>
          <DataTable label="Import rows">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Email</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...report.rows.map((r) => ({ line: r.line, email: r.email, error: '', text: `${r.action}${r.changes.length ? `: ${r.changes.join(', ')}` : ''}${r.groupsCreated.length ? ` (new groups ${r.groupsCreated.join(', ')})` : ''}` })),
                ...report.errors.map((e) => ({ line: e.line, email: e.email ?? '', error: e.message, text: '' })),
              ]
                .sort((a, b) => a.line - b.line)
                .map((r) => (
                  <tr key={`${r.line}${r.error}`} className={r.error ? 'row-error' : undefined}>
                    <td>{r.line}</td>
                    <td className="mono-cell">{r.email}</td>
                    <td>{r.error ? <span className="field-error">{r.error}</span> : r.text}</td>
                  </tr>
                ))}
            </tbody>
          </DataTable>
        </div>
      )}
    </div>
  );
}

/** Users and groups: licences, deactivation, groups, and how people arrive (SCIM or CSV). */
export function UsersPage() {
  const [generation, setGeneration] = useState(0);
  return (
    <AdminLayout>
      <PageHeader title="Users and groups" description="Who can use Confer, with which licences, and how they are provisioned." />
      <Users key={`u${generation}`} />
      <Groups key={`g${generation}`} />
      <section className="admin-section" aria-labelledby="provisioning-heading">
        <h2 id="provisioning-heading">Provisioning</h2>
        <Scim />
        <CsvImport onImported={() => setGeneration((g) => g + 1)} />
      </section>
    </AdminLayout>
  );
}
