// Settings → Assignment rules: which team (and skill) a new case goes to, tried top to bottom.
import { useQuery } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { settingsApi } from '../../settings/api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrderedRulesPage } from '../../components/settings/OrderedRulesPage.tsx';
import { RuleForm } from '../../components/settings/RuleForm.tsx';
import { RuleList } from '../../components/settings/RuleList.tsx';

export function AssignmentRules() {
  const invalidate = useInvalidate();
  const rules = useQuery({ queryKey: queryKeys.assignmentRules(), queryFn: () => settingsApi.assignmentRules() });
  const teams = useQuery({ queryKey: queryKeys.teams(false), queryFn: () => settingsApi.teams() });
  const teamList = teams.isSuccess ? teams.data.items : [];
  return (
    <OrderedRulesPage
      title="Assignment rules"
      lead="A new case goes to the team of the first rule it matches, then to the available member of that team (with the skill, if one is asked for) who has the fewest open cases. No match: the default team."
      rules={rules}
      reload={() => void invalidate(queryKeys.assignmentRules())}
      changePosition={settingsApi.changeAssignmentRule}
      deleteRule={(rule) => settingsApi.deleteAssignmentRule(rule.id)}
      formReady={teams.isSuccess}
      form={(rule, onSaved, onCancel) => (
        <RuleForm rule={rule} teams={teamList} onSaved={onSaved} onCancel={onCancel} />
      )}
      list={(list) => <RuleList {...list} teams={teamList} />}
    >
      {teams.isError && <ErrorAlert error={teams.error} />}
    </OrderedRulesPage>
  );
}
