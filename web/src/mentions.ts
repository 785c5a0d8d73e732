// @mentions in internal notes, as the server reads them: `@jane` (the part of a colleague's email
// before the @) or `@jane@example.com`. The UI marks the notes and the words that mention you.
import type { CaseDetail } from './api/types.ts';

// The server's own pattern (src/cases/replies.ts): not after a word or a dot, so emails are not mentions.
const MENTION = /(?<![\w.])@([a-z0-9._+-]+(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)/gi;

export type NoteSegment = { text: string; mention: null } | { text: string; mention: 'me' | 'colleague' };

/** Splits a note into plain text and mentions, each mention marked as of `myEmail` or of someone else. */
export function splitMentions(text: string, myEmail: string): NoteSegment[] {
  const segments: NoteSegment[] = [];
  let from = 0;
  for (const match of text.matchAll(MENTION)) {
    const start = match.index;
    if (start > from) segments.push({ text: text.slice(from, start), mention: null });
    // A sentence may end right after the name: "thanks @jane." mentions jane.
    const handle = match[1]!.replace(/\.$/, '');
    const end = start + 1 + handle.length;
    segments.push({ text: text.slice(start, end), mention: isMine(handle, myEmail) ? 'me' : 'colleague' });
    from = end;
  }
  if (from < text.length) segments.push({ text: text.slice(from), mention: null });
  return segments;
}

function isMine(handle: string, myEmail: string): boolean {
  const email = myEmail.toLowerCase();
  const lower = handle.toLowerCase();
  return lower.includes('@') ? lower === email : lower === email.slice(0, email.indexOf('@'));
}

/**
 * The notes on a case that mention this staff member. The server records whom each note mentioned
 * in the case history (`{ note: { messageId, mentioned } }`), so this is exact, not a guess from the text.
 */
export function notesMentioning(history: CaseDetail['history'], staffId: string): Set<number> {
  const ids = new Set<number>();
  for (const entry of history) {
    const note = entry.change.note as { messageId?: unknown; mentioned?: unknown } | undefined;
    if (typeof note?.messageId === 'number' && Array.isArray(note.mentioned) && note.mentioned.includes(staffId))
      ids.add(note.messageId);
  }
  return ids;
}
