// One rule for text from outside, wherever it enters (HTTP bodies, forms, queries, imported rows):
// well-formed Unicode, no NUL, and structures no deeper than MAX_NESTING_DEPTH. Pure functions, no I/O.

/** Deeper than any real event (Segment's own payloads stay under 10); deep enough to hold any of them. */
export const MAX_NESTING_DEPTH = 64;

export interface TextProblem {
  code: 'invalid_text' | 'too_deeply_nested';
  /** Where in the value: `interactions.0.text`, `(body)` for the whole. */
  field: string;
  reason: string;
}

/** Why a string cannot be stored as text, or null when it can. */
export function textProblemOf(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character (\\u0000); remove it';
  // isWellFormed: no high surrogate without its low one, and no low one alone.
  if (!value.isWellFormed())
    return 'contains a lone UTF-16 surrogate, which is not a character; send well-formed Unicode';
  return null;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes bytes as UTF-8, or returns null when they are not UTF-8 (a Latin-1 file, a binary body). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** True when no string in the structure breaks the rule and it is not too deep: the common case, kept cheap. */
function isClean(root: unknown): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (typeof value === 'string') {
      if (textProblemOf(value)) return false;
    } else if (value !== null && typeof value === 'object') {
      if (depth >= MAX_NESTING_DEPTH) return false;
      if (Array.isArray(value)) {
        for (const item of value) {
          values.push(item);
          depths.push(depth + 1);
        }
      } else {
        for (const key in value) {
          if (textProblemOf(key)) return false;
          values.push((value as Record<string, unknown>)[key]);
          depths.push(depth + 1);
        }
      }
    }
  }
  return true;
}

/**
 * The first string (value or key) in a parsed structure that breaks the text rule, or one nested
 * deeper than MAX_NESTING_DEPTH. Walks with an explicit stack, so depth cannot overflow it; paths
 * are only built once something is wrong.
 */
export function findTextProblem(root: unknown, rootField = ''): TextProblem | null {
  if (isClean(root)) return null;
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: rootField, depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    const field = path || '(body)';
    if (typeof value === 'string') {
      const reason = textProblemOf(value);
      if (reason) return { code: 'invalid_text', field, reason };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING_DEPTH)
      return {
        code: 'too_deeply_nested',
        field,
        reason: `nests arrays and objects deeper than ${MAX_NESTING_DEPTH} levels`,
      };
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value as Record<string, unknown>);
    // Pushed last to first, so the first problem in reading order is the one reported.
    for (const [key, item] of entries.reverse()) {
      const keyReason = textProblemOf(key);
      if (keyReason)
        return { code: 'invalid_text', field: path ? `${path}.${key}` : key, reason: `its name ${keyReason}` };
      stack.push({ value: item, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}
