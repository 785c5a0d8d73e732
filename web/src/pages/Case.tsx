// A case page: the header with its facts, SLA and controls, the conversation and the reply box,
// side by side with the customer's context card; gestures below the conversation.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { casePath, isActive } from '../cases.ts';
import { notesMentioning } from '../mentions.ts';
import { useCan } from '../permissions.ts';
import { followLink, navigate } from '../router.ts';
import { useStaff } from '../staff.ts';
import type { CaseDetail, ContextCard as Card, Team } from '../types.ts';
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
import { MergeCaseDialog } from '../components/MergeCaseDialog.tsx';
import { TakeItButton } from '../components/TakeItButton.tsx';
import { PresenceNotice } from '../components/PresenceNotice.tsx';
import { CaseShortcuts } from '../components/QueueShortcuts.tsx';
import { useLiveCase } from '../live.ts';

/** How often a page with a queued reply asks again (the server retries delivery every 15 s). */
const QUEUED_RECHECK_MS = 5000;

type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/** `reference` is the number from the address (or an id, from a repeat-of link). */
export function Case({ reference }: { reference: string }) {
  const can = useCan();
  const me = useStaff();
  const writable = can('cases:write');
  const [detail, setDetail] = useState<Loaded<CaseDetail>>({ state: 'loading' });
  const [card, setCard] = useState<Loaded<Card>>({ state: 'loading' });
  const [teams, setTeams] = useState<Team[]>([]);
  const [offering, setOffering] = useState(false);
  const [merging, setMerging] = useState(false);
  const caseId = detail.state === 'ready' ? detail.value.id : null;
  const customerId = detail.state === 'ready' ? detail.value.customerId : null;
  const shown = detail.state === 'ready' ? detail.value : null;

  useEffect(() => {
    // The address moving from an id to the number of the case already shown needs no new fetch.
    if (shown && (shown.id === reference || String(shown.number) === reference)) return;
    const controller = new AbortController();
    setDetail({ state: 'loading' });
    api.case(reference, controller.signal).then(
      (value) => {
        setDetail({ state: 'ready', value });
        // An id in the address (from a repeat-of link) becomes the number agents say out loud.
        if (reference !== String(value.number)) navigate(casePath(value.number), { replace: true });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setDetail({ state: 'failed', error });
      },
    );
    return () => controller.abort();
    // `shown` is read only to skip the refetch; a change of it alone must not reload.
  }, [reference]);

  useEffect(() => {
    if (!customerId) return;
    const controller = new AbortController();
    setCard({ state: 'loading' });
    api.customer(customerId, controller.signal).then(
      (value) => setCard({ state: 'ready', value }),
      (error: unknown) => {
        if (!controller.signal.aborted) setCard({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [customerId]);

  useEffect(() => {
    // Team names for the header and members (with their load) for the assignee picker.
    api.teams().then(
      (page) => setTeams(page.items),
      () => setTeams([]),
    );
  }, []);

  // After any change the case is fetched again, not patched: SLA clocks and history follow from it.
  const refresh = async () => {
    if (!caseId) return;
    setDetail({ state: 'ready', value: await api.case(caseId) });
  };
  const refreshCard = async () => {
    if (!customerId) return;
    setCard({ state: 'ready', value: await api.customer(customerId) });
  };
  // A reply still queued is retried by the server; look again now and then until it is sent or has failed.
  const queued = shown?.messages.some((message) => message.delivery?.status === 'queued') ?? false;
  useEffect(() => {
    if (!queued) return;
    const timer = window.setTimeout(() => refresh().catch(() => undefined), QUEUED_RECHECK_MS);
    return () => window.clearTimeout(timer);
  }, [queued, shown]);

  // A gesture lands on the customer's record too, so the card may change with it.
  const refreshBoth = async () => {
    await Promise.all([refresh(), refreshCard()]);
  };
  // Live: a colleague's note, a customer's message or a status change shows without a reload.
  useLiveCase(caseId, () => void refreshBoth().catch(() => undefined));

  return (
    <section className="page case-page">
      <div className="page-bar">
        <p className="breadcrumb">
          <a href="/inbox" onClick={(event) => followLink(event, '/inbox')}>
            ← Inbox
          </a>
        </p>
        {detail.state === 'ready' && writable && (
          <div className="page-actions">
            {isActive(detail.value.status) && detail.value.assigneeId !== me.id && (
              <TakeItButton caseId={detail.value.id} number={detail.value.number} onTaken={refresh} />
            )}
            {isActive(detail.value.status) && (
              <button type="button" onClick={() => setMerging(true)}>
                Merge into…
              </button>
            )}
            <button type="button" onClick={() => setOffering(true)}>
              Offer a gesture
            </button>
          </div>
        )}
      </div>
      {detail.state === 'loading' && <Loading label="Loading case…" />}
      {detail.state === 'failed' && <ErrorAlert error={detail.error} />}
      {detail.state === 'ready' && detail.value.merge?.mergedInto && (
        <CaseMergeBanner mergedInto={detail.value.merge.mergedInto} onUndone={refreshBoth} />
      )}
      {detail.state === 'ready' && (
        <PendingNote count={detail.value.gestures.filter((gesture) => gesture.status === 'pending').length} />
      )}
      {detail.state === 'ready' && (
        <div className="case-layout">
          <div className="case-main">
            <CaseHeader
              detail={detail.value}
              teamName={teams.find((team) => team.id === detail.value.teamId)?.name ?? null}
            >
              {writable && (
                <>
                  <CaseStatusControls detail={detail.value} onChanged={refresh} />
                  <CaseDetailsForm detail={detail.value} teams={teams} onChanged={refresh} />
                </>
              )}
            </CaseHeader>
            <Conversation
              messages={detail.value.messages}
              customerLabel={detail.value.customerLabel}
              mentionsMe={notesMentioning(detail.value.history, me.id)}
              caseId={detail.value.id}
              onRetried={refresh}
            />
            <PresenceNotice caseId={detail.value.id} myId={me.id} mayReply={writable} />
            <CaseShortcuts detail={detail.value} writable={writable} onChanged={refresh} />
            <ReplyBox key={detail.value.id} detail={detail.value} onSent={refresh} />
            <CaseGestures gestures={detail.value.gestures} onChanged={refreshBoth} />
          </div>
          <div className="case-side">
            {card.state === 'loading' && <Loading label="Loading customer…" />}
            {card.state === 'failed' && <ErrorAlert error={card.error} />}
            {card.state === 'ready' && <ContextCard card={card.value} onChanged={refreshCard} />}
          </div>
          {merging && (
            <MergeCaseDialog
              detail={detail.value}
              onClose={(merged) => {
                setMerging(false);
                if (merged) refreshBoth().catch(() => undefined);
              }}
            />
          )}
          {offering && (
            <GestureDialog
              detail={detail.value}
              onClose={(issued) => {
                setOffering(false);
                if (issued) refreshBoth().catch(() => undefined);
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
