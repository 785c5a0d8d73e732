// Insights → Customers: come, stay, leave → Churn settings: what counts as leaving, for the managers who decide it.
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../queries.ts';
import { followLink } from '../router.ts';
import { retentionApi } from '../retention/api.ts';
import { CHURN_PATH } from '../retention/choices.ts';
import { ChurnSettingsForm } from '../components/ChurnSettingsForm.tsx';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';

export function ChurnSettings() {
  const settings = useQuery({ queryKey: queryKeys.churnSettings(), queryFn: () => retentionApi.churnSettings() });
  return (
    <section className="page settings-page">
      <p className="breadcrumb">
        <a href={CHURN_PATH} onClick={(event) => followLink(event, CHURN_PATH)}>
          ← Customers: come, stay, leave
        </a>
      </p>
      <h1>Churn settings</h1>
      <p className="lead muted">
        When a customer counts as gone: the event a source sends when she cancels, a silence of so many days, or both. A
        customer who comes back counts again.
      </p>
      {settings.isPending && <Loading label="Loading churn settings…" />}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.isSuccess && <ChurnSettingsForm settings={settings.data} />}
    </section>
  );
}
