// Query-string shapes of the queue filters: comma lists (`priority=high,urgent`), checked against the
// values a case can have where there is a closed set.
import { z } from 'zod';

/** `a,b,c` → ['a', 'b', 'c'], each one of `allowed`. */
export function commaListOf<T extends string>(allowed: readonly T[], what: string) {
  return z
    .string()
    .max(500)
    .transform((value, ctx) => {
      const items = [
        ...new Set(
          value
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean),
        ),
      ];
      const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
      if (unknown.length)
        ctx.addIssue({
          code: 'custom',
          message: `Unknown ${what} ${unknown.join(', ')}; one of ${allowed.join(', ')}`,
        });
      return items as T[];
    });
}

/** Free values (reasons, tags): at most 20, each 1–100 characters. */
export const commaList = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    const items = [
      ...new Set(
        value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      ),
    ];
    if (items.length > 20) ctx.addIssue({ code: 'custom', message: 'At most 20 values' });
    if (items.some((item) => item.length > 100))
      ctx.addIssue({ code: 'custom', message: 'Each value at most 100 characters' });
    return items;
  });
