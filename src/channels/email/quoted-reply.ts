// Removes the earlier conversation a mail client quotes under a reply, so a case keeps only what
// the customer actually wrote this time. Pure text rules, no I/O.

// The attribution line a client writes above the quote ("On Tue, Jane <jane@x> wrote:"), in the
// languages our customers' clients most often use. Gmail wraps it over two lines when it is long.
const ATTRIBUTION = /^\s*(on|am|le|el|il|op)\s.*\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef).*:\s*$/i;
const ATTRIBUTION_START = /^\s*(on|am|le|el|il|op)\s/i;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine)\s*-{2,}\s*$/i;
// Outlook on the web: a rule of underscores and then the quoted message's own "From:" header.
const OUTLOOK_RULE = /^\s*_{20,}\s*$/;
const QUOTED_HEADER = /^\s*(from|von|de)\s*:/i;

/** Index of the first line of the quoted trailer, or -1 when there is none. */
function trailerStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (ATTRIBUTION.test(line) || ORIGINAL_MESSAGE.test(line)) return i;
    if (ATTRIBUTION_START.test(line) && ATTRIBUTION.test(`${line} ${next}`)) return i;
    if (OUTLOOK_RULE.test(line) && QUOTED_HEADER.test(next)) return i;
  }
  return -1;
}

/**
 * The new part of a reply: drops lines quoted with `>` and everything from an "On … wrote:" or
 * "-----Original Message-----" line onwards.
 *
 * @example stripQuotedReply('Thanks!\n\nOn Mon, Jane wrote:\n> Hello') // → 'Thanks!'
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const end = trailerStart(lines);
  const kept = (end === -1 ? lines : lines.slice(0, end)).filter((line) => !/^\s*>/.test(line));
  const stripped = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // A message that is nothing but a quote (a bare forward) would otherwise arrive empty.
  return stripped === '' ? text.trim() : stripped;
}
