// The flags a board may take its members from: those the flag rules set (web/src/settings/flag-rules.ts), by
// their titles; a flag staff set by another name reads humanised.
import { humanize } from '../labels.ts';
import { FLAG_ORDER, FLAG_RULE_COPY } from '../settings/flag-rules.ts';

/** The flags offered when forming a board, in the order managers read the rules, with their titles. */
export const BOARD_FLAGS = FLAG_ORDER.map((flag) => ({ flag, title: FLAG_RULE_COPY[flag].title }));

/** `vip` → `VIP`, `at_risk` → `At risk`. */
export function flagTitle(flag: string): string {
  return BOARD_FLAGS.find((known) => known.flag === flag)?.title ?? humanize(flag);
}
