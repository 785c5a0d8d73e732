// How a reply to a requester went, in words: on her case (with its number, linked), emailed, or recorded by hand.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { casePath } from '../cases.ts';
import { viaText } from '../ideas.ts';
import type { IdeaReply } from '../ideas-api.ts';
import { useCan } from '../permissions.ts';
import { queryKeys } from '../queries.ts';
import { followLink } from '../router.ts';

export function IdeaReplyVia({ reply }: { reply: IdeaReply }) {
  const can = useCan();
  const caseId = reply.via === 'case' ? reply.caseId : null;
  // The answer names the case by id; its number is what agents know it by.
  const onCase = useQuery({
    queryKey: queryKeys.case(caseId ?? ''),
    queryFn: ({ signal }) => api.case(caseId!, signal),
    enabled: caseId !== null && can('cases:read'),
  });
  const number = onCase.data?.number;
  if (number === undefined) return <span data-testid="reply-via">{viaText(reply)}</span>;
  const href = casePath(number);
  return (
    <a href={href} onClick={(event) => followLink(event, href)} data-testid="reply-via">
      {viaText(reply, number)}
    </a>
  );
}
