// A link to another case that says which one it is: "#1012 · Damaged item: My tote bag is ruined".
import { casePath } from '../cases.ts';
import { humanize } from '../labels.ts';
import { followLink } from '../router.ts';
import type { RelatedCase } from '../api/types.ts';

/** What the case was about, in words: its reason and subject, whichever it has. */
export function relatedCaseTopic(related: RelatedCase): string | null {
  const parts = [related.reason ? humanize(related.reason) : null, related.subject?.trim() || null].filter(
    (part): part is string => part !== null,
  );
  return parts.length > 0 ? parts.join(': ') : null;
}

export function RelatedCaseLink({ related, testId }: { related: RelatedCase; testId?: string }) {
  const href = casePath(related.number);
  const topic = relatedCaseTopic(related);
  return (
    <span className="related-case" data-testid={testId}>
      <a href={href} onClick={(event) => followLink(event, href)} className="case-ref">
        #{related.number}
      </a>
      {topic && <span className="related-case-topic"> · {topic}</span>}
      <span className="muted"> ({humanize(related.status).toLowerCase()})</span>
    </span>
  );
}
