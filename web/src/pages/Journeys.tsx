// Journeys: the experiences the company intends, as stages of touchpoints with targets; each opens on its map of
// intended against actual. Managers define and change them.
import { useQuery } from '@tanstack/react-query';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink } from '../router.ts';
import { journeysApi } from '../journeys/api.ts';
import { journeyPath, NEW_JOURNEY_PATH } from '../journeys/paths.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import '../journeys.css';

export function Journeys() {
  const can = useCan();
  const journeys = useQuery({ queryKey: queryKeys.journeys(), queryFn: () => journeysApi.journeys() });
  return (
    <section className="page journeys-page">
      <div className="page-bar">
        <h1>Journeys</h1>
        {can('settings:manage') && (
          <a
            className="button-link primary"
            href={NEW_JOURNEY_PATH}
            onClick={(event) => followLink(event, NEW_JOURNEY_PATH)}
          >
            New journey
          </a>
        )}
      </div>
      <p className="lead muted">
        What customers go through, stage by stage, with the experience intended at each touchpoint. Open a journey for
        its map: what was intended beside what customers actually got, the gaps worst first, and where they drop off or
        wait.
      </p>
      {journeys.isPending && <Loading label="Loading journeys…" />}
      {journeys.isError && <ErrorAlert error={journeys.error} />}
      {journeys.isSuccess && journeys.data.items.length === 0 && (
        <p className="empty-state">
          No journeys yet.{can('settings:manage') ? ' Define one with New journey.' : ' A manager defines them.'}
        </p>
      )}
      {journeys.isSuccess && journeys.data.items.length > 0 && (
        <table className="data-table journeys-table">
          <caption className="visually-hidden">Journeys</caption>
          <thead>
            <tr>
              <th scope="col">Journey</th>
              <th scope="col">Stages</th>
              <th scope="col" className="number">
                Touchpoints
              </th>
              <th scope="col" className="number">
                Targets
              </th>
            </tr>
          </thead>
          <tbody>
            {journeys.data.items.map((journey) => {
              const touchpoints = journey.stages.flatMap((stage) => stage.touchpoints);
              return (
                <tr key={journey.id} data-testid="journey-row">
                  <th scope="row">
                    <a href={journeyPath(journey.id)} onClick={(event) => followLink(event, journeyPath(journey.id))}>
                      {journey.name}
                    </a>
                  </th>
                  <td>{journey.stages.map((stage) => stage.name).join(' → ')}</td>
                  <td className="number">{touchpoints.length}</td>
                  <td className="number">
                    {touchpoints.reduce((sum, touchpoint) => sum + touchpoint.targets.length, 0)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
