// Reads what an agent typed into the case search box: a case number (`#10134`, the reference the
// thank-you page gives), an order id, and words for the full-text index (src/cases/search-store.ts).
// Pure: no I/O.

export interface CaseSearch {
  /** `#10134` or `10134`: that case first. */
  number: number | null;
  /** A single word with a digit in it may be an order id (`A-1001`, `#1001`): exact matches, as typed and without `#`. */
  orderRefs: string[];
  /** An FTS5 query (every word a prefix, each group of words a phrase), or null when nothing is left to match. */
  match: string | null;
}

const MAX_CHUNKS = 8;

/**
 * German spellings without umlauts, both ways: "Müller" also looks for "mueller", "mueller" also for
 * "muller" (which the index's remove_diacritics reads as "müller"), "strasse" also for "straße". Only
 * whole-query variants, ORed: a rare false friend ("queue" → "quu") costs nothing, a miss costs the search.
 */
export function spellingVariants(phrase: string): string[] {
  const lower = phrase.toLowerCase();
  const folded = lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  const unfolded = lower.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u').replace(/ss/g, 'ß');
  return [...new Set([lower, folded, unfolded])];
}

/** Words as the index's tokenizer (unicode61) sees them: letters and digits; the rest separates. */
function wordsOf(chunk: string): string[] {
  return chunk.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function parseCaseSearch(raw: string): CaseSearch {
  const text = raw.normalize('NFC').trim();
  const numberMatch = /^#?(\d{1,15})$/.exec(text);
  const number = numberMatch ? Number(numberMatch[1]) : null;
  const orderRefs =
    /^\S+$/.test(text) && /\d/.test(text) && text.length <= 100 ? [...new Set([text, text.replace(/^#/, '')])] : [];
  const groups = text
    .split(/\s+/)
    .map(wordsOf)
    .filter((words) => words.length > 0)
    .slice(0, MAX_CHUNKS)
    .map((words) => {
      // Words typed together (`example.com`, `jane@`) stay together, and the last may be unfinished.
      const variants = spellingVariants(words.join(' ')).map((phrase) => `"${phrase}"*`);
      return variants.length === 1 ? variants[0]! : `(${variants.join(' OR ')})`;
    });
  return { number, orderRefs, match: groups.length ? groups.join(' AND ') : null };
}
