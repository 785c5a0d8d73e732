// Opens or closes the public ideas board (settings:manage), with a link to it while it is open. Staff then choose
// which ideas it shows, one by one, on each idea's page.
import { useMutation, useQuery } from '@tanstack/react-query';
import { ideasApi } from '../ideas-api.ts';
import { queryKeys, useInvalidate } from '../queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

export function PublicBoardSwitch() {
  const invalidate = useInvalidate();
  const settings = useQuery({
    queryKey: queryKeys.feedbackSettings(),
    queryFn: ({ signal }) => ideasApi.feedbackSettings(signal),
  });
  const change = useMutation({
    mutationFn: (open: boolean) => ideasApi.changeFeedbackSettings(open),
    onSuccess: () => invalidate(queryKeys.feedbackSettings()),
  });
  if (!settings.isSuccess) return settings.isError ? <ErrorAlert error={settings.error} /> : null;
  const open = settings.data.publicBoard;
  return (
    <p className="note public-board-switch" data-testid="public-board-switch">
      <span>
        Public ideas board: <strong>{open ? 'open' : 'closed'}</strong>
        {open ? (
          <>
            {' '}
            at <a href="/board">/board</a>, showing the ideas marked public.
          </>
        ) : (
          '. Customers cannot see, vote on or suggest ideas.'
        )}
      </span>
      <button type="button" className="small" disabled={change.isPending} onClick={() => change.mutate(!open)}>
        {open ? 'Close the board' : 'Open the board'}
      </button>
      {change.error !== null && <ErrorAlert error={change.error} />}
    </p>
  );
}
