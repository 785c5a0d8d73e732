// One advisory board: its members (by hand and by its flag), the sessions held and the input members gave, each
// linkable to an idea. Managers choose members; anyone who works with customers records sessions and input.
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../queries.ts';
import { followLink } from '../router.ts';
import { boardApi } from '../feedback/board-api.ts';
import { flagTitle } from '../feedback/board-flags.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { BoardMembers } from '../components/boards/BoardMembers.tsx';
import { BoardSessions } from '../components/boards/BoardSessions.tsx';
import { BoardInputs } from '../components/boards/BoardInputs.tsx';
import '../feedback.css';

export function AdvisoryBoard({ id }: { id: string }) {
  const board = useQuery({
    queryKey: queryKeys.advisoryBoard(id),
    queryFn: ({ signal }) => boardApi.board(id, signal),
  });
  // For showing linked input as "#12 title" and for picking an idea; the board shows without them.
  const ideas = useQuery({ queryKey: queryKeys.ideasToLink(), queryFn: ({ signal }) => boardApi.ideas(signal) });
  return (
    <section className="page settings-page board-page">
      <p className="breadcrumb">
        <a href="/advisory-boards" onClick={(event) => followLink(event, '/advisory-boards')}>
          ← Advisory boards
        </a>
      </p>
      {board.isPending && <Loading label="Loading the board…" />}
      {board.isError && <ErrorAlert error={board.error} />}
      {board.isSuccess && (
        <>
          <h1>{board.data.name}</h1>
          {board.data.description && <p className="lead board-lead">{board.data.description}</p>}
          {board.data.memberFlag && (
            <p className="muted">
              Every customer flagged {flagTitle(board.data.memberFlag)} is a member while she holds the flag.
            </p>
          )}
          {ideas.isError && <ErrorAlert error={ideas.error} />}
          <BoardMembers board={board.data} />
          <BoardSessions board={board.data} />
          <BoardInputs board={board.data} ideas={ideas.data?.items ?? []} />
        </>
      )}
    </section>
  );
}
