// Keeps a screen current without a reload: calls `refresh` every `intervalMs` while the tab is visible,
// and at once when the window gets focus or the tab is shown again (an agent coming back to the inbox).
// Focus and visibility often fire together; `refresh` decides what a call during a load means.
import { useEffect, useRef } from 'react';

export const AUTO_REFRESH_MS = 30_000;

export function useAutoRefresh(refresh: () => void, intervalMs = AUTO_REFRESH_MS): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });

  useEffect(() => {
    const run = () => {
      // A hidden tab does not poll: nobody is looking, and the server is spared.
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = window.setInterval(run, intervalMs);
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, [intervalMs]);
}
