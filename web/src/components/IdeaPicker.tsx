// Choosing one idea from the ranked list, found by number or title: where a customer's message goes, or what a
// duplicate is merged into.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { IDEA_STATUS_LABELS } from '../ideas.ts';
import { type IdeaSummary, ideasApi } from '../ideas-api.ts';
import { queryKeys } from '../queries.ts';
import { ErrorAlert, Loading } from './ErrorAlert.tsx';
import '../case-actions.css';

const PICKABLE = { sort: 'demand', limit: 100 } as const;

interface IdeaPickerProps {
  /** Names the radio group and the ids inside it. */
  name: string;
  legend: string;
  value: string;
  onChange: (idea: IdeaSummary) => void;
  /** An idea not to offer (the one being merged). */
  excludeId?: string;
  disabled?: boolean;
  error?: string;
}

export function IdeaPicker({ name, legend, value, onChange, excludeId, disabled, error }: IdeaPickerProps) {
  const ideas = useQuery({
    queryKey: queryKeys.ideaList(PICKABLE),
    queryFn: ({ signal }) => ideasApi.list(PICKABLE, signal),
  });
  const [find, setFind] = useState('');
  const wanted = find.trim().replace(/^#/, '').toLowerCase();
  const offered = (ideas.data?.items ?? []).filter((idea) => idea.id !== excludeId);
  const shown = offered.filter(
    (idea) => !wanted || String(idea.number) === wanted || idea.title.toLowerCase().includes(wanted),
  );
  return (
    <fieldset className="plain-fieldset idea-picker" disabled={disabled}>
      <legend>{legend}</legend>
      {ideas.isPending && <Loading label="Loading ideas…" />}
      {ideas.isError && <ErrorAlert error={ideas.error} />}
      {ideas.data && offered.length === 0 && <p className="muted">There is no other idea yet.</p>}
      {offered.length > 0 && (
        <>
          <label htmlFor={`${name}-find`} className="idea-picker-find">
            Find by number or title
          </label>
          <input
            id={`${name}-find`}
            type="search"
            autoComplete="off"
            value={find}
            onChange={(e) => setFind(e.target.value)}
          />
          <ul className="merge-choices idea-choices">
            {shown.map((idea) => (
              <li key={idea.id}>
                <label>
                  <input
                    type="radio"
                    name={name}
                    value={idea.id}
                    checked={value === idea.id}
                    onChange={() => onChange(idea)}
                  />
                  <span>
                    <strong>#{idea.number}</strong> {idea.title}{' '}
                    <span className="muted">
                      · {IDEA_STATUS_LABELS[idea.status]} · {idea.requesters}{' '}
                      {idea.requesters === 1 ? 'requester' : 'requesters'}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p className="muted">No idea matches “{find.trim()}”.</p>}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
