// The Shell's quiet line when customer data is behind what tracked sources sent, or an admin paused applying it;
// nothing at all while it keeps up. Admins get Resume right there.
import { useCan } from '../permissions.ts';
import { lagNotice } from '../projection-lag.ts';
import { useProjectionLag, useProjectorSwitch } from '../useProjectionLag.ts';
import '../projection-lag.css';

export function ProjectionLagNotice() {
  const can = useCan();
  const lag = useProjectionLag();
  const projector = useProjectorSwitch();
  // A failed read (a 401 racing a sign-out, a server restarting) tells staff nothing about their data: say nothing.
  if (lag.isError || !lag.data) return null;
  const text = lagNotice(lag.data);
  if (text === null) return null;
  return (
    <div className="projection-lag" role="status" data-testid="projection-lag">
      <svg viewBox="0 0 24 24" aria-hidden="true" className="projection-lag-icon">
        <circle cx="12" cy="12" r="8.5" />
        <path d="M12 7.5V12l3 2" />
      </svg>
      <span>{text}</span>
      {lag.data.paused && can('keys:manage') && (
        <button type="button" className="small" disabled={projector.isPending} onClick={() => projector.mutate(false)}>
          {projector.isPending ? 'Resuming…' : 'Resume'}
        </button>
      )}
      {projector.isError && <span className="projection-lag-error">{projector.error.message}</span>}
    </div>
  );
}
