// The ranked ideas: number and title (to the idea page), status, how many asked, what they are worth, last change.
import { formatMoney } from '../cases.ts';
import { ideaPath } from '../ideas.ts';
import type { IdeaSummary } from '../ideas-api.ts';
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import { IdeaStatusBadge } from './IdeaStatusBadge.tsx';

export function IdeaTable({ ideas, caption }: { ideas: IdeaSummary[]; caption: string }) {
  return (
    <table className="data-table idea-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Idea</th>
          <th scope="col">Status</th>
          <th scope="col" className="numeric">
            Requesters
          </th>
          <th scope="col" className="numeric">
            Value
          </th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {ideas.map((idea) => {
          const href = ideaPath(idea.number);
          return (
            <tr key={idea.id} data-testid="idea-row">
              <td>
                <a href={href} onClick={(event) => followLink(event, href)}>
                  <span className="idea-number">#{idea.number}</span> {idea.title}
                </a>
              </td>
              <td>
                <IdeaStatusBadge status={idea.status} />
              </td>
              <td className="numeric" data-testid="idea-requesters">
                {idea.requesters}
              </td>
              <td className="numeric" data-testid="idea-value">
                {formatMoney(idea.value.amount, idea.value.currency)}
              </td>
              <td>
                <time dateTime={idea.updatedAt} title={absoluteTime(idea.updatedAt)}>
                  {relativeTime(idea.updatedAt)}
                </time>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
