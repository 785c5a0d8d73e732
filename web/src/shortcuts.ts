// Keyboard shortcuts for the agent's common path: which key does what, as pure rules (no DOM), so they
// are tested without a browser. useShortcuts.ts listens for keys and runs what these rules name.

export type ShortcutAction = 'next' | 'previous' | 'reply' | 'note' | 'take' | 'resolve' | 'search' | 'inbox' | 'help';

/** What the overlay lists, in this order; `keys` are shown as written (a space: one key, then the other). */
export const SHORTCUTS: ReadonlyArray<{ action: ShortcutAction; keys: readonly string[]; description: string }> = [
  { action: 'next', keys: ['j'], description: 'Next case (in the inbox list, or of the queue you came from)' },
  { action: 'previous', keys: ['k'], description: 'Previous case' },
  { action: 'reply', keys: ['r'], description: 'Reply to the customer' },
  { action: 'note', keys: ['n'], description: 'Write an internal note' },
  { action: 'take', keys: ['t'], description: 'Take the case (assign it to me)' },
  { action: 'resolve', keys: ['e', 'Shift+R'], description: 'Resolve the case' },
  { action: 'search', keys: ['/'], description: 'Search (the field on this page, or the inbox’s case search)' },
  { action: 'inbox', keys: ['g i'], description: 'Go to the inbox' },
  { action: 'help', keys: ['?'], description: 'Show these shortcuts' },
];

/** The parts of a keydown event the rules look at. */
export interface KeyPress {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag (INPUT, TEXTAREA, SELECT…), upper case as the DOM gives it. */
  targetTag?: string;
  targetEditable?: boolean;
  /** A key held down repeats: a shortcut runs once per press. */
  repeat?: boolean;
}

/** A two-key sequence in progress: `g` pressed at `gAt` (ms). */
export interface ShortcutState {
  gAt: number | null;
}

export const INITIAL_SHORTCUT_STATE: ShortcutState = { gAt: null };

/** How long after `g` the second key of `g i` may come. */
export const SEQUENCE_WINDOW_MS = 1500;

const SINGLE_KEYS: Readonly<Record<string, ShortcutAction>> = {
  j: 'next',
  k: 'previous',
  r: 'reply',
  n: 'note',
  t: 'take',
  e: 'resolve',
  R: 'resolve',
  '/': 'search',
  '?': 'help',
};

const AFTER_G: Readonly<Record<string, ShortcutAction>> = { i: 'inbox' };

/** Typing in a field, or a key with Ctrl, Cmd or Alt (the browser's and the system's own): never a shortcut. */
export function isTyping(press: KeyPress): boolean {
  const tag = press.targetTag?.toUpperCase();
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || press.targetEditable === true;
}

/**
 * The action a key press asks for (or null), and the sequence state after it.
 * @example shortcutFor({ key: 'j' }, INITIAL_SHORTCUT_STATE, now).action === 'next'
 */
export function shortcutFor(
  press: KeyPress,
  state: ShortcutState,
  now: number,
): { action: ShortcutAction | null; state: ShortcutState } {
  if (press.ctrlKey || press.metaKey || press.altKey || isTyping(press) || press.repeat) {
    return { action: null, state: INITIAL_SHORTCUT_STATE };
  }
  // Shift alone is fine: it is how `?` and `R` are typed. Shift, Control… pressed by themselves are no key.
  if (press.key === 'Shift' || press.key.length !== 1) return { action: null, state };
  if (state.gAt !== null && now - state.gAt <= SEQUENCE_WINDOW_MS) {
    return { action: AFTER_G[press.key] ?? null, state: INITIAL_SHORTCUT_STATE };
  }
  if (press.key === 'g') return { action: null, state: { gAt: now } };
  // A capital letter other than R is Caps Lock or a slip of Shift: no shortcut.
  return { action: SINGLE_KEYS[press.key] ?? null, state: INITIAL_SHORTCUT_STATE };
}

/** Where `j`/`k` lead from case `current` in a queue's list of case numbers (null: no further). */
export function neighbourIn(numbers: readonly number[], current: number, action: 'next' | 'previous'): number | null {
  const at = numbers.indexOf(current);
  if (at < 0) return null;
  return numbers[action === 'next' ? at + 1 : at - 1] ?? null;
}

/** Where `j`/`k` move the selection in a list of `count` rows from `selected` (-1: none yet). */
export function moveSelection(count: number, selected: number, action: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (selected < 0) return action === 'next' ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, selected + (action === 'next' ? 1 : -1)));
}
