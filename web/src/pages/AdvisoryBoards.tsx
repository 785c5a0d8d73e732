// Advisory boards: each board with its members by hand (and the flag whose holders belong too) and how much
// input it gave; managers form a new one here.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../queries.ts';
import { followLink, navigate } from '../router.ts';
import { useCan } from '../permissions.ts';
import { formatDate } from '../time.ts';
import { boardApi, type BoardSummary } from '../feedback/board-api.ts';
import { flagTitle } from '../feedback/board-flags.ts';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { NewBoardForm } from '../components/boards/NewBoardForm.tsx';
import '../feedback.css';

export function AdvisoryBoards() {
  const can = useCan();
  const [forming, setForming] = useState(false);
  const boards = useQuery({
    queryKey: queryKeys.advisoryBoardList(),
    queryFn: ({ signal }) => boardApi.boards(signal),
  });
  return (
    <section className="page settings-page boards-page">
      <div className="page-bar">
        <h1>Advisory boards</h1>
        {can('settings:manage') && !forming && (
          <button type="button" className="primary" onClick={() => setForming(true)}>
            New board
          </button>
        )}
      </div>
      <p className="lead muted">
        Customers you ask for advice, by hand or by a flag they hold. What they say lands on their timelines and can be
        linked to ideas, where they count as requesters in their own words.
      </p>
      {forming && (
        <NewBoardForm
          onFormed={(board) => navigate(`/advisory-boards/${encodeURIComponent(board.id)}`)}
          onCancel={() => setForming(false)}
        />
      )}
      {boards.isPending && <Loading label="Loading advisory boards…" />}
      {boards.isError && <ErrorAlert error={boards.error} />}
      {boards.isSuccess && <BoardTable boards={boards.data.items} />}
    </section>
  );
}

function BoardTable({ boards }: { boards: BoardSummary[] }) {
  if (boards.length === 0) {
    return <p className="empty-state">No advisory boards yet. A manager forms one with “New board”.</p>;
  }
  return (
    <table className="data-table" aria-label="Advisory boards">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Members</th>
          <th scope="col">Input</th>
          <th scope="col">Formed</th>
        </tr>
      </thead>
      <tbody>
        {boards.map((board) => {
          const href = `/advisory-boards/${encodeURIComponent(board.id)}`;
          return (
            <tr key={board.id} data-testid="board-row">
              <td>
                <a href={href} onClick={(event) => followLink(event, href)}>
                  {board.name}
                </a>
                {board.description && <p className="muted small-text board-description">{board.description}</p>}
              </td>
              <td>
                {board.members} by hand
                {board.memberFlag && (
                  <span className="muted">, and everyone flagged {flagTitle(board.memberFlag)}</span>
                )}
              </td>
              <td>{board.inputs}</td>
              <td>{formatDate(board.createdAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
