// Settings → Case settings: the windows that decide when a message is the same case, a repeat, or too late.
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { CaseSettingsForm } from '../../components/settings/CaseSettingsForm.tsx';

export function CaseSettings() {
  const settings = useQuery({ queryKey: queryKeys.caseSettings(), queryFn: () => settingsApi.caseSettings() });
  return (
    <section className="page settings-page">
      <h1>Case settings</h1>
      <p className="lead muted">How Rapport groups messages into cases and when a resolved case is closed for good.</p>
      {settings.isPending && <Loading label="Loading case settings…" />}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.isSuccess && <CaseSettingsForm settings={settings.data} />}
    </section>
  );
}
