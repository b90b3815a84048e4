import { useState } from 'react';
import type { SettingDefinition, StoredSetting } from '../../api/admin-types.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useMe } from '../../auth/me.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Checkbox } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { AdminLayout } from './AdminLayout.tsx';

/** The account-level value of one setting (stored, or its default), with a save action. */
function useAccountSetting(key: string, fallback: unknown) {
  const me = useMe();
  const stored = useResource<{ items: StoredSetting[] }>('/v1/settings?level=account');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const save = async (value: unknown) => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await api(`/v1/settings/account/${me.account.id}/${encodeURIComponent(key)}`, { method: 'PUT', body: { value } });
      stored.reload();
      setSaved(true);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const found = stored.data?.items.find((v) => v.key === key);
  const setting = stored.data && {
    value: found ? found.value : fallback,
    explanation: found ? `Set for the whole account${found.locked ? ' and locked' : ''}; groups and users may differ unless locked.` : 'The default; nothing is stored for the account.',
  };
  return { setting, loadError: stored.error, busy, error, saved, save };
}

function ZeroDataRetention() {
  const s = useAccountSetting('meetings.zero_data_retention', false);
  const on = s.setting?.value === true;
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
          <Button small busy={s.busy} onClick={() => s.save(!on)}>
            {on ? 'Turn off for the account' : 'Turn on for the account'}
          </Button>
        </div>
      )}
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

/** Data lifecycle: how long content is kept, what is held, exported, redacted and blocked. */
export function LifecyclePage() {
  return (
    <AdminLayout>
      <PageHeader title="Data lifecycle" description="How long content is kept, what legal holds preserve, what is exported, and what never reaches an output." />
      <ZeroDataRetention />
      <RedactionEntities />
    </AdminLayout>
  );
}
