// Settings → Escalation rules: which negative, urgent words from a customer open a case or raise its priority,
// tried top to bottom.
import { useMutation, useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import type { EscalationRule } from '../../settings/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { EscalationRuleForm } from '../../components/settings/EscalationRuleForm.tsx';
import { EscalationRuleList } from '../../components/settings/EscalationRuleList.tsx';
import { OrderedRulesPage } from '../../components/settings/OrderedRulesPage.tsx';

export function EscalationRules() {
  const invalidate = useInvalidate();
  const rules = useQuery({ queryKey: queryKeys.escalationRules(), queryFn: () => settingsApi.escalationRules() });
  const reload = () => void invalidate(queryKeys.escalationRules());
  const switchRule = useMutation({
    mutationFn: ({ rule, enabled }: { rule: EscalationRule; enabled: boolean }) =>
      settingsApi.changeEscalationRule(rule.id, { enabled }),
    onSettled: reload,
  });
  return (
    <OrderedRulesPage
      title="Escalation rules"
      lead="When a customer’s words read negative and urgent enough, the first enabled rule they match opens a case at its priority, or raises the priority of the case they join, and the case says why in her words. Calm words change nothing, and neither does history: messages imported from the past never escalate."
      rules={rules}
      reload={reload}
      changePosition={settingsApi.changeEscalationRule}
      deleteRule={(rule) => settingsApi.deleteEscalationRule(rule.id)}
      form={(rule, onSaved, onCancel) => <EscalationRuleForm rule={rule} onSaved={onSaved} onCancel={onCancel} />}
      list={(list, say) => (
        <EscalationRuleList
          {...list}
          busy={list.busy || switchRule.isPending}
          onSwitch={(rule, enabled) =>
            switchRule.mutate(
              { rule, enabled },
              { onSuccess: (changed) => say(`${changed.name} turned ${changed.enabled ? 'on' : 'off'}.`) },
            )
          }
        />
      )}
    >
      {switchRule.error !== null && <ErrorAlert error={switchRule.error} />}
    </OrderedRulesPage>
  );
}
