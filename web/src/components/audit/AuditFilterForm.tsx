// The audit log's filters: customer, staff member and action, applied with the button or Enter. What the
// server refuses (an action not shaped like `team.archived`) is shown beside its box.
import { useEffect, useState } from 'react';
import { describedBy, type FieldMessages } from '../../forms.ts';
import { KNOWN_ACTIONS, describeAction } from '../../audit/describe.ts';
import { hasFilters, NO_FILTERS, trimmedFilters, type AuditFilters } from '../../audit/filters.ts';
import { Field } from '../Field.tsx';

interface AuditFilterFormProps {
  /** The filters the list shows now (from the address). */
  applied: AuditFilters;
  byField: FieldMessages;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFilterForm({ applied, byField, onApply }: AuditFilterFormProps) {
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const edit = (change: Partial<AuditFilters>) => setDraft({ ...draft, ...change });
  const { customerId, actorId, action } = applied;
  // Back, Forward or a shared link changed the filters under us: the boxes show what the list shows.
  useEffect(() => setDraft({ customerId, actorId, action }), [customerId, actorId, action]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the help desk supports; role=search on the form is the ARIA pattern
    <form
      className="panel audit-filters"
      role="search"
      aria-label="Filter the audit log"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onApply(trimmedFilters(draft));
      }}
    >
      <div className="form-row">
        <Field id="audit-customerId" label="Customer id" error={byField.customerId}>
          <input
            {...describedBy('audit-customerId', byField.customerId)}
            autoComplete="off"
            value={draft.customerId}
            onChange={(event) => edit({ customerId: event.target.value })}
          />
        </Field>
        <Field id="audit-actorId" label="Staff member id" error={byField.actorId}>
          <input
            {...describedBy('audit-actorId', byField.actorId)}
            autoComplete="off"
            value={draft.actorId}
            onChange={(event) => edit({ actorId: event.target.value })}
          />
        </Field>
        <Field id="audit-action" label="Action" error={byField.action} hint="e.g. team.archived or customer.viewed">
          <input
            {...describedBy('audit-action', byField.action)}
            list="audit-actions"
            autoComplete="off"
            spellCheck={false}
            value={draft.action}
            onChange={(event) => edit({ action: event.target.value })}
          />
        </Field>
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((known) => (
            <option key={known} value={known}>
              {describeAction(known)}
            </option>
          ))}
        </datalist>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        {hasFilters(applied) && (
          <button type="button" onClick={() => onApply(NO_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
