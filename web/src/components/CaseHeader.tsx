// The top of a case page: number and subject, its facts (channel, status, priority, reason, tags,
// assignee, contacts, first-contact resolution, repeats) and its SLA clocks with any breaches.
import type { ReactNode } from 'react';
import { casePath, metricName } from '../cases.ts';
import { UNNAMED_CUSTOMER } from '../customer-label.ts';
import { humanize } from '../labels.ts';
import { followLink } from '../router.ts';
import { absoluteTime, relativeTime } from '../time.ts';
import type { CaseDetail } from '../api/types.ts';
import { useNow } from '../useNow.ts';
import { ChannelIcon } from './ChannelIcon.tsx';
import { CaseStatusBadge, PriorityBadge } from './CaseStatusBadge.tsx';
import { SlaTimer } from './SlaTimer.tsx';
import { RelatedCaseLink } from './RelatedCaseLink.tsx';
import { ReasonFact } from './ReasonFact.tsx';

/** `children` are the controls (status buttons, the details editor) for staff who may change the case. */
export function CaseHeader({
  detail,
  teamName,
  children,
}: {
  detail: CaseDetail;
  teamName: string | null;
  children?: ReactNode;
}) {
  const now = useNow(1000);
  return (
    <header className="case-header panel" data-testid="case-header">
      <div className="case-title">
        <ChannelIcon channel={detail.channel} label={humanize(detail.channel)} />
        <h1>
          <span className="muted case-ref">#{detail.number}</span> {detail.subject}
        </h1>
      </div>
      <div className="case-badges">
        <CaseStatusBadge status={detail.status} />
        <PriorityBadge priority={detail.priority} />
        <SlaTimer sla={detail.sla} now={now} />
      </div>

      <dl className="case-facts">
        <Fact label="Customer">
          <a
            href={`/customers/${encodeURIComponent(detail.customerId)}`}
            onClick={(event) => followLink(event, `/customers/${encodeURIComponent(detail.customerId)}`)}
            data-testid="case-customer"
          >
            {detail.customerLabel ?? UNNAMED_CUSTOMER}
          </a>
        </Fact>
        <Fact label="Channel">{humanize(detail.channel)}</Fact>
        <Fact label="Assignee">{detail.assigneeName ?? <span className="muted">Unassigned</span>}</Fact>
        {teamName && <Fact label="Team">{teamName}</Fact>}
        <Fact label="Reason">
          <ReasonFact detail={detail} />
        </Fact>
        <Fact label="Tags">
          {detail.tags.length > 0 ? (
            <span className="tag-list" data-testid="case-tags">
              {detail.tags.map((tag) => (
                <span key={tag} className="tag">
                  {tag}
                </span>
              ))}
            </span>
          ) : (
            <span className="muted">None</span>
          )}
        </Fact>
        <Fact label="Opened">
          <span title={absoluteTime(detail.openedAt)}>{relativeTime(detail.openedAt)}</span>
        </Fact>
        <Fact label="Contacts">
          {detail.contactCount}
          {detail.reopenCount > 0 && <span className="muted"> · reopened {detail.reopenCount}×</span>}
        </Fact>
        {detail.resolvedAt && (
          <Fact label="First-contact resolution">
            <span data-testid="fcr">{detail.firstContactResolution ? 'Yes' : 'No'}</span>
          </Fact>
        )}
        {detail.repeatOf && (
          <Fact label="Repeat of">
            {detail.repeatOfCase ? (
              <RelatedCaseLink related={detail.repeatOfCase} testId="repeat-of" />
            ) : (
              <CaseLink id={detail.repeatOf}>an earlier case</CaseLink>
            )}
          </Fact>
        )}
        {(detail.merge?.mergedCases.length ?? 0) > 0 && (
          <Fact label="Merged here">
            {detail.merge!.mergedCases.map((merged, index) => (
              <span key={merged.mergeId}>
                {index > 0 && ', '}
                <CaseLink id={String(merged.number)}>#{merged.number}</CaseLink>
              </span>
            ))}
          </Fact>
        )}
        {detail.repeatedBy.length > 0 && (
          <Fact label="Came back as">
            {detail.repeatedByCases
              ? detail.repeatedByCases.map((later, index) => (
                  <span key={later.id}>
                    {index > 0 && ', '}
                    <RelatedCaseLink related={later} testId="repeated-by" />
                  </span>
                ))
              : detail.repeatedBy.map((id, index) => (
                  <span key={id}>
                    {index > 0 && ', '}
                    <CaseLink id={id}>a later case</CaseLink>
                  </span>
                ))}
          </Fact>
        )}
      </dl>

      <SlaClocks detail={detail} />
      {children}
    </header>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CaseLink({ id, children }: { id: string; children: ReactNode }) {
  const href = casePath(id);
  return (
    <a href={href} onClick={(event) => followLink(event, href)}>
      {children}
    </a>
  );
}

/** Each clock in words: when it is due, or when it was met, and every breach in red. */
function SlaClocks({ detail }: { detail: CaseDetail }) {
  const { sla } = detail;
  const clocks: Array<{ metric: string; text: ReactNode }> = [];
  if (detail.firstResponseAt) clocks.push({ metric: 'first_response', text: <>met {when(detail.firstResponseAt)}</> });
  else if (sla.firstResponseDueAt)
    clocks.push({ metric: 'first_response', text: <>due {when(sla.firstResponseDueAt)}</> });
  if (sla.nextResponseDueAt) clocks.push({ metric: 'next_response', text: <>due {when(sla.nextResponseDueAt)}</> });
  if (detail.resolvedAt) clocks.push({ metric: 'resolution', text: <>resolved {when(detail.resolvedAt)}</> });
  else if (sla.resolutionPausedAt) {
    clocks.push({
      metric: 'resolution',
      text: <span data-testid="resolution-paused">paused {when(sla.resolutionPausedAt)}, waiting on the customer</span>,
    });
  } else if (sla.resolutionDueAt) clocks.push({ metric: 'resolution', text: <>due {when(sla.resolutionDueAt)}</> });
  if (clocks.length === 0 && sla.breaches.length === 0) return null;
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: markup kept as the browser tests find it; the label names the clocks for screen readers that read it
    <div className="sla-clocks" aria-label="SLA">
      {clocks.length > 0 && (
        <ul className="sla-list">
          {clocks.map((clock) => (
            <li key={clock.metric}>
              <strong>{metricName(clock.metric)}</strong> {clock.text}
            </li>
          ))}
        </ul>
      )}
      {sla.breaches.length > 0 && (
        <ul className="sla-breaches" data-testid="sla-breaches">
          {sla.breaches.map((breach) => (
            <li key={`${breach.metric} ${breach.dueAt}`}>
              {metricName(breach.metric)} breached: it was due {when(breach.dueAt)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function when(iso: string): ReactNode {
  return (
    <time dateTime={iso} title={absoluteTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}
