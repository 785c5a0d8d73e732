// Moving a rule (assignment or escalation) up or down its list: which rules need a new position for the new order.

/** Any rule tried in order: the lower position first. */
export interface OrderedRule {
  id: string;
  position: number;
}

export interface Reposition<Rule extends OrderedRule> {
  rule: Rule;
  position: number;
}

/**
 * The rules that must change position when the one at `index` moves by `offset`, numbered 0, 1, 2…
 * in the new order; positions are renumbered because equal positions would leave the order to ids.
 */
export function repositionsFor<Rule extends OrderedRule>(
  rules: readonly Rule[],
  index: number,
  offset: -1 | 1,
): Reposition<Rule>[] {
  const target = index + offset;
  if (index < 0 || index >= rules.length || target < 0 || target >= rules.length) return [];
  const order = [...rules];
  const [moved] = order.splice(index, 1);
  order.splice(target, 0, moved!);
  return order.flatMap((rule, position) => (rule.position === position ? [] : [{ rule, position }]));
}
