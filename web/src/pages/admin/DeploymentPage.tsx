import { useState, type FormEvent } from 'react';
import type { AccountInfo, DeploymentMode, Features, Provider } from '../../api/admin-types.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useMe } from '../../auth/me.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { AdminLayout } from './AdminLayout.tsx';

export const MODE_WORDS: Record<DeploymentMode, string> = {
  'self-hosted-only': 'Self-hosted only: the built-in engine and model servers you host; nothing leaves your infrastructure.',
  'self-hosted-plus': 'Self-hosted plus: also managed services running in your home region under your cloud account.',
  federated: 'Federated: also third-party model APIs, chosen per task.',
};
const MODES = Object.keys(MODE_WORDS) as DeploymentMode[];

function ModeSwitch({ account, onChanged }: { account: AccountInfo; onChanged(account: AccountInfo): void }) {
  const [choice, setChoice] = useState<DeploymentMode>(account.deploymentMode);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const change = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await api<AccountInfo>('/v1/account', { method: 'PATCH', body: { deploymentMode: choice } }));
      setConfirming(false);
    } catch (e) {
      setError(e as ApiError);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form-row" onSubmit={(e) => { e.preventDefault(); setConfirming(true); }}>
      <SelectField label="New deployment mode" value={choice} onChange={(e) => setChoice(e.target.value as DeploymentMode)}>
        {MODES.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="primary" disabled={choice === account.deploymentMode}>
        Change mode…
      </Button>
      {error && <ProblemNotice error={error} action="change the mode" />}
      <ConfirmDialog
        open={confirming}
        title={`Switch to ${choice}?`}
        confirmLabel={`Switch to ${choice}`}
        busy={busy}
        onConfirm={change}
        onCancel={() => setConfirming(false)}
      >
        <p>{MODE_WORDS[choice]}</p>
        <p className="muted small">Features that need a kind of model the new mode does not allow stop at once. The change is recorded in the audit log.</p>
      </ConfirmDialog>
    </form>
  );
}

const EXAMPLE_PROVIDER = `{
  "name": "gpu1-llama",
  "kind": "openai-compatible",
  "baseUrl": "http://gpu1:11434/v1",
  "regions": ["EU"],
  "capabilities": ["text", "structured"],
  "models": { "text": "llama3.1:70b" },
  "contextWindow": 131072
}`;

/** Registers a provider for the account from the same entry the operator's configuration file takes. */
function RegisterProvider({ onChanged }: { onChanged(): void }) {
  const [text, setText] = useState(EXAMPLE_PROVIDER);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string>();
  const [done, setDone] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone('');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      setError(`The registration is not valid JSON: ${(e as Error).message}`);
      return;
    }
    setBusy(true);
    try {
      const created = await api<Provider>('/v1/admin/providers', { method: 'POST', body });
      setDone(`Provider ${created.name} registered (${created.hosting}, ${created.regions.join(', ')}).`);
      onChanged();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card card-pad admin-section">
      <summary>Register a provider for this account</summary>
      <form className="admin-section" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor="provider-json">
            Provider entry (JSON, as in the providers list of CONFER_CONFIG)
          </label>
          <textarea id="provider-json" className="input" rows={9} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} aria-describedby="provider-json-hint" />
          <span id="provider-json-hint" className="field-hint">
            Secrets are named by environment variable on the server (apiKeyEnv…), never sent here.
          </span>
        </div>
        <div className="form-row">
          <Button type="submit" variant="primary" busy={busy}>
            Register provider
          </Button>
        </div>
        {typeof error === 'string' && <Notice tone="error" title="Could not register the provider">{error}</Notice>}
        {error && typeof error !== 'string' && <ProblemNotice error={error} action="register the provider" />}
        {done && <Notice tone="success">{done}</Notice>}
      </form>
    </details>
  );
}

function RemoveProvider({ provider, onRemoved }: { provider: Provider; onRemoved(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const remove = async () => {
    setBusy(true);
    try {
      await api(`/v1/admin/providers/${encodeURIComponent(provider.name)}`, { method: 'DELETE' });
      setConfirming(false);
      onRemoved();
    } catch (e) {
      setError(e as ApiError);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button small variant="ghost" onClick={() => setConfirming(true)} aria-label={`Remove provider ${provider.name}`}>
        Remove…
      </Button>
      {error && <ProblemNotice error={error} action="remove the provider" />}
      <ConfirmDialog open={confirming} title={`Remove ${provider.name}?`} confirmLabel="Remove provider" busy={busy} onConfirm={remove} onCancel={() => setConfirming(false)}>
        <p>Features it serves move to another allowed provider, or become unavailable if there is none.</p>
      </ConfirmDialog>
    </>
  );
}

function healthBadge(p: Provider) {
  if (p.health.circuit === 'open') return <Badge tone="danger">failing</Badge>;
  if (p.health.circuit === 'half-open') return <Badge tone="warning">recovering</Badge>;
  return <Badge tone="success">healthy</Badge>;
}

/** Deployment and models: where data is processed, which providers exist, and what that makes available. */
export function DeploymentPage() {
  const me = useMe();
  const account = useResource<AccountInfo>('/v1/account');
  const providers = useResource<{ items: Provider[] }>('/v1/admin/providers');
  const features = useResource<Features>('/v1/features');
  const changed = (next: AccountInfo) => {
    account.setData(() => next);
    providers.reload();
    features.reload();
  };
  const a = account.data;
  return (
    <AdminLayout>
      <PageHeader title="Deployment and models" description="Where this account's data is processed, by which models, and what that makes available." />

      <section className="card card-pad admin-section" aria-labelledby="deployment-heading">
        <h2 id="deployment-heading">Region and mode</h2>
        {account.error && <ProblemNotice error={account.error} action="load the account" />}
        {!a && !account.error && <Skeleton lines={3} label="Loading the account" />}
        {a && (
          <>
            <dl className="facts">
              <dt>Account</dt>
              <dd>{a.name}</dd>
              <dt>Home region</dt>
              <dd>{a.homeRegion}</dd>
              <dt>Deployment mode</dt>
              <dd>
                <span data-testid="deployment-mode">{a.deploymentMode}</span>
                <p className="muted small">{MODE_WORDS[a.deploymentMode]}</p>
              </dd>
              <dt>Allowed hosting</dt>
              <dd>{a.allowedHosting.join(', ')}</dd>
            </dl>
            {me.user.role === 'owner' ? (
              <ModeSwitch key={a.deploymentMode} account={a} onChanged={changed} />
            ) : (
              <p className="muted small">Only an owner can change the deployment mode.</p>
            )}
          </>
        )}
      </section>

      <section className="admin-section" aria-labelledby="providers-heading">
        <header>
          <h2 id="providers-heading">Model providers</h2>
          <p className="muted small">The built-in engine, providers from the operator's configuration file, and this account's own registrations.</p>
        </header>
        {providers.error && <ProblemNotice error={providers.error} action="load the providers" />}
        {!providers.data && !providers.error && <Skeleton lines={4} label="Loading the providers" />}
        {providers.data && providers.data.items.length === 0 && <EmptyState title="No providers registered" />}
        {providers.data && providers.data.items.length > 0 && (
          <DataTable label="Model providers">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Hosting</th>
                <th scope="col">Regions</th>
                <th scope="col">Health</th>
                <th scope="col">For this account</th>
              </tr>
            </thead>
            <tbody>
              {providers.data.items.map((p) => (
                <tr key={p.name}>
                  <td>
                    <strong>{p.name}</strong>
                    <div className="muted small">
                      {[p.kind === p.name ? '' : p.kind, p.source === 'builtin' ? 'built in' : p.source === 'config' ? 'operator configuration' : 'this account', p.capabilities.join(', ')].filter(Boolean).join(' · ')}
                    </div>
                  </td>
                  <td className="nowrap">{p.hosting}</td>
                  <td>{p.regions.length === 0 || p.regions.includes('*') ? 'any' : p.regions.join(', ')}</td>
                  <td className="nowrap">
                    {healthBadge(p)}
                    {p.health.latencyMs !== null && <div className="muted small">{Math.round(p.health.latencyMs)} ms</div>}
                  </td>
                  <td className="reason">
                    {p.usable ? <Badge tone="success">usable</Badge> : <Badge tone="warning">not usable</Badge>} {p.reason}
                    {p.source === 'account' && (
                      <div>
                        <RemoveProvider provider={p} onRemoved={() => { providers.reload(); features.reload(); }} />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        <RegisterProvider onChanged={() => { providers.reload(); features.reload(); }} />
      </section>

      <section className="admin-section" aria-labelledby="features-heading">
        <header>
          <h2 id="features-heading">Feature availability</h2>
          <p className="muted small">Live for the current mode and region: what serves each feature, or exactly why nothing can.</p>
        </header>
        {features.error && <ProblemNotice error={features.error} action="load feature availability" />}
        {!features.data && !features.error && <Skeleton lines={6} label="Loading feature availability" />}
        {features.data && (
          <DataTable label="Feature availability">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Status</th>
                <th scope="col">Served by, or why not</th>
              </tr>
            </thead>
            <tbody aria-busy={features.loading || undefined}>
              {features.data.features.map((f) => (
                <tr key={f.featureId} data-feature={f.featureId}>
                  <td>
                    <code>{f.featureId}</code>
                  </td>
                  <td className="nowrap">
                    {f.available ? <Badge tone="success">available</Badge> : <Badge tone="danger">unavailable</Badge>}
                    {!f.implemented && <> <Badge>not in this version</Badge></>}
                  </td>
                  <td className="reason">{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </AdminLayout>
  );
}
