// Listens for shortcut keys (rules in shortcuts.ts) once for the whole app, and runs the handler the
// screen on show registered for that action, or the app's own (search, inbox, the overlay).
import { useEffect, useRef } from 'react';
import { INITIAL_SHORTCUT_STATE, shortcutFor, type ShortcutAction } from './shortcuts.ts';

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/** The registered screens' handlers, the latest mounted last: it wins. */
const screens: Array<{ current: ShortcutHandlers }> = [];

/** A screen's shortcuts (e.g. the case page's reply, take, resolve), while it is mounted. */
export function useShortcutHandlers(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  useEffect(() => {
    screens.push(ref);
    return () => {
      const at = screens.indexOf(ref);
      if (at >= 0) screens.splice(at, 1);
    };
  }, []);
}

/** The one key listener; `fallback` handles what no screen did (help, inbox, search). */
export function useShortcutKeys(fallback: ShortcutHandlers): void {
  const latest = useRef(fallback);
  useEffect(() => {
    latest.current = fallback;
  });
  useEffect(() => {
    let state = INITIAL_SHORTCUT_STATE;
    const onKeyDown = (event: KeyboardEvent) => {
      // An open dialog (the overlay, a confirmation) owns the keyboard.
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const result = shortcutFor(
        {
          key: event.key,
          shiftKey: event.shiftKey,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          repeat: event.repeat,
          targetTag: target?.tagName,
          targetEditable: target?.isContentEditable,
        },
        state,
        Date.now(),
      );
      state = result.state;
      const action = result.action;
      if (!action) return;
      const handler =
        [...screens].reverse().find((screen) => screen.current[action])?.current[action] ?? latest.current[action];
      if (!handler) return;
      // Otherwise `/` or `r` would also be typed into the field the shortcut has just focused.
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
