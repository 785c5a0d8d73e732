// A case page: the header with its facts, SLA and controls, the conversation and the reply box,
// side by side with the customer's context card; gestures below the conversation. A survey sent from here is
// about this case.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { casePath, isActive } from '../cases.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';
import { notesMentioning } from '../mentions.ts';
import { useCan } from '../permissions.ts';
import { followLink, navigate } from '../router.ts';
import { useStaff } from '../staff.ts';
import { queryKeys } from '../queries.ts';
import type { CaseDetail } from '../api/types.ts';
import { CaseDetailsForm } from '../components/CaseDetailsForm.tsx';
import { CaseGestures } from '../components/CaseGestures.tsx';
import { CaseHeader } from '../components/CaseHeader.tsx';
import { CaseStatusControls } from '../components/CaseStatusControls.tsx';
import { ContextCard } from '../components/ContextCard.tsx';
import { Conversation } from '../components/Conversation.tsx';
import { ErrorAlert, Loading } from '../components/ErrorAlert.tsx';
import { GestureDialog } from '../components/GestureDialog.tsx';
import { ReplyBox } from '../components/ReplyBox.tsx';
import { CaseMergeBanner } from '../components/CaseMergeBanner.tsx';
import { CaseEscalationNote } from '../components/CaseEscalationNote.tsx';
import { MergeCaseDialog } from '../components/MergeCaseDialog.tsx';
import { SendSurveyDialog } from '../components/SendSurveyDialog.tsx';
import { TakeItButton } from '../components/TakeItButton.tsx';
import { PresenceNotice } from '../components/PresenceNotice.tsx';
import { CaseShortcuts } from '../components/QueueShortcuts.tsx';
import { useLiveCase } from '../live.ts';

/** How often a page with a queued reply asks again (the server retries delivery every 15 s). */
const QUEUED_RECHECK_MS = 5000;

/** `reference` is the number from the address (or an id, from a repeat-of link). */
export function Case({ reference }: { reference: string }) {
  const can = useCan();
  const me = useStaff();
  const writable = can('cases:write');
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: queryKeys.case(reference),
    queryFn: ({ signal }) => api.case(reference, signal),
    // A reply still queued is retried by the server; look again now and then until it is sent or has failed.
    refetchInterval: (query) => (hasQueuedReply(query.state.data) ? QUEUED_RECHECK_MS : false),
  });
  const shown = detail.data ?? null;
  const caseId = shown?.id ?? null;
  const customerId = shown?.customerId ?? null;
  const card = useQuery({
    queryKey: queryKeys.customer(customerId ?? ''),
    queryFn: ({ signal }) => api.customer(customerId ?? '', signal),
    enabled: customerId !== null,
  });
  // Team names for the header and members (with their load) for the assignee picker.
  const teams = useQuery({ queryKey: queryKeys.teams(false), queryFn: () => api.teams() }).data?.items ?? [];
  const [offering, setOffering] = useState(false);
  const [merging, setMerging] = useState(false);
  const [surveying, setSurveying] = useState(false);

  useEffect(() => {
    // An id in the address (from a repeat-of link) becomes the number agents say out loud; the case shown
    // is the answer for its number too, so the new address needs no new fetch.
    if (!shown || reference === String(shown.number)) return;
    queryClient.setQueryData(queryKeys.case(shown.number), shown);
    navigate(casePath(shown.number), { replace: true });
  }, [shown, reference, queryClient]);

  // After any change the case is fetched again, not patched: SLA clocks and history follow from it.
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.cases() });
  const refreshCard = async () => {
    if (customerId) await queryClient.invalidateQueries({ queryKey: queryKeys.customer(customerId) });
  };
  // A gesture lands on the customer's record too, so the card may change with it.
  const refreshBoth = async () => {
    await Promise.all([refresh(), refreshCard()]);
  };
  // Live: a colleague's note, a customer's message or a status change shows without a reload.
  useLiveCase(caseId, () => void refreshBoth());

  return (
    <section className="page case-page">
      <div className="page-bar">
        <p className="breadcrumb">
          <a href="/inbox" onClick={(event) => followLink(event, '/inbox')}>
            ← Inbox
          </a>
        </p>
        {detail.data && writable && (
          <div className="page-actions">
            {isActive(detail.data.status) && detail.data.assigneeId !== me.id && (
              <TakeItButton caseId={detail.data.id} number={detail.data.number} onTaken={refresh} />
            )}
            {isActive(detail.data.status) && (
              <button type="button" onClick={() => setMerging(true)}>
                Merge into…
              </button>
            )}
            <button type="button" onClick={() => setOffering(true)}>
              Offer a gesture
            </button>
            <button type="button" onClick={() => setSurveying(true)}>
              Send a survey
            </button>
          </div>
        )}
      </div>
      {detail.isPending && <Loading label="Loading case…" />}
      {detail.isError && !detail.data && <ErrorAlert error={detail.error} />}
      {detail.data?.merge?.mergedInto && (
        <CaseMergeBanner mergedInto={detail.data.merge.mergedInto} onUndone={refreshBoth} />
      )}
      {detail.data && (
        <PendingNote count={detail.data.gestures.filter((gesture) => gesture.status === 'pending').length} />
      )}
      {detail.data?.escalation && <CaseEscalationNote escalation={detail.data.escalation} />}
      {detail.data && (
        <div className="case-layout">
          <div className="case-main">
            <CaseHeader
              detail={detail.data}
              teamName={teams.find((team) => team.id === detail.data.teamId)?.name ?? null}
            >
              {writable && (
                <>
                  <CaseStatusControls detail={detail.data} onChanged={refresh} />
                  <CaseDetailsForm detail={detail.data} teams={teams} onChanged={refresh} />
                </>
              )}
            </CaseHeader>
            <Conversation
              messages={detail.data.messages}
              customerLabel={detail.data.customerLabel}
              mentionsMe={notesMentioning(detail.data.history, me.id)}
              caseId={detail.data.id}
              onRetried={refresh}
            />
            <PresenceNotice caseId={detail.data.id} myId={me.id} mayReply={writable} />
            <CaseShortcuts detail={detail.data} writable={writable} onChanged={refresh} />
            <ReplyBox key={detail.data.id} detail={detail.data} onSent={refresh} />
            <CaseGestures gestures={detail.data.gestures} onChanged={refreshBoth} />
          </div>
          <div className="case-side">
            {card.isPending && <Loading label="Loading customer…" />}
            {card.isError && !card.data && <ErrorAlert error={card.error} />}
            {card.data && <ContextCard card={card.data} onChanged={refreshCard} />}
          </div>
          {merging && (
            <MergeCaseDialog
              detail={detail.data}
              onClose={(merged) => {
                setMerging(false);
                if (merged) void refreshBoth();
              }}
            />
          )}
          {surveying && (
            <SendSurveyDialog
              customerId={detail.data.customerId}
              caseId={detail.data.id}
              customerName={detail.data.customerLabel ?? UNNAMED_CUSTOMER}
              onClose={() => setSurveying(false)}
            />
          )}
          {offering && (
            <GestureDialog
              detail={detail.data}
              onClose={(issued) => {
                setOffering(false);
                if (issued) void refreshBoth();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}

/** Gestures wait at the foot of the page; say so up top, where a manager looks first. */
function PendingNote({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="note" role="note">
      {count === 1 ? 'A gesture on this case waits' : `${count} gestures on this case wait`} for a manager’s approval.
      <button
        type="button"
        className="link-button"
        onClick={() =>
          document.getElementById('gestures-heading')?.scrollIntoView({ behavior: 'smooth', block: 'center' })
        }
      >
        Show
      </button>
    </p>
  );
}

function hasQueuedReply(detail: CaseDetail | undefined): boolean {
  return detail?.messages.some((message) => message.delivery?.status === 'queued') ?? false;
}
