// An idea as staff name it, "#12 Repair service for worn boots", linking to its page.
import { followLink } from '../../router.ts';
import type { IdeaChoice } from '../../feedback/board-api.ts';

/** `#12 Repair service…`; an idea beyond the list loaded (or merged away) links by its id. */
export function IdeaLink({ ideaId, ideas }: { ideaId: string; ideas: readonly IdeaChoice[] }) {
  const idea = ideas.find((candidate) => candidate.id === ideaId);
  const href = `/ideas/${idea ? idea.number : encodeURIComponent(ideaId)}`;
  return (
    <a href={href} onClick={(event) => followLink(event, href)}>
      {idea ? ideaName(idea) : 'an idea'}
    </a>
  );
}

export const ideaName = (idea: Pick<IdeaChoice, 'number' | 'title'>) => `#${idea.number} ${idea.title}`;
