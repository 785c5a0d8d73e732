// Settings → Write keys: whether tracked events are being applied to customer profiles, how many wait, and the
// admin's Pause (asked first) and Resume. Sources are still acknowledged while paused; the events wait on disk.
import { eventsWaiting, howFarBehind } from '../projection-lag.ts';
import { useProjectionLag, useProjectorSwitch } from '../useProjectionLag.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import '../projection-lag.css';

export function EventProcessing() {
  const lag = useProjectionLag();
  const projector = useProjectorSwitch();
  const pause = async () => {
    await projector.mutateAsync(true);
  };
  return (
    <section className="event-processing" aria-labelledby="event-processing-heading" data-testid="event-processing">
      <h2 className="list-heading" id="event-processing-heading">
        Processing of tracked events
      </h2>
      {lag.isPending && <Loading label="Loading processing state…" />}
      {lag.isError && <ErrorAlert error={lag.error} />}
      {lag.data && (
        <div className="event-processing-panel">
          <div className="event-processing-state">
            <span className={`status ${lag.data.paused ? 'status-off' : 'status-on'}`}>
              {lag.data.paused ? 'Paused' : 'Running'}
            </span>
            <span>
              {lag.data.paused
                ? 'Events are still accepted and kept, but customer profiles do not change until you resume.'
                : 'Events reach customer profiles moments after sources send them.'}
            </span>
          </div>
          <p className="muted" data-testid="events-waiting">
            {capitalise(eventsWaiting(lag.data.backlog))}
            {lag.data.backlog > 0 && `; the oldest has waited ${howFarBehind(lag.data.lagSeconds)}`}.
          </p>
          {lag.data.paused ? (
            <div className="confirm-action">
              <button
                type="button"
                className="small"
                disabled={projector.isPending}
                onClick={() => projector.mutate(false)}
              >
                {projector.isPending ? 'Resuming…' : 'Resume'}
              </button>
              {projector.isError && projector.variables === false && <ErrorAlert error={projector.error} />}
            </div>
          ) : (
            <ConfirmButton
              label="Pause"
              question="Pause processing? Sources are still accepted, but customer profiles stop changing, and once events have waited a while sources are asked to send again later."
              onConfirm={pause}
            />
          )}
        </div>
      )}
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
