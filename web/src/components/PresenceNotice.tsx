// The collision warning above the composer: which colleagues are on this case now ("Ann is replying"),
// and telling them the same of me: viewing, or replying once there is text in the reply to the customer.
import { useEffect } from 'react';
import { usePresence, type PresenceState, type PresentPerson } from '../live.ts';
import '../live.css';

/** The composer in reply mode holds text: what colleagues should know before they answer too. */
function myState(): PresenceState {
  const reply = document.querySelector<HTMLTextAreaElement>(
    'form.reply-box[aria-label="Reply to the customer"] textarea',
  );
  return reply && reply.value.trim() !== '' ? 'replying' : 'viewing';
}

function sentence(people: PresentPerson[], state: PresenceState): string | null {
  const names = people.filter((person) => person.state === state).map((person) => person.name);
  if (names.length === 0) return null;
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${who} ${names.length === 1 ? 'is' : 'are'} ${state === 'replying' ? 'replying' : 'viewing'}`;
}

export function PresenceNotice({ caseId, myId, mayReply }: { caseId: string; myId: string; mayReply: boolean }) {
  const { others, report } = usePresence(caseId, myId, () => (mayReply ? myState() : 'viewing'));

  // biome-ignore lint/correctness/useExhaustiveDependencies: `report` reads the latest state itself; listeners are set once per case
  useEffect(() => {
    // Typing, switching reply ↔ note, or a sent reply emptying the box: say so at once, not at the next heartbeat.
    const onEdit = () => report();
    // A sent reply empties the box without an input event: look again once it has.
    const onSubmit = () => window.setTimeout(onEdit, 1000);
    document.addEventListener('input', onEdit);
    document.addEventListener('change', onEdit);
    document.addEventListener('submit', onSubmit);
    return () => {
      document.removeEventListener('input', onEdit);
      document.removeEventListener('change', onEdit);
      document.removeEventListener('submit', onSubmit);
    };
  }, [caseId]);

  const replying = sentence(others, 'replying');
  const viewing = sentence(others, 'viewing');
  // Always in the page, so screen readers announce the warning when it appears.
  return (
    <div role="status" data-testid="presence">
      {(replying || viewing) && (
        <p className={replying ? 'presence-notice replying' : 'presence-notice'}>
          {[replying, viewing].filter(Boolean).join('; ')}.{replying ? ' Check before you send a reply too.' : ''}
        </p>
      )}
    </div>
  );
}
