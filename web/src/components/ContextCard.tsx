// The context card: everything an agent needs before replying, with "what to say next" up top.
import type { ReactNode } from 'react';
import { formatValue, humanize } from '../labels.ts';
import { absoluteTime, formatDate, relativeTime } from '../time.ts';
import type { ContextCard as Card, Flag, LastContact, Merge } from '../types.ts';
import { Identities } from './Identities.tsx';
import { Preferences } from './Preferences.tsx';

export function ContextCard({ card }: { card: Card }) {
  const traits = Object.entries(card.traits ?? {});
  return (
    <aside className="context-card panel" data-testid="context-card" aria-label="Customer context">
      <header className="card-header">
        <span className="avatar xlarge" aria-hidden="true">{(card.name ?? '?').charAt(0).toUpperCase()}</span>
        <div>
          <h1>
            {card.name ?? 'Unnamed customer'} <span className="lifecycle">{humanize(card.lifecycle)}</span>
          </h1>
          <p className="muted">
            First seen {formatDate(card.firstSeenAt)}
            {card.acquisitionSource ? ` via ${humanize(card.acquisitionSource)}` : ''}
          </p>
          <p className="muted">
            {card.interactionCount} {card.interactionCount === 1 ? 'interaction' : 'interactions'} · last seen{' '}
            <span title={absoluteTime(card.lastSeenAt)}>{relativeTime(card.lastSeenAt)}</span>
          </p>
        </div>
      </header>

      <div className="card-summary" data-testid="card-summary">
        <span className="summary-label">What to say next</span>
        <p>{card.summary}</p>
      </div>

      {card.flags.length > 0 && (
        <ul className="flags" aria-label="Flags">
          {card.flags.map((flag) => (
            <FlagBadge key={flag.flag} flag={flag} />
          ))}
        </ul>
      )}

      <CardSection title="Identities">
        <Identities identities={card.identities} />
      </CardSection>

      <CardSection title="Last contact">
        <LastContacts contacts={card.lastContacts} />
      </CardSection>

      <CardSection title="Preferences">
        <Preferences preferences={card.preferences} />
      </CardSection>

      {traits.length > 0 && (
        <CardSection title="Traits">
          <dl className="kv">
            {traits.map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{formatValue(value)}</dd>
              </div>
            ))}
          </dl>
        </CardSection>
      )}

      {card.merges.length > 0 && (
        <CardSection title="Merges">
          <Merges merges={card.merges} survivorId={card.id} />
        </CardSection>
      )}
    </aside>
  );
}

function CardSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Colour says how careful to be: red for risk, amber for special treatment, blue for anything else. */
function flagTone(flag: string): string {
  if (/risk|fraud|abuse|block|do.?not|churn|complain|chargeback|angry/i.test(flag)) return 'danger';
  if (/vip|loyal|priority|premium|gold|vocal|influenc/i.test(flag)) return 'warning';
  return 'info';
}

function FlagBadge({ flag }: { flag: Flag }) {
  const origin = flag.source === 'rule' ? 'Set by a rule' : 'Set by staff';
  const title = [flag.reason, `${origin} on ${formatDate(flag.setAt)}`].filter(Boolean).join(' — ');
  return (
    <li className={`flag flag-${flagTone(flag.flag)}`} data-testid="flag" title={title}>
      {humanize(flag.flag)}
    </li>
  );
}

function LastContacts({ contacts }: { contacts: LastContact[] }) {
  if (contacts.length === 0) return <p className="muted">No department has talked to them yet.</p>;
  return (
    <ul className="last-contacts">
      {contacts.map((contact) => (
        <li key={contact.department}>
          <span>
            <strong>{humanize(contact.department)}</strong>
            {' · '}
            <span title={absoluteTime(contact.occurredAt)}>{relativeTime(contact.occurredAt)}</span>
            {' · '}
            {humanize(contact.channel).toLowerCase()}
          </span>
          {contact.text && <span className="muted clamp">{contact.text}</span>}
        </li>
      ))}
    </ul>
  );
}

function Merges({ merges, survivorId }: { merges: Merge[]; survivorId: string }) {
  return (
    <ul className="merges">
      {merges.map((merge) => (
        <li key={merge.id} className={merge.undoneAt ? 'undone' : undefined}>
          {merge.survivorId === survivorId ? (
            <>Absorbed <code>{merge.absorbedId}</code></>
          ) : (
            <>Merged into <code>{merge.survivorId}</code></>
          )}
          <span className="muted">
            {' · '}
            {merge.reason} · {formatDate(merge.mergedAt)}
            {merge.undoneAt && ` · undone ${formatDate(merge.undoneAt)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
