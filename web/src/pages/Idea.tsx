// One idea: what it is, its status with the reason requesters are owed, everyone who asked (her words, her value,
// whether she was answered) with a personal reply to each, and changing status, merging, adding requesters.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMoney } from '../cases.ts';
import { ideaPath, REASON_LABELS } from '../ideas.ts';
import { type Idea as IdeaView, type IdeaReply, ideasApi } from '../ideas-api.ts';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink } from '../router.ts';
import { AddRequesterForm } from '../components/AddRequesterForm.tsx';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { IdeaVisibility } from '../components/IdeaVisibility.tsx';
import { IdeaHistory } from '../components/IdeaHistory.tsx';
import { IdeaMergeDialog } from '../components/IdeaMergeDialog.tsx';
import { IdeaRequesters } from '../components/IdeaRequesters.tsx';
import { IdeaStatusBadge } from '../components/IdeaStatusBadge.tsx';
import { IdeaStatusForm } from '../components/IdeaStatusForm.tsx';
import '../ideas.css';

export function Idea({ reference }: { reference: string }) {
  const loaded = useQuery({
    queryKey: queryKeys.idea(reference),
    queryFn: ({ signal }) => ideasApi.get(reference, signal),
  });
  return (
    <section className="page idea-page">
      <p className="breadcrumb">
        <a href="/ideas" onClick={(event) => followLink(event, '/ideas')}>
          ← Ideas
        </a>
      </p>
      {loaded.isPending && <Loading label="Loading idea…" />}
      {loaded.isError && !loaded.data && <ErrorAlert error={loaded.error} />}
      {loaded.data && <IdeaDetail idea={loaded.data} />}
    </section>
  );
}

function IdeaDetail({ idea }: { idea: IdeaView }) {
  const can = useCan();
  const mayWrite = can('cases:write') && idea.mergedInto === null;
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  /** Replying to each waiting requester in turn: after one is sent, the next one's reply opens. */
  const [inTurn, setInTurn] = useState(false);
  const [sent, setSent] = useState<Record<string, IdeaReply>>({});
  const [statusChanged, setStatusChanged] = useState(false);
  const [merging, setMerging] = useState(false);
  const waiting = idea.requesters.filter((requester) => requester.answeredAt === null && !sent[requester.customerId]);

  const replyToEach = () => {
    setStatusChanged(false);
    setInTurn(true);
    setReplyingTo(waiting[0]?.customerId ?? null);
  };
  const replied = (customerId: string, reply: IdeaReply) => {
    setSent((before) => ({ ...before, [customerId]: reply }));
    const next = inTurn ? waiting.find((requester) => requester.customerId !== customerId) : undefined;
    setReplyingTo(next?.customerId ?? null);
    if (!next) setInTurn(false);
  };

  return (
    <>
      <header className="idea-header">
        <div>
          <h1>
            <span className="idea-number">#{idea.number}</span> {idea.title}
          </h1>
          <IdeaStatusBadge status={idea.status} />
        </div>
        {mayWrite && (
          <button type="button" onClick={() => setMerging(true)}>
            Merge into…
          </button>
        )}
      </header>
      {idea.mergedInto !== null && (
        <p className="note" role="note">
          This idea was merged into{' '}
          <a href={ideaPath(idea.mergedInto)} onClick={(event) => followLink(event, ideaPath(idea.mergedInto!))}>
            another idea
          </a>
          : its requesters and their words are there now.
        </p>
      )}
      {idea.body && <p className="idea-body">{idea.body}</p>}
      {idea.statusReason && (
        <p className="idea-reason" data-testid="idea-reason">
          <strong>{REASON_LABELS[idea.status] ?? 'Note'}:</strong> {idea.statusReason}
        </p>
      )}
      <dl className="idea-demand" aria-label="Demand">
        <div>
          <dt>Requesters</dt>
          <dd data-testid="demand-requesters">{idea.demand.requesters}</dd>
        </div>
        <div>
          <dt>Unanswered</dt>
          <dd data-testid="demand-unanswered">{idea.demand.unanswered}</dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd data-testid="demand-value">{formatMoney(idea.demand.value.amount, idea.demand.value.currency)}</dd>
        </div>
      </dl>
      <div className="idea-layout">
        <div className="idea-main">
          {statusChanged && mayWrite && waiting.length > 0 && (
            <div className="note reply-prompt" role="status" data-testid="reply-prompt">
              <span>
                {waiting.length === 1
                  ? '1 requester has not been answered: reply to her.'
                  : `${waiting.length} requesters have not been answered: reply to each.`}
              </span>
              <button type="button" className="small primary" onClick={replyToEach}>
                {waiting.length === 1 ? 'Reply' : 'Reply to each'}
              </button>
            </div>
          )}
          <IdeaRequesters
            idea={idea}
            sent={sent}
            replyingTo={replyingTo}
            onReply={(customerId) => {
              setInTurn(false);
              setReplyingTo(customerId);
            }}
            onSent={replied}
          />
        </div>
        <aside className="idea-side">
          {mayWrite && <IdeaVisibility idea={idea} />}
          {mayWrite && <IdeaStatusForm idea={idea} onChanged={() => setStatusChanged(true)} />}
          {mayWrite && <AddRequesterForm ideaId={idea.id} />}
          <IdeaHistory history={idea.history} />
        </aside>
      </div>
      {merging && <IdeaMergeDialog idea={idea} onClose={() => setMerging(false)} />}
    </>
  );
}
