// Settings → Case settings: the windows that decide when a message is the same case, a repeat, or too late.
import { settingsApi } from '../../settings/api.ts';
import { useLoaded } from '../../useLoaded.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { CaseSettingsForm } from '../../components/settings/CaseSettingsForm.tsx';

export function CaseSettings() {
  const [settings] = useLoaded(settingsApi.caseSettings);
  return (
    <section className="page settings-page">
      <h1>Case settings</h1>
      <p className="lead muted">How Rapport groups messages into cases and when a resolved case is closed for good.</p>
      {settings.state === 'loading' && <Loading label="Loading case settings…" />}
      {settings.state === 'failed' && <ErrorAlert error={settings.error} />}
      {settings.state === 'ready' && <CaseSettingsForm settings={settings.value} />}
    </section>
  );
}
