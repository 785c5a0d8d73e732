// An idea's status as a small pill, the same on the ideas list and the idea page.
import { IDEA_STATUS_LABELS } from '../ideas.ts';
import type { IdeaStatus } from '../ideas-api.ts';

export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  return (
    <span className={`status idea-status idea-status-${status}`} data-testid="idea-status">
      {IDEA_STATUS_LABELS[status]}
    </span>
  );
}
