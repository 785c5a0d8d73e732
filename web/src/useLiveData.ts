// Data a screen keeps current by itself: loaded once, then again in the background whenever a case
// changes on the server (live updates, see useAutoRefresh) without clearing what is on screen, so lists
// neither flicker nor lose their place.
import { useEffect, useRef, useState } from 'react';
import { useAutoRefresh } from './useAutoRefresh.ts';

export interface LiveData<T> {
  /** null until the first load comes back. */
  value: T | null;
  /** The last load's failure, cleared by the next success; the old value stays on screen meanwhile. */
  error: unknown;
  /** What is running: the first load, a background refresh, or an `extend` (a next page). */
  busy: 'loading' | 'refreshing' | 'extending' | null;
  /** When the value last came back from the server (ms). */
  updatedAt: number | null;
  refresh(): void;
  /** Adds to the value (a next page); asked while a refresh runs, it follows that refresh. */
  extend(load: (current: T, signal: AbortSignal) => Promise<T>): void;
}

/**
 * `load` gets what is on screen (null at first), to read as much again; it is read at each load, so
 * it may close over the latest props. `same` keeps the old value when nothing changed.
 */
export function useLiveData<T>(
  load: (signal: AbortSignal, shown: T | null) => Promise<T>,
  same: (a: T, b: T) => boolean = sameJson,
): LiveData<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<LiveData<T>['busy']>('loading');
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const mounted = useRef<AbortController | null>(null);
  // One load at a time: a refresh landing after a next page would otherwise drop that page.
  const running = useRef(false);
  const queued = useRef<(() => void) | null>(null);
  const current = useRef<T | null>(null);
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });

  const run = (kind: NonNullable<LiveData<T>['busy']>, task: (signal: AbortSignal) => Promise<T>) => {
    const controller = mounted.current;
    if (!controller || controller.signal.aborted || running.current) return;
    running.current = true;
    setBusy(kind);
    task(controller.signal)
      .then(
        (next) => {
          if (controller.signal.aborted) return;
          const kept = current.current !== null && same(current.current, next) ? current.current : next;
          current.current = kept;
          setValue(kept);
          setError(null);
          setUpdatedAt(Date.now());
        },
        (failure: unknown) => {
          if (!controller.signal.aborted) setError(failure);
        },
      )
      .finally(() => {
        if (mounted.current !== controller) return;
        running.current = false;
        setBusy(null);
        const next = queued.current;
        queued.current = null;
        next?.();
      });
  };

  useEffect(() => {
    const controller = new AbortController();
    mounted.current = controller;
    running.current = false;
    queued.current = null;
    run('loading', (signal) => latestLoad.current(signal, current.current));
    return () => controller.abort();
  }, []);

  const refresh = () => {
    const start = () => run('refreshing', (signal) => latestLoad.current(signal, current.current));
    // Asked while a load runs (a live change, then the window gets focus), it runs next: that load may have
    // started before what the agent came back for. A waiting next page goes first.
    if (running.current) queued.current ??= start;
    else start();
  };
  useAutoRefresh(refresh);
  const extend = (more: (value: T, signal: AbortSignal) => Promise<T>) => {
    const start = () => {
      const shown = current.current;
      if (shown !== null) run('extending', (signal) => more(shown, signal));
    };
    // A click on "Load more" during a background refresh is kept, not lost.
    if (running.current) queued.current = start;
    else start();
  };
  return { value, error, busy, updatedAt, refresh, extend };
}

function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
