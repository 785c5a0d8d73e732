// A board's members: each linking to her customer page, said to be there by hand or by the board's flag; managers
// add one found by search and remove those added by hand (a flag's holders stay while they hold it).
import { useMutation } from '@tanstack/react-query';
import { queryKeys, useInvalidate } from '../../queries.ts';
import { useCan } from '../../permissions.ts';
import { followLink } from '../../router.ts';
import { UNNAMED_CUSTOMER } from '../../customer-label.ts';
import { boardApi, type AdvisoryBoard, type BoardMember } from '../../feedback/board-api.ts';
import { flagTitle } from '../../feedback/board-flags.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { MemberSearch } from './MemberSearch.tsx';

export function BoardMembers({ board }: { board: AdvisoryBoard }) {
  const can = useCan();
  const manages = can('settings:manage');
  const invalidate = useInvalidate();
  const remove = useMutation({
    mutationFn: (member: BoardMember) => boardApi.removeMember(board.id, member.customerId),
    onSuccess: () => invalidate(queryKeys.advisoryBoards()),
  });
  return (
    <section className="board-section" aria-labelledby="board-members-heading">
      <h2 id="board-members-heading" className="list-heading">
        Members
      </h2>
      {board.members.length === 0 ? (
        <p className="empty-state">No members yet.{manages ? ' Find a customer below to add her.' : ''}</p>
      ) : (
        <ul className="board-members" aria-labelledby="board-members-heading">
          {board.members.map((member) => {
            const href = `/customers/${encodeURIComponent(member.customerId)}`;
            const label = member.customerLabel ?? UNNAMED_CUSTOMER;
            return (
              <li key={member.customerId} className="board-member" data-testid="board-member">
                <a href={href} onClick={(event) => followLink(event, href)}>
                  {label}
                </a>
                <span className="muted">
                  {member.by === 'hand'
                    ? 'by hand'
                    : `by flag${board.memberFlag ? ` (${flagTitle(board.memberFlag)})` : ''}`}
                </span>
                {manages && member.by === 'hand' && (
                  <ConfirmButton
                    label="Remove"
                    question={`Remove ${label} from the board? What she said stays.`}
                    onConfirm={async () => {
                      await remove.mutateAsync(member);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {manages && <MemberSearch board={board} />}
    </section>
  );
}
