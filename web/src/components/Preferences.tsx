// What the customer likes: Stated (they told us, with source and date) and Inferred (we noticed, with confidence).
// Staff who may edit can remove a stated one; inferred ones follow the evidence and cannot be removed by hand.
import { useMutation } from '@tanstack/react-query';
import { formatValue, humanize } from '../labels.ts';
import { formatDate } from '../time.ts';
import type { Preference } from '../api/types.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

interface PreferencesProps {
  preferences: Preference[];
  /** Present only for staff who may change the customer. */
  onRemove?: (key: string) => Promise<void>;
}

export function Preferences({ preferences, onRemove }: PreferencesProps) {
  // One removal at a time; its failure is kept to show.
  const removing = useMutation({ mutationFn: async (key: string) => onRemove?.(key) });
  const stated = preferences.filter((preference) => preference.kind === 'explicit');
  const inferred = preferences.filter((preference) => preference.kind === 'implicit');
  if (preferences.length === 0) return <p className="muted">No preferences known yet.</p>;
  return (
    <div className="preference-groups">
      {stated.length > 0 && (
        <div>
          <h4>Stated</h4>
          <ul className="preference-list">
            {stated.map((preference) => (
              <li key={preference.key} data-testid="preference" data-kind="explicit">
                <span className="preference-line">
                  <PreferenceValue preference={preference} />
                  {onRemove && (
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Remove preference ${preference.key}`}
                      disabled={removing.isPending}
                      onClick={() => removing.mutate(preference.key)}
                    >
                      Remove
                    </button>
                  )}
                </span>
                <span className="muted">
                  {[preference.source && `via ${humanize(preference.source)}`, formatDate(preference.updatedAt)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          {removing.error !== null && <ErrorAlert error={removing.error} />}
        </div>
      )}
      {inferred.length > 0 && (
        <div>
          <h4>Inferred</h4>
          <ul className="preference-list">
            {inferred.map((preference) => (
              <li key={preference.key} data-testid="preference" data-kind="implicit">
                <PreferenceValue preference={preference} />
                <span className="muted">
                  {preference.confidence !== null && `${Math.round(preference.confidence * 100)}% confident · `}
                  based on {preference.evidence.length} {preference.evidence.length === 1 ? 'event' : 'events'}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function PreferenceValue({ preference }: { preference: Preference }) {
  return (
    <span className="preference-value">
      <span className="preference-key">{preference.key}</span>
      <span aria-hidden="true"> = </span>
      <strong>{formatValue(preference.value)}</strong>
    </span>
  );
}
