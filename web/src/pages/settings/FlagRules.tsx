// Settings → Flag rules: when Rapport marks a customer on their card (past issues, needs extra support, VIP).
import { settingsApi } from '../../settings/api.ts';
import { FLAG_ORDER } from '../../settings/flag-rules.ts';
import { useLoaded } from '../../useLoaded.ts';
import { ErrorAlert, Loading } from '../../components/ErrorAlert.tsx';
import { FlagRuleForm } from '../../components/settings/FlagRuleForm.tsx';

export function FlagRules() {
  const [rules] = useLoaded(settingsApi.flagRules);
  return (
    <section className="page settings-page">
      <h1>Flag rules</h1>
      <p className="lead muted">
        Flags on a customer’s card tell agents what to know before they answer. These rules set them by themselves; a
        flag an agent set by hand is never changed by a rule.
      </p>
      {rules.state === 'loading' && <Loading label="Loading flag rules…" />}
      {rules.state === 'failed' && <ErrorAlert error={rules.error} />}
      {rules.state === 'ready' && (
        <div className="flag-rules">
          {FLAG_ORDER.map((flag) => {
            const rule = rules.value.items.find((candidate) => candidate.flag === flag);
            return rule ? <FlagRuleForm key={flag} rule={rule} /> : null;
          })}
        </div>
      )}
    </section>
  );
}
