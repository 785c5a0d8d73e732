// Everyone who asked for an idea: who she is (to her page), her words, when she asked, what she is worth, and
// whether she has had a personal answer since (else "Waiting"), with a reply for each.
import { Fragment } from 'react';
import { formatMoney } from '../cases.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';
import type { Idea, IdeaReply, IdeaRequester } from '../ideas-api.ts';
import { useCan } from '../permissions.ts';
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import { IdeaReplyForm } from './IdeaReplyForm.tsx';
import { IdeaReplyVia } from './IdeaReplyVia.tsx';

interface IdeaRequestersProps {
  idea: Idea;
  /** Replies sent from this page, by customer: the answer says how each went. */
  sent: Readonly<Record<string, IdeaReply>>;
  /** The requester whose reply form is open, if any. */
  replyingTo: string | null;
  onReply: (customerId: string | null) => void;
  onSent: (customerId: string, reply: IdeaReply) => void;
}

export const requesterLabel = (requester: IdeaRequester) => requester.customerLabel ?? UNNAMED_CUSTOMER;

export function IdeaRequesters({ idea, sent, replyingTo, onReply, onSent }: IdeaRequestersProps) {
  const can = useCan();
  const mayReply = can('cases:write') && idea.mergedInto === null;
  const columns = mayReply ? 6 : 5;
  return (
    <section className="panel idea-requesters" aria-labelledby="requesters-heading">
      <h2 id="requesters-heading">
        Requesters <span className="count">{idea.requesters.length}</span>
      </h2>
      {idea.requesters.length === 0 ? (
        <p className="empty-state">
          Nobody has asked for it yet. Add a requester, or turn a customer’s message into a request from her timeline.
        </p>
      ) : (
        <table className="data-table requester-table">
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Her words</th>
              <th scope="col">Asked</th>
              <th scope="col" className="numeric">
                Value
              </th>
              <th scope="col">Answered</th>
              {mayReply && (
                <th scope="col">
                  <span className="visually-hidden">Reply</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {idea.requesters.map((requester) => {
              const label = requesterLabel(requester);
              const href = `/customers/${encodeURIComponent(requester.customerId)}`;
              const reply = sent[requester.customerId];
              return (
                <Fragment key={requester.customerId}>
                  <tr data-testid="requester-row" data-customer-id={requester.customerId}>
                    <td>
                      <a href={href} onClick={(event) => followLink(event, href)}>
                        {label}
                      </a>
                    </td>
                    <td className="requester-words">{requester.text}</td>
                    <td>
                      <time dateTime={requester.addedAt} title={absoluteTime(requester.addedAt)}>
                        {relativeTime(requester.addedAt)}
                      </time>
                    </td>
                    <td className="numeric">
                      {formatMoney(requester.lifetimeValue.amount, requester.lifetimeValue.currency)}
                    </td>
                    <td data-testid="requester-answered">
                      <Answered answeredAt={requester.answeredAt} reply={reply} />
                    </td>
                    {mayReply && (
                      <td>
                        <button
                          type="button"
                          className="small"
                          aria-expanded={replyingTo === requester.customerId}
                          onClick={() => onReply(replyingTo === requester.customerId ? null : requester.customerId)}
                        >
                          Reply<span className="visually-hidden"> to {label}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                  {replyingTo === requester.customerId && (
                    <tr className="requester-reply-row">
                      <td colSpan={columns}>
                        <IdeaReplyForm
                          idea={idea}
                          requester={requester}
                          label={label}
                          onSent={(sentReply) => onSent(requester.customerId, sentReply)}
                          onCancel={() => onReply(null)}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Answered({ answeredAt, reply }: { answeredAt: string | null; reply: IdeaReply | undefined }) {
  // Just sent: the idea read again says when; until then it is now.
  if (answeredAt === null && !reply) return <span className="waiting">Waiting</span>;
  return (
    <span className="answered">
      {answeredAt ? (
        <time dateTime={answeredAt} title={absoluteTime(answeredAt)}>
          {relativeTime(answeredAt)}
        </time>
      ) : (
        'just now'
      )}
      {reply && (
        <>
          {' · '}
          <IdeaReplyVia reply={reply} />
        </>
      )}
    </span>
  );
}
