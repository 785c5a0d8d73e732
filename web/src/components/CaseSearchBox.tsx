// The inbox's case search: a number (#10134), an order id, words of the subject or the conversation,
// a name or part of an email. Sent with the button or Enter; an empty box shows the queue again.
import { useEffect, useState } from 'react';

export function CaseSearchBox({ applied, onSearch }: { applied: string; onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [applied]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the help desk supports; role=search on the form is the ARIA pattern
    <form
      className="case-search"
      role="search"
      aria-label="Cases"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(draft.trim());
      }}
    >
      <label htmlFor="case-search-q">Search cases</label>
      <div className="case-search-row">
        <input
          id="case-search-q"
          type="search"
          autoComplete="off"
          placeholder="#1042, order id, words, name or email"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="primary">
          Search
        </button>
        {applied && (
          <button type="button" className="secondary" onClick={() => onSearch('')}>
            Clear search
          </button>
        )}
      </div>
    </form>
  );
}
