// Live updates from the server (GET /api/live, server-sent events): one EventSource per stream, shared by
// every screen part that listens to it. Lists keep current by invalidating their query keys on a change
// (useLiveQueries); a case page invalidates its case (useLiveCase) and shows who else is on it (usePresence).
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { client } from './api/client.ts';
import type { PresentPerson } from './api/types.ts';

export interface CaseChange {
  id: string;
  number: number | null;
}

export type { PresentPerson } from './api/types.ts';

interface LiveListener {
  /** A case changed, or (change null) the server asks to fetch everything again. */
  onChange?(change: CaseChange | null): void;
  onPresence?(people: PresentPerson[]): void;
  /** The stream opened or was lost: while lost, screens fall back to polling. */
  onStatus?(connected: boolean): void;
}

/** After a refused stream (too many open, signed out) the browser does not retry by itself; we do, slowly. */
const RETRY_CLOSED_AFTER_MS = 30_000;

class LiveChannel {
  readonly listeners = new Set<LiveListener>();
  connected = false;
  private source: EventSource | null = null;
  private retry: number | null = null;

  constructor(private readonly url: string) {}

  open(): void {
    if (this.source || typeof EventSource === 'undefined') return;
    const source = new EventSource(this.url, { withCredentials: true });
    this.source = source;
    source.addEventListener('open', () => this.setConnected(true));
    source.addEventListener('error', () => {
      this.setConnected(false);
      // CONNECTING: EventSource tries again itself (with Last-Event-ID). CLOSED: it gave up.
      if (source.readyState === EventSource.CLOSED) {
        this.source = null;
        this.retry = window.setTimeout(() => {
          this.retry = null;
          if (this.listeners.size > 0) this.open();
        }, RETRY_CLOSED_AFTER_MS);
      }
    });
    source.addEventListener('case.changed', (event) =>
      this.emitChange(JSON.parse((event as MessageEvent<string>).data) as CaseChange),
    );
    source.addEventListener('resync', () => this.emitChange(null));
    source.addEventListener('presence', (event) => {
      const { people } = JSON.parse((event as MessageEvent<string>).data) as { people: PresentPerson[] };
      for (const listener of this.listeners) listener.onPresence?.(people);
    });
  }

  close(): void {
    this.source?.close();
    this.source = null;
    if (this.retry !== null) window.clearTimeout(this.retry);
    this.retry = null;
    this.connected = false;
  }

  private emitChange(change: CaseChange | null): void {
    for (const listener of this.listeners) listener.onChange?.(change);
  }

  private setConnected(connected: boolean): void {
    if (this.connected === connected) return;
    this.connected = connected;
    for (const listener of this.listeners) listener.onStatus?.(connected);
  }
}

const channels = new Map<string, LiveChannel>();

/** Listens to every case (caseId null: the inbox) or one case; returns the way to stop. */
export function subscribeLive(caseId: string | null, listener: LiveListener): () => void {
  const url = caseId ? `/api/live?caseId=${encodeURIComponent(caseId)}` : '/api/live';
  let channel = channels.get(url);
  if (!channel) {
    channel = new LiveChannel(url);
    channels.set(url, channel);
  }
  channel.listeners.add(listener);
  channel.open();
  const joined = channel;
  return () => {
    joined.listeners.delete(listener);
    // The last listener gone: close the stream, so the server holds none for a screen nobody shows.
    if (joined.listeners.size === 0) {
      joined.close();
      channels.delete(url);
    }
  };
}

/** Whether the stream of every case is open now (screens poll while it is not). */
export function isLiveConnected(caseId: string | null = null): boolean {
  return channels.get(caseId ? `/api/live?caseId=${encodeURIComponent(caseId)}` : '/api/live')?.connected ?? false;
}

/** How often a screen polls while the live stream is unavailable (a proxy that buffers it, say). */
export const AUTO_REFRESH_MS = 30_000;
/** Changes in a burst (an import, a sweep) become one reload of a list. */
const LIST_SETTLE_MS = 300;

/**
 * Keeps the queries under `queryKey` current without a reload: invalidates them when the server says a case
 * changed, at once when the window gets focus or the tab is shown again (an agent coming back to the inbox), and
 * every `intervalMs` only while the live stream is down. A hidden tab does not reload: nobody is looking.
 * Asked while they load, the refresh runs after: that load may have started before what the agent came back for.
 */
export function useLiveQueries(queryKey: QueryKey, intervalMs = AUTO_REFRESH_MS): void {
  const queryClient = useQueryClient();
  const latestKey = useRef(queryKey);
  useEffect(() => {
    latestKey.current = queryKey;
  });

  useEffect(() => {
    let settling: number | null = null;
    let waiting: (() => void) | null = null;
    const refresh = () => {
      if (document.visibilityState !== 'visible' || waiting) return;
      const queryKey = latestKey.current;
      if (queryClient.isFetching({ queryKey }) === 0) {
        void queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
        return;
      }
      // A next page or a refresh is on its way: keep it, and read again once it is in.
      waiting = queryClient.getQueryCache().subscribe(() => {
        if (queryClient.isFetching({ queryKey }) > 0) return;
        waiting?.();
        waiting = null;
        void queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
      });
    };
    const changed = () => {
      // Hidden: showing the tab again reloads anyway (below), so nothing is lost by waiting.
      if (document.visibilityState === 'visible' && settling === null) {
        settling = window.setTimeout(() => {
          settling = null;
          refresh();
        }, LIST_SETTLE_MS);
      }
    };
    const poll = () => {
      if (!isLiveConnected()) refresh();
    };
    const stop = subscribeLive(null, { onChange: changed });
    const timer = window.setInterval(poll, intervalMs);
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      stop();
      waiting?.();
      if (settling !== null) window.clearTimeout(settling);
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [intervalMs, queryClient]);
}

/** Several changes in a burst (a message, then its delivery) become one reload. */
const SETTLE_MS = 200;

/** Calls `onChanged` (settled) whenever this case changes; while the tab is hidden, once it is shown again. */
export function useLiveCase(caseId: string | null, onChanged: () => void): void {
  const latest = useRef(onChanged);
  useEffect(() => {
    latest.current = onChanged;
  });
  useEffect(() => {
    if (!caseId) return;
    let timer: number | null = null;
    let missed = false;
    const run = () => {
      timer = null;
      if (document.visibilityState === 'visible') latest.current();
      else missed = true;
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible' && missed) {
        missed = false;
        latest.current();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    const stop = subscribeLive(caseId, {
      onChange: () => {
        if (timer === null) timer = window.setTimeout(run, SETTLE_MS);
      },
    });
    return () => {
      stop();
      if (timer !== null) window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [caseId]);
}

/** How often a case page says "still here" (the server forgets someone after 30 s of silence). */
const PRESENCE_EVERY_MS = 10_000;

export type PresenceState = 'viewing' | 'replying';

/**
 * Tells colleagues this person is on the case (`state()` says viewing or replying, read at each
 * heartbeat and whenever `signal` changes) and returns who else is on it.
 */
export function usePresence(
  caseId: string | null,
  myId: string,
  state: () => PresenceState,
): { others: PresentPerson[]; report(): void } {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  const latestState = useRef(state);
  const sent = useRef<PresenceState | null>(null);
  const reportRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    latestState.current = state;
  });
  useEffect(() => {
    if (!caseId) return;
    const params = { path: { id: caseId } };
    const send = (force: boolean) => {
      const now = latestState.current();
      if (!force && now === sent.current) return;
      sent.current = now;
      client.POST('/api/cases/{id}/presence', { params, body: { state: now } }).then(
        ({ data }) => setPeople(data?.people ?? []),
        () => undefined,
      );
    };
    reportRef.current = () => send(false);
    send(true);
    const timer = window.setInterval(() => send(true), PRESENCE_EVERY_MS);
    const stop = subscribeLive(caseId, { onPresence: setPeople });
    const leave = () => {
      // keepalive: the request outlives a closing tab.
      client
        .POST('/api/cases/{id}/presence', { params, body: { state: 'left' }, keepalive: true })
        .catch(() => undefined);
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      stop();
      leave();
      sent.current = null;
      setPeople([]);
    };
  }, [caseId]);
  return { others: people.filter((person) => person.staffId !== myId), report: () => reportRef.current() };
}
