// What happened to an idea, oldest first: created, who else asked, merges, each status with its reason.
import { historyText } from '../ideas.ts';
import type { IdeaHistoryEntry } from '../ideas-api.ts';
import { absoluteTime, relativeTime } from '../time.ts';

export function IdeaHistory({ history }: { history: IdeaHistoryEntry[] }) {
  return (
    <section className="panel idea-history" aria-labelledby="idea-history-heading">
      <h2 id="idea-history-heading">History</h2>
      {history.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ol className="idea-history-list">
          {history.map((entry, index) => (
            // Entries never change or move: their place is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: an append-only list read whole
            <li key={index}>
              <span>{historyText(entry)}</span>{' '}
              <time className="muted" dateTime={entry.at} title={absoluteTime(entry.at)}>
                {relativeTime(entry.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
