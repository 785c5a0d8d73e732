// Moving a rule up or down a list tried in order (assignment or escalation rules): saved rule by rule, then the
// list is read again from the server whatever happened, and the order buttons wait until it is.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { repositionsFor, type OrderedRule } from './rule-order.ts';

export interface RuleMoves {
  /** True from a move until the list is read again, so that the next move starts from the order saved. */
  moving: boolean;
  error: Error | null;
  move: (index: number, offset: -1 | 1) => void;
}

/** `listed`: the rules as last read (null while loading); `changePosition`: the PATCH of one rule. */
export function useRuleMoves<Rule extends OrderedRule>(
  listed: readonly Rule[] | null,
  changePosition: (id: string, change: { position: number }) => Promise<unknown>,
  reload: () => void,
): RuleMoves {
  const save = useMutation({
    mutationFn: async ({ rules, index, offset }: { rules: readonly Rule[]; index: number; offset: -1 | 1 }) => {
      try {
        for (const { rule, position } of repositionsFor(rules, index, offset)) {
          await changePosition(rule.id, { position });
        }
      } finally {
        reload();
      }
    },
  });
  const [movedFrom, setMovedFrom] = useState<readonly Rule[] | null>(null);
  return {
    moving: save.isPending || (movedFrom !== null && movedFrom === listed),
    error: save.error,
    move: (index, offset) => {
      if (listed === null) return;
      setMovedFrom(listed);
      // A refused move may leave the list as it was (the same answer): the buttons must not wait for a change.
      save.mutate({ rules: listed, index, offset }, { onError: () => setMovedFrom(null) });
    },
  };
}
