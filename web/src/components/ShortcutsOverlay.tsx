// The keyboard shortcuts: the one key listener for the signed-in app, the app-wide ones (search, go to
// the inbox) and `?`, which opens this list of them in a modal dialog that Escape closes.
import { useEffect, useRef, useState } from 'react';
import { navigate } from '../router.ts';
import { SHORTCUTS } from '../shortcuts.ts';
import { useShortcutKeys } from '../useShortcuts.ts';
import '../live.css';

const SEARCH_FIELD = '[data-testid="search-input"], input[type="search"]';

/**
 * Focuses the search field on this page, or goes where searching is (the inbox's case search for those
 * who work cases, customer search for the others) and focuses it there once shown.
 */
function focusSearch(elsewhere: string): void {
  const here = document.querySelector<HTMLInputElement>(SEARCH_FIELD);
  if (here) {
    here.focus();
    return;
  }
  navigate(elsewhere);
  const until = Date.now() + 3000;
  const look = () => {
    const field = document.querySelector<HTMLInputElement>(SEARCH_FIELD);
    if (field) field.focus();
    else if (Date.now() < until) window.requestAnimationFrame(look);
  };
  window.requestAnimationFrame(look);
}

export function ShortcutsOverlay({ canReadCases }: { canReadCases: boolean }) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useShortcutKeys({
    help: () => setOpen(true),
    search: () => focusSearch(canReadCases ? '/inbox?queue=all' : '/'),
    ...(canReadCases ? { inbox: () => navigate('/inbox') } : {}),
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => setOpen(false)}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p className="muted">Not while typing in a field.</p>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.filter((shortcut) => canReadCases || ['search', 'help'].includes(shortcut.action)).map(
            (shortcut) => (
              <tr key={shortcut.action} data-testid="shortcut">
                <td>
                  {shortcut.keys.map((keys, index) => (
                    <span key={keys}>
                      {index > 0 && ' or '}
                      {keys.split(' ').map((key, step) => (
                        <span key={key}>
                          {step > 0 && ' then '}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </dialog>
  );
}
