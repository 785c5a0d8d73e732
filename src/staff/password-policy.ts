// The one password rule, used by the API, the CLI, the first admin and (as text) the UI: 12 to 1024
// characters, and not easy to guess by zxcvbn-ts with its offline list of common passwords and words.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
/** zxcvbn's score 3 ("safely unguessable": about 10^8 guesses or more), what OWASP suggests as a floor. */
const MIN_SCORE = 3;

/** What the sign-up forms say before anyone types. */
export const PASSWORD_RULE = `At least ${PASSWORD_MIN_LENGTH} characters, and not a common password: a phrase of a few unrelated words works well.`;

// Built on first use (about 90 ms to load the dictionaries), then about 1–20 ms a check.
let checker: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // Only the first 100 characters are judged: matching grows quickly with length, and a strong start is a strong password.
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: 100 });
  return checker;
}

/**
 * Why a password is refused, in words for the person choosing it, or null when it is fine.
 * @example passwordProblem('password1234') // → 'is too easy to guess: it is built from "password", "1234". …'
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length; // characters as people count them, not UTF-16 units
  if (length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters (it has ${length}); a phrase of a few unrelated words is easy to remember`;
  }
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const result = zxcvbn().check(password);
  if (result.score >= MIN_SCORE) return null;
  const guessable = result.sequence
    .filter((part) => part.pattern !== 'bruteforce' && part.pattern !== 'separator')
    .map((part) => `"${part.token.length > 20 ? `${part.token.slice(0, 20)}…` : part.token}"`);
  const why = guessable.length ? `: it is built from ${[...new Set(guessable)].slice(0, 5).join(', ')}` : '';
  return `is too easy to guess${why}. Choose one that is not a common password, e.g. a phrase of a few unrelated words`;
}

/** The policy as a zod field, for every route that takes a new password: `password: newPassword`. */
export const newPassword = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
