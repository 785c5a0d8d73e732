// The biggest movers as a table: each reason or sentiment with this period's count, the previous one, the change
// and the share; a row opens to its count per channel and its most telling messages, each linked to the customer.
import { Fragment, useState } from 'react';
import type { TrendExample, TrendKey, Trends } from '../api/types.ts';
import { humanize } from '../labels.ts';
import { useCan } from '../permissions.ts';
import { followLink } from '../router.ts';
import { absoluteTime } from '../time.ts';
import {
  dimensionLabel,
  formatChange,
  formatChangePercent,
  formatCount,
  formatScore,
  formatShare,
  keyLabel,
  periodLabel,
} from '../insights/trend-format.ts';

export function TrendMovers({ trends }: { trends: Trends }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string) => {
    const next = new Set(open);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setOpen(next);
  };
  return (
    <div className="table-scroll">
      <table className="data-table trend-movers">
        <caption>
          {periodLabel(trends.from, trends.to)} against {periodLabel(trends.previousFrom, trends.previousTo)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{dimensionLabel(trends.by)}</th>
            <th scope="col" className="number">
              This period
            </th>
            <th scope="col" className="number">
              Previous
            </th>
            <th scope="col" className="number">
              Change
            </th>
            <th scope="col" className="number">
              Change %
            </th>
            <th scope="col" className="number">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {trends.keys.map((key) => {
            const name = key.key ?? '';
            const detailsId = `mover-${name || 'none'}`;
            const expanded = open.has(name);
            return (
              <Fragment key={name}>
                <tr className={expanded ? 'mover open' : 'mover'}>
                  <th scope="row">
                    <button
                      type="button"
                      className="disclosure"
                      aria-expanded={expanded}
                      aria-controls={detailsId}
                      onClick={() => toggle(name)}
                    >
                      <span className="disclosure-mark" aria-hidden="true" />
                      {keyLabel(key.key)}
                    </button>
                  </th>
                  <td className="number">{formatCount(key.count)}</td>
                  <td className="number">{formatCount(key.previousCount)}</td>
                  <td className={`number change ${directionOf(key.change)}`}>
                    <span aria-hidden="true" className="change-mark">
                      {key.change > 0 ? '▲' : key.change < 0 ? '▼' : ''}
                    </span>
                    {formatChange(key.change)}
                  </td>
                  <td className="number">{formatChangePercent(key.changePercent)}</td>
                  <td className="number">{formatShare(key.share)}</td>
                </tr>
                {expanded && (
                  <tr className="mover-details" id={detailsId}>
                    <td colSpan={6}>
                      <MoverDetails moverKey={key} by={trends.by} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const directionOf = (change: number) => (change > 0 ? 'up' : change < 0 ? 'down' : 'same');

function MoverDetails({ moverKey, by }: { moverKey: TrendKey; by: Trends['by'] }) {
  const label = keyLabel(moverKey.key);
  return (
    <div className="mover-body">
      <p className="mover-channels">
        <strong>By channel: </strong>
        {moverKey.byChannel.length === 0
          ? 'none this period'
          : moverKey.byChannel.map((entry) => `${humanize(entry.channel)} ${formatCount(entry.count)}`).join(' · ')}
        {' · '}
        <span className="muted">share before: {formatShare(moverKey.previousShare)}</span>
      </p>
      {moverKey.examples.length === 0 ? (
        <p className="muted">No messages this period.</p>
      ) : (
        <>
          <h3 className="mover-examples-heading">Examples: {label}</h3>
          <ul className="trend-examples">
            {moverKey.examples.map((example) => (
              <Example key={example.interactionId} example={example} by={by} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Example({ example, by }: { example: TrendExample; by: Trends['by'] }) {
  const can = useCan();
  const customerPath = `/customers/${encodeURIComponent(example.customerId)}`;
  const casePath = example.caseId ? `/cases/${encodeURIComponent(example.caseId)}` : null;
  return (
    <li className="trend-example">
      <blockquote>{example.text}</blockquote>
      <p className="trend-example-meta">
        <span>{humanize(example.channel)}</span>
        <span>{absoluteTime(example.occurredAt)}</span>
        {by === 'reason' ? (
          <span>
            {humanize(example.sentiment)} ({formatScore(example.sentimentScore)})
          </span>
        ) : (
          <span>{keyLabel(example.reason)}</span>
        )}
        {by === 'reason' && example.reasonConfidence !== null && (
          <span>confidence {formatShare(example.reasonConfidence)}</span>
        )}
        {example.urgent && <span className="urgent-tag">Urgent</span>}
        <a href={customerPath} onClick={(event) => followLink(event, customerPath)}>
          View customer
        </a>
        {casePath && can('cases:read') && (
          <a href={casePath} onClick={(event) => followLink(event, casePath)}>
            View case
          </a>
        )}
      </p>
    </li>
  );
}
