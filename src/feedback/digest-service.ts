// Feedback digests and the feed: each subscribed staff member is mailed what came in over her period (daily or
// weekly) once it has run; an empty period sends nothing but still counts as sent. The feed is the same feedback
// in the UI, newest first.
import type { Db } from '../store/db.ts';
import type { Mailer } from '../shared/mail.ts';
import { customerLabel, customerLabelFactsOf } from '../customers/index.ts';
import { type DigestFacts, digestMail, isEmptyDigest } from './digest.ts';
import { rankedIdeas } from './idea-service.ts';
import * as feed from './feed-store.ts';

const TOP = 5;

/** What a digest of the period says; staff see customers as labels with personal data (they are staff). */
export async function digestFacts(
  db: Db,
  period: { from: number; to: number; frequency: 'daily' | 'weekly' },
  options: { company: string; appUrl: string },
): Promise<DigestFacts> {
  const counts = await feed.feedbackCountsBetween(db, period.from, period.to);
  const comments = await feed.lowScoreCommentsBetween(db, period.from, period.to, TOP);
  const labels = await customerLabelFactsOf(
    db,
    comments.map((comment) => comment.customerId),
  );
  // One ranking read (the hundred most asked for, each valued once) gives both lists.
  const ranked = await rankedIdeas(db, { sort: 'value', limit: 100 });
  const byValue = ranked.slice(0, TOP);
  const byDemand = [...ranked].sort((a, b) => b.requesters - a.requesters).slice(0, TOP);
  return {
    company: options.company,
    appUrl: options.appUrl,
    ...period,
    ...counts,
    topByDemand: byDemand
      .filter((idea) => idea.requesters > 0)
      .map((idea) => ({ number: idea.number, title: idea.title, requesters: idea.requesters })),
    topByValue: byValue
      .filter((idea) => idea.value.amount > 0)
      .map((idea) => ({
        number: idea.number,
        title: idea.title,
        value: idea.value.amount,
        currency: idea.value.currency,
      })),
    detractorComments: comments.map((comment) => {
      const known = labels.get(comment.customerId);
      return {
        survey: comment.survey,
        score: comment.score,
        comment: comment.comment,
        customer: known ? customerLabel(known, true) : null,
      };
    }),
  };
}

/** Mails every digest whose period has run. Without a mail server nothing is sent and nothing marked. */
export async function sendDueDigests(
  db: Db,
  mailer: Mailer | undefined,
  options: { company: string; appUrl: string },
  now = Date.now(),
): Promise<number> {
  if (!mailer) return 0;
  let sent = 0;
  for (const subscription of await feed.dueSubscriptions(db, now)) {
    const facts = await digestFacts(
      db,
      { from: subscription.lastSentAt, to: now, frequency: subscription.frequency },
      options,
    );
    if (!isEmptyDigest(facts)) {
      await mailer.sendMail(digestMail(facts, { address: subscription.email, name: subscription.name }));
      sent++;
    }
    await feed.markDigestSent(db, subscription.staffId, now);
  }
  return sent;
}

/**
 * The page of the feed before `before`, newest first, customers labelled for the reader's role, and where the next
 * page begins (null at the end). `before` is exclusive, so a page never ends part-way through a moment (an input
 * and the idea request it makes often share a millisecond): the items tied with the page's last are left to the next.
 */
export async function feedbackFeed(db: Db, before: number, limit: number, canSeePii: boolean) {
  const rows = await feed.feedBefore(db, before, limit + 1);
  let page = rows.slice(0, limit);
  let nextBefore: number | null = null;
  if (rows.length > limit) {
    const last = page.at(-1)!.at;
    const untied = rows[limit]!.at < last ? page : page.filter((row) => row.at > last);
    // More than a page in one millisecond cannot be split by time: the page is then as asked.
    if (untied.length === page.length || untied.length === 0) nextBefore = last;
    else [page, nextBefore] = [untied, last + 1];
  }
  const labels = await customerLabelFactsOf(
    db,
    page.flatMap((row) => (row.customerId ? [row.customerId] : [])),
  );
  return {
    items: page.map((row) => {
      const known = row.customerId ? labels.get(row.customerId) : undefined;
      return { ...row, customerLabel: known ? customerLabel(known, canSeePii) : null };
    }),
    nextBefore,
  };
}
