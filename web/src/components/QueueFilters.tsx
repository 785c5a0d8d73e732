// The inbox's filters and order: channel, priorities, reason, tag and sort. Lists and boxes to tick
// apply at once; typed values with the button or Enter. The page keeps them in the address.
import { useEffect, useState } from 'react';
import { humanize } from '../labels.ts';
// One list of channels and reasons with the rule forms: the reasons as the server stores them (damaged_item).
import { CASE_CHANNELS, KNOWN_REASONS } from '../settings/conditions.ts';
import {
  hasQueueFilters,
  NO_QUEUE_FILTERS,
  PRIORITIES,
  SORTS,
  type QueueFilters as Filters,
} from '../queue-filters.ts';
import '../queue-filters.css';

interface QueueFiltersProps {
  /** What the list shows now (from the address). */
  applied: Filters;
  onApply: (filters: Filters) => void;
}

export function QueueFilters({ applied, onApply }: QueueFiltersProps) {
  const [reason, setReason] = useState(applied.reason);
  const [tag, setTag] = useState(applied.tag);
  // Back, Forward or a shared link changed the filters under us: the boxes show what the list shows.
  useEffect(() => setReason(applied.reason), [applied.reason]);
  useEffect(() => setTag(applied.tag), [applied.tag]);
  const apply = (change: Partial<Filters>) =>
    onApply({ ...applied, reason: reason.trim(), tag: tag.trim(), ...change });
  const priorities = new Set(applied.priority.split(',').filter(Boolean));
  const togglePriority = (priority: string, on: boolean) => {
    const next = new Set(priorities);
    if (on) next.add(priority);
    else next.delete(priority);
    apply({ priority: PRIORITIES.filter((known) => next.has(known)).join(',') });
  };
  const sorts = SORTS.filter((sort) => !sort.searchOnly || applied.q);

  return (
    <form
      className="queue-filters"
      aria-label="Filter and sort cases"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply({});
      }}
    >
      <div className="field">
        <label htmlFor="filter-channel">Channel</label>
        <select
          id="filter-channel"
          value={applied.channel}
          onChange={(event) => apply({ channel: event.target.value })}
        >
          <option value="">Any channel</option>
          {CASE_CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {humanize(channel)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="filter-priorities">
        <legend>Priority</legend>
        {PRIORITIES.map((priority) => (
          <label key={priority} className="check" htmlFor={`filter-priority-${priority}`}>
            <input
              id={`filter-priority-${priority}`}
              type="checkbox"
              checked={priorities.has(priority)}
              onChange={(event) => togglePriority(priority, event.target.checked)}
            />
            <span>{humanize(priority)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="filter-reason">Reason</label>
        <input
          id="filter-reason"
          list="filter-reasons"
          autoComplete="off"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <datalist id="filter-reasons">
          {KNOWN_REASONS.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="filter-tag">Tag</label>
        <input
          id="filter-tag"
          autoComplete="off"
          spellCheck={false}
          value={tag}
          onChange={(event) => setTag(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-sort">Sort by</label>
        <select
          id="filter-sort"
          value={applied.sort || (applied.q ? 'relevance' : 'newest')}
          onChange={(event) => apply({ sort: event.target.value })}
        >
          {sorts.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </div>
      <div className="queue-filter-actions">
        <button type="submit" className="secondary">
          Apply filters
        </button>
        {hasQueueFilters(applied) && (
          <button
            type="button"
            className="secondary"
            onClick={() => onApply({ ...NO_QUEUE_FILTERS, q: applied.q, sort: applied.sort })}
          >
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
