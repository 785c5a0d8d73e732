// The frame of a settings page for rules tried in order (assignment, escalation rules): New rule, what the rules
// do, the form for the rule being edited, and the list, its moves saved rule by rule and read again from the server.
import type { UseQueryResult } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import type { OrderedRule } from '../../settings/rule-order.ts';
import { useRuleMoves } from '../../settings/useRuleMoves.ts';
import { ErrorAlert, Loading } from '../ErrorAlert.tsx';
import type { RuleListProps } from './RuleTable.tsx';

type NamedRule = OrderedRule & { name: string };

interface OrderedRulesPageProps<Rule extends NamedRule> {
  title: string;
  /** What the rules do, in plain words. */
  lead: ReactNode;
  rules: UseQueryResult<{ items: Rule[] }>;
  reload: () => void;
  changePosition: (id: string, change: { position: number }) => Promise<unknown>;
  deleteRule: (rule: Rule) => Promise<unknown>;
  /** False while the form cannot work yet (assignment rules wait for the teams). */
  formReady?: boolean;
  /** The form for `rule` (null: a new one, which goes last). */
  form: (rule: Rule | null, onSaved: (saved: Rule) => void, onCancel: () => void) => ReactNode;
  /** The list; `say` puts a change's outcome where a save's shows ("Refunds turned off."). */
  list: (props: RuleListProps<Rule>, say: (outcome: string) => void) => ReactNode;
  /** Shown above the form: another read's or change's failure. */
  children?: ReactNode;
}

export function OrderedRulesPage<Rule extends NamedRule>(props: OrderedRulesPageProps<Rule>) {
  const { title, lead, rules, reload, formReady = true, children } = props;
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  // The outcome of the last change (one at a time, so an old one never reads as news).
  const [outcome, setOutcome] = useState<string | null>(null);
  const moves = useRuleMoves(rules.data?.items ?? null, props.changePosition, reload);

  const open = (rule: Rule | 'new') => {
    setOutcome(null);
    setEditing(rule);
    window.scrollTo({ top: 0 });
  };
  const onSaved = (rule: Rule) => {
    setOutcome(`${rule.name} saved.`);
    setEditing(null);
    reload();
  };

  return (
    <section className="page settings-page">
      <div className="page-bar">
        <h1>{title}</h1>
        {editing === null && (
          <button type="button" className="primary" onClick={() => open('new')}>
            New rule
          </button>
        )}
      </div>
      <p className="lead muted">{lead}</p>
      {outcome && (
        <p className="note" role="status">
          {outcome}
        </p>
      )}
      {children}
      {editing !== null && formReady && (
        <Fragment key={editing === 'new' ? 'new' : editing.id}>
          {props.form(editing === 'new' ? null : editing, onSaved, () => setEditing(null))}
        </Fragment>
      )}
      <h2 className="list-heading">Rules, in the order they are tried</h2>
      {moves.error !== null && <ErrorAlert error={moves.error} />}
      {rules.isPending && <Loading label="Loading rules…" />}
      {rules.isError && <ErrorAlert error={rules.error} />}
      {rules.isSuccess &&
        props.list(
          {
            rules: rules.data.items,
            busy: moves.moving,
            onMove: moves.move,
            onEdit: open,
            onDelete: async (rule) => {
              await props.deleteRule(rule);
              if (editing !== null && editing !== 'new' && editing.id === rule.id) setEditing(null);
              reload();
            },
          },
          setOutcome,
        )}
    </section>
  );
}
