// Keeps a screen current without a reload: calls `refresh` when the server says a case changed (the
// live stream, see live.ts), at once when the window gets focus or the tab is shown again (an agent
// coming back to the inbox), and every `intervalMs` only while the live stream is down.
// Focus and visibility often fire together; `refresh` decides what a call during a load means.
import { useEffect, useRef } from 'react';
import { isLiveConnected, subscribeLive } from './live.ts';

/** How often a screen polls while the live stream is unavailable (a proxy that buffers it, say). */
export const AUTO_REFRESH_MS = 30_000;
/** Changes in a burst (an import, a sweep) become one reload. */
const SETTLE_MS = 300;

export function useAutoRefresh(refresh: () => void, intervalMs = AUTO_REFRESH_MS): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });

  useEffect(() => {
    // A hidden tab does not reload: nobody is looking, and the server is spared.
    let settling: number | null = null;
    const run = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const changed = () => {
      // Hidden: showing the tab again reloads anyway (below), so nothing is lost by waiting.
      if (document.visibilityState === 'visible' && settling === null) {
        settling = window.setTimeout(() => {
          settling = null;
          run();
        }, SETTLE_MS);
      }
    };
    const poll = () => {
      if (!isLiveConnected()) run();
    };
    const stop = subscribeLive(null, { onChange: changed });
    const timer = window.setInterval(poll, intervalMs);
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      stop();
      if (settling !== null) window.clearTimeout(settling);
      window.clearInterval(timer);
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, [intervalMs]);
}
