// Journeys → New journey, or Edit: the editor on a page of its own; saving goes to the journey's map.
import { useQuery } from '@tanstack/react-query';
import { showNotice } from '../notice.ts';
import { queryKeys } from '../queries.ts';
import { followLink, navigate } from '../router.ts';
import { journeysApi } from '../journeys/api.ts';
import { JOURNEYS_PATH, journeyPath } from '../journeys/paths.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { JourneyForm } from '../components/journeys/JourneyForm.tsx';
import '../journeys.css';

/** `id` null for a new journey. */
export function JourneyEditor({ id }: { id: string | null }) {
  const loaded = useQuery({
    queryKey: queryKeys.journey(id ?? ''),
    queryFn: ({ signal }) => journeysApi.journey(id ?? '', signal),
    enabled: id !== null,
  });
  const back = id ? journeyPath(id) : JOURNEYS_PATH;
  return (
    <section className="page journey-editor-page">
      <p className="breadcrumb">
        <a href={back} onClick={(event) => followLink(event, back)}>
          ← {id ? (loaded.data?.name ?? 'Journey') : 'Journeys'}
        </a>
      </p>
      {id !== null && loaded.isPending && <Loading label="Loading journey…" />}
      {id !== null && loaded.isError && <ErrorAlert error={loaded.error} />}
      {(id === null || loaded.data) && (
        <JourneyForm
          key={loaded.data?.updatedAt ?? 'new'}
          journey={loaded.data ?? null}
          onSaved={(journey) => {
            navigate(journeyPath(journey.id));
            showNotice({ path: journeyPath(journey.id), text: `${journey.name} saved.` });
          }}
          onCancel={() => navigate(back)}
        />
      )}
    </section>
  );
}
