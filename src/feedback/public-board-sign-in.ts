// Signing in to the public ideas board by a link sent to her email: the link works once, within 30 minutes, and
// opens a session of 30 days. Only the SHA-256 of each secret is kept; whether an address is known is never told.
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/db.ts';
import type { Mailer, PlainMail } from '../shared/mail.ts';
import { hashSecret, newSecret } from '../shared/ids.ts';
import { SESSION_MS, SIGN_IN_LINK_MS } from './public-board-model.ts';
import * as store from './public-board-store.ts';

/** A one-time sign-in link's secret for `email` (already normalised), valid for 30 minutes from `now`. */
export async function mintSignInToken(db: Db, email: string, now = Date.now()): Promise<string> {
  const token = newSecret('bsi');
  await db.transaction(async (tx) => {
    await store.deleteExpiredSecrets(tx, Date.now());
    await store.insertSecret(tx, hashSecret(token), {
      kind: 'sign_in',
      email,
      createdAt: now,
      expiresAt: now + SIGN_IN_LINK_MS,
    });
  });
  return token;
}

export function signInLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/board/auth/${encodeURIComponent(token)}`;
}

export function signInMail(company: string, to: string, link: string): PlainMail {
  return {
    to: { address: to, name: null },
    subject: `${company}: your link to sign in to the ideas board`,
    text: [
      'Hello,',
      '',
      `Open this link to sign in to the ${company} ideas board:`,
      link,
      '',
      'It works once, within 30 minutes. If you did not ask for it, ignore this email: nothing happens without it.',
      '',
      company,
    ].join('\n'),
  };
}

/** Mints a link and mails it; the caller answers the same whether the address is a customer's or not. */
export async function sendSignInLink(
  db: Db,
  mailer: Mailer,
  email: string,
  options: { company: string; publicUrl: string },
): Promise<void> {
  const token = await mintSignInToken(db, email);
  await mailer.sendMail(signInMail(options.company, email, signInLink(options.publicUrl, token)));
}

/** Uses a sign-in link once: a new session's secret for its address, or null for a link used, expired or unknown. */
export async function exchangeSignInToken(
  db: Db,
  token: string,
  now = Date.now(),
): Promise<{ session: string; email: string } | null> {
  return db.transaction(async (tx) => {
    const email = await store.useSignInSecret(tx, hashSecret(token), now);
    if (!email) return null;
    const session = newSecret('bss');
    await store.insertSecret(tx, hashSecret(session), {
      kind: 'session',
      email,
      createdAt: now,
      expiresAt: now + SESSION_MS,
    });
    return { session, email };
  });
}

/** Who a session cookie signs in: her address, while the session lasts. */
export async function sessionEmail(db: Db, session: string, now = Date.now()): Promise<string | null> {
  const found = await store.findSecret(db, hashSecret(session), 'session');
  return found && found.expiresAt > now ? found.email : null;
}

export async function endSession(db: Db, session: string): Promise<void> {
  await store.deleteSecret(db, hashSecret(session));
}

/**
 * The form token of a session: each board form carries it, and a write without it is refused, so another site
 * cannot post a form in her name even where the browser sends the cookie along. Derived, so nothing more is stored.
 */
export function formTokenOf(session: string): string {
  return hashSecret(`board-form:${session}`).slice(0, 32);
}

export function isFormTokenOf(session: string, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(formTokenOf(session));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
