// The customer's flags as coloured badges; staff who may edit can clear one or set a new one.
import { useMutation } from '@tanstack/react-query';
import { api } from '../api.ts';
import { humanize } from '../labels.ts';
import { formatDate } from '../time.ts';
import type { Flag } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FlagForm } from './FlagForm.tsx';

interface FlagsProps {
  customerId: string;
  flags: Flag[];
  /** Present only for staff who may change the customer; refreshes the card. */
  onChanged?: () => Promise<void>;
}

export function Flags({ customerId, flags, onChanged }: FlagsProps) {
  // One clear at a time; its failure is kept to show.
  const clearing = useMutation({
    mutationFn: async (flag: string) => {
      await api.clearFlag(customerId, flag);
      await onChanged?.();
    },
  });
  if (flags.length === 0 && !onChanged) return null;
  const clear = (flag: string) => clearing.mutate(flag);
  return (
    <div className="flag-bar">
      {flags.length > 0 && (
        <ul className="flags" aria-label="Flags">
          {flags.map((flag) => (
            <FlagBadge
              key={flag.flag}
              flag={flag}
              onClear={onChanged && !clearing.isPending ? () => clear(flag.flag) : undefined}
            />
          ))}
        </ul>
      )}
      {clearing.error !== null && <ErrorAlert error={clearing.error} />}
      {onChanged && <FlagForm customerId={customerId} onSet={onChanged} />}
    </div>
  );
}

/** Colour says how careful to be: red for risk, amber for special treatment, blue for anything else. */
function flagTone(flag: string): string {
  if (/risk|fraud|abuse|block|do.?not|churn|complain|chargeback|angry/i.test(flag)) return 'danger';
  if (/vip|loyal|priority|premium|gold|vocal|influenc/i.test(flag)) return 'warning';
  return 'info';
}

function FlagBadge({ flag, onClear }: { flag: Flag; onClear?: () => void }) {
  const origin = flag.source === 'rule' ? 'Set by a rule' : 'Set by staff';
  const title = [flag.reason, `${origin} on ${formatDate(flag.setAt)}`].filter(Boolean).join(' — ');
  return (
    <li className={`flag flag-${flagTone(flag.flag)}`} title={title}>
      <span data-testid="flag">{humanize(flag.flag)}</span>
      {onClear && (
        <button type="button" className="flag-clear" aria-label={`Clear flag ${humanize(flag.flag)}`} onClick={onClear}>
          ×
        </button>
      )}
    </li>
  );
}
