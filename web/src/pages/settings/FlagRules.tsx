// Settings → Flag rules: when Rapport marks a customer on their card (past issues, needs extra support, VIP).
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import { FLAG_ORDER } from '../../settings/flag-rules.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { FlagRuleForm } from '../../components/settings/FlagRuleForm.tsx';

export function FlagRules() {
  const rules = useQuery({ queryKey: queryKeys.flagRules(), queryFn: () => settingsApi.flagRules() });
  return (
    <section className="page settings-page">
      <h1>Flag rules</h1>
      <p className="lead muted">
        Flags on a customer’s card tell agents what to know before they answer. These rules set them by themselves; a
        flag an agent set by hand is never changed by a rule.
      </p>
      {rules.isPending && <Loading label="Loading flag rules…" />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.isSuccess && (
        <div className="flag-rules">
          {FLAG_ORDER.map((flag) => {
            const rule = rules.data.items.find((candidate) => candidate.flag === flag);
            return rule ? <FlagRuleForm key={flag} rule={rule} /> : null;
          })}
        </div>
      )}
    </section>
  );
}
