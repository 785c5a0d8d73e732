// The context card: everything an agent needs before replying, with "what to say next" up top.
// Staff whose role allows it can edit preferences and flags and undo merges right here.
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../api.ts';
import { cardLabel, UNNAMED_CUSTOMER } from '../customer-label.ts';
import { humanize } from '../labels.ts';
import { useCan } from '../permissions.ts';
import { absoluteTime, formatDate, relativeTime } from '../time.ts';
import type { ContextCard as Card, LastContact } from '../api/types.ts';
import { Flags } from './Flags.tsx';
import { Identities } from './Identities.tsx';
import { Merges } from './Merges.tsx';
import { PreferenceForm } from './PreferenceForm.tsx';
import { Preferences } from './Preferences.tsx';
import { TraitList } from './TraitList.tsx';

/** `onChanged` reloads the card after an edit made here. */
export function ContextCard({ card, onChanged }: { card: Card; onChanged: () => Promise<void> }) {
  const can = useCan();
  const editable = can('customers:write');
  const traits = Object.entries(card.traits ?? {});
  const label = cardLabel(card);
  const removing = useMutation({
    mutationFn: (key: string) => api.removePreference(card.id, key),
    onSuccess: () => onChanged(),
  });
  // Preferences shows a refusal beside the list.
  const removePreference = async (key: string) => {
    await removing.mutateAsync(key);
  };
  return (
    <aside className="context-card panel" data-testid="context-card" aria-label="Customer context">
      <header className="card-header">
        <span className="avatar xlarge" aria-hidden="true">
          {(label?.match(/[\p{L}\p{N}]/u)?.[0] ?? '?').toUpperCase()}
        </span>
        <div>
          <h1>
            {label ?? UNNAMED_CUSTOMER} <span className="lifecycle">{humanize(card.lifecycle)}</span>
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

      <Flags customerId={card.id} flags={card.flags} onChanged={editable ? onChanged : undefined} />

      <CardSection title="Identities">
        <Identities identities={card.identities} />
      </CardSection>

      <CardSection title="Last contact">
        <LastContacts contacts={card.lastContacts} />
      </CardSection>

      <CardSection title="Preferences">
        <Preferences preferences={card.preferences} onRemove={editable ? removePreference : undefined} />
        {editable && <PreferenceForm customerId={card.id} onStated={onChanged} />}
      </CardSection>

      {traits.length > 0 && (
        <CardSection title="Traits">
          <TraitList traits={card.traits} />
        </CardSection>
      )}

      {card.merges.length > 0 && (
        <CardSection title="Merges">
          <Merges
            merges={card.merges}
            survivorId={card.id}
            identities={card.identities}
            onUndone={can('customers:merge') ? onChanged : undefined}
          />
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
