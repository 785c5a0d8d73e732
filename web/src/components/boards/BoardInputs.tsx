// What the board's members said, newest first: who (or the board together), at which session, her words, and the
// idea it is linked to, or for those who work with customers a way to link it; then the form to record more.
import { useCan } from '../../permissions.ts';
import { followLink } from '../../router.ts';
import { absoluteTime, relativeTime } from '../../time.ts';
import { UNNAMED_CUSTOMER } from '../../customer-label.ts';
import type { AdvisoryBoard, BoardInput, IdeaChoice } from '../../feedback/board-api.ts';
import { IdeaLink } from './IdeaLink.tsx';
import { InputForm } from './InputForm.tsx';
import { LinkIdeaForm } from './LinkIdeaForm.tsx';

interface BoardInputsProps {
  board: AdvisoryBoard;
  ideas: readonly IdeaChoice[];
}

export function BoardInputs({ board, ideas }: BoardInputsProps) {
  const can = useCan();
  const writes = can('cases:write');
  return (
    <section className="board-section" aria-labelledby="board-inputs-heading">
      <h2 id="board-inputs-heading" className="list-heading">
        Input
      </h2>
      {board.inputs.length === 0 ? (
        <p className="empty-state">No input recorded yet.</p>
      ) : (
        <ul className="feed-list" aria-labelledby="board-inputs-heading">
          {board.inputs.map((input) => (
            <InputItem key={input.id} board={board} input={input} ideas={ideas} canLink={writes} />
          ))}
        </ul>
      )}
      {/* A session just recorded is the likeliest one the next input was given at: the form starts again at it. */}
      {writes && <InputForm key={board.sessions[0]?.id ?? 'none'} board={board} ideas={ideas} />}
    </section>
  );
}

function InputItem({
  board,
  input,
  ideas,
  canLink,
}: {
  board: AdvisoryBoard;
  input: BoardInput;
  ideas: readonly IdeaChoice[];
  canLink: boolean;
}) {
  const session = board.sessions.find((candidate) => candidate.id === input.sessionId);
  const customerHref = input.customerId ? `/customers/${encodeURIComponent(input.customerId)}` : null;
  return (
    <li className="feed-item" data-testid="board-input">
      <div className="feed-head">
        {customerHref ? (
          <a href={customerHref} onClick={(event) => followLink(event, customerHref)}>
            {input.customerLabel ?? UNNAMED_CUSTOMER}
          </a>
        ) : (
          <span>The board together</span>
        )}
        {session && <span className="muted">at {session.title}</span>}
        <span className="muted" title={absoluteTime(input.at)}>
          {relativeTime(input.at)}
        </span>
      </div>
      <p className="feed-text">{input.text}</p>
      {input.ideaId ? (
        <p className="feed-source muted">
          Idea: <IdeaLink ideaId={input.ideaId} ideas={ideas} />
        </p>
      ) : (
        canLink && <LinkIdeaForm boardId={board.id} input={input} ideas={ideas} />
      )}
    </li>
  );
}
