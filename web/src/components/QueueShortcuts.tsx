// Shortcuts of the inbox and the case page: j/k move through the queue's rows, and on a case to the
// next or previous case of the queue the agent came from; r reply, n note, t take, e resolve.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { caseActions } from '../case-actions.ts';
import { casePath } from '../cases.ts';
import { navigate } from '../router.ts';
import { moveSelection, neighbourIn } from '../shortcuts.ts';
import type { CaseDetail } from '../api/types.ts';
import { useShortcutHandlers } from '../useShortcuts.ts';
import '../live.css';

const QUEUE_KEY = 'rapport.queue';
const ROW = '[data-testid="case-row"]';

/** The queue an agent opened a case from: its address and its cases' numbers, in order. */
interface RememberedQueue {
  from: string;
  numbers: number[];
}

function rowsOnScreen(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(ROW)];
}

function rememberQueue(): void {
  const numbers = rowsOnScreen()
    .map((row) => Number(row.dataset.number))
    .filter(Number.isFinite);
  const queue: RememberedQueue = { from: window.location.pathname + window.location.search, numbers };
  sessionStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
}

function rememberedQueue(): RememberedQueue | null {
  try {
    const queue = JSON.parse(sessionStorage.getItem(QUEUE_KEY) ?? 'null') as RememberedQueue | null;
    return queue && Array.isArray(queue.numbers) ? queue : null;
  } catch {
    return null;
  }
}

/** In the inbox: j/k select a row (its link takes the focus, Enter opens it); opening one remembers the queue. */
export function InboxShortcuts() {
  useShortcutHandlers({
    next: () => select('next'),
    previous: () => select('previous'),
  });
  useEffect(() => {
    // Capture: the row's own click handler navigates away before a bubbling listener would run.
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest(ROW)) rememberQueue();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
  return null;
}

function select(action: 'next' | 'previous'): void {
  const rows = rowsOnScreen();
  const selected = rows.findIndex(
    (row) => row.classList.contains('shortcut-selected') || row.contains(document.activeElement),
  );
  const next = rows[moveSelection(rows.length, selected, action)];
  if (!next) return;
  for (const row of rows) row.classList.toggle('shortcut-selected', row === next);
  next.querySelector<HTMLAnchorElement>('a')?.focus();
  next.scrollIntoView({ block: 'nearest' });
}

/** Presses a composer mode (the reply/note radio) if there is a choice, then puts the cursor in the text. */
function compose(mode: 'reply' | 'note'): void {
  document.querySelector<HTMLInputElement>(`input[name="reply-mode"][value="${mode}"]`)?.click();
  window.requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('form.reply-box textarea')?.focus());
}

/** On a case page; `onChanged` reloads it after take or resolve. A message says what happened (or failed). */
export function CaseShortcuts({
  detail,
  writable,
  onChanged,
}: {
  detail: CaseDetail;
  writable: boolean;
  onChanged: () => Promise<void>;
}) {
  const [message, setMessage] = useState('');
  const act = (what: string, work: () => Promise<unknown>) => {
    setMessage(`${what}…`);
    work()
      .then(onChanged)
      .then(
        () => setMessage(`${what}: done.`),
        (failure: unknown) => setMessage(`${what} failed: ${failure instanceof Error ? failure.message : 'try again'}`),
      );
  };
  const go = (action: 'next' | 'previous') => {
    const queue = rememberedQueue();
    const number = queue && neighbourIn(queue.numbers, detail.number, action);
    if (number) navigate(casePath(number));
    else
      setMessage(
        queue?.numbers.includes(detail.number)
          ? `No ${action} case in that queue.`
          : 'Open a case from an inbox queue to move through it with j and k.',
      );
  };
  useShortcutHandlers({
    next: () => go('next'),
    previous: () => go('previous'),
    reply: () => compose('reply'),
    note: () => compose('note'),
    ...(writable
      ? {
          take: () => act('Taking the case', () => caseActions.take(detail.id)),
          resolve: () => act('Resolving the case', () => api.changeCase(detail.id, { status: 'resolved' })),
        }
      : {}),
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: another case clears the message left from the last one
  useEffect(() => setMessage(''), [detail.id]);
  return (
    <div role="status" data-testid="shortcut-status">
      {message && <p className="muted shortcut-status">{message}</p>}
    </div>
  );
}
