// The public ideas board's use cases: the public ideas and one with its comments, and what a signed-in customer does
// there (submit, vote, withdraw a vote, comment). She is found by her email, or created through the ingest pipeline
// as any customer would be, and each thing she does lands on her timeline, so it joins her one profile.
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { newId } from '../shared/ids.ts';
import { canonicalCustomer, customerIdOfIdentity, profilesOf } from '../customers/index.ts';
import { ingestEvents } from '../pipeline/index.ts';
import { feedbackErrors } from './errors.ts';
import * as ideas from './idea-store.ts';
import { firstNameOf, VOTE_TEXT, wordsOfSubmission } from './public-board-model.ts';
import * as store from './public-board-store.ts';

const IDEAS_SHOWN = 100;
const COMMENTS_SHOWN = 500;

export async function publicIdeas(db: Db, sort: 'votes' | 'newest'): Promise<store.PublicIdea[]> {
  return store.listPublicIdeas(db, sort, IDEAS_SHOWN);
}

/** What her relation to an idea is: none, a vote on the board (which she may withdraw), or a request made anyhow. */
export type HerRequest = 'none' | 'vote' | 'request';

export type BoardIdeaPage =
  | {
      state: 'shown';
      idea: ideas.IdeaRecord;
      votes: number;
      comments: Awaited<ReturnType<typeof store.commentsOf>>;
      hers: HerRequest;
    }
  | { state: 'moved'; number: number }
  | { state: 'not_found' };

/** The idea an address on the board names, as the board may show it: public, and not merged away. */
async function publicIdea(db: Db, number: number): Promise<BoardIdeaPage | { state: 'found'; idea: ideas.IdeaRecord }> {
  let idea = await ideas.findIdea(db, String(number));
  if (!idea) return { state: 'not_found' };
  const asked = idea;
  for (let hops = 0; idea?.mergedInto && hops < 32; hops++) idea = await ideas.findIdea(db, idea.mergedInto);
  if (!idea?.public || idea.mergedInto) return { state: 'not_found' };
  // A merged duplicate's page leads to the idea it lives on in.
  return idea.id === asked.id ? { state: 'found', idea } : { state: 'moved', number: idea.number };
}

async function requirePublicIdea(db: Db, number: number): Promise<ideas.IdeaRecord> {
  const found = await publicIdea(db, number);
  if (found.state !== 'found' && found.state !== 'moved') {
    throw feedbackErrors.error('not_found', `No public idea #${number}`);
  }
  return found.state === 'found' ? found.idea : (await ideas.findIdea(db, String(found.number)))!;
}

/** The customer an address belongs to today (merges followed), if any; an erased one is nobody. */
async function customerOfEmail(db: Db, email: string): Promise<{ id: string; profiles: string[] } | null> {
  const id = await customerIdOfIdentity(db, { kind: 'email', value: email });
  const customer = id === null ? undefined : await canonicalCustomer(db, id);
  if (!customer || customer.erased_at !== null) return null;
  return { id: customer.id, profiles: await profilesOf(db, customer.id) };
}

async function herRequest(db: Db, ideaId: string, email: string | null): Promise<HerRequest> {
  const customer = email ? await customerOfEmail(db, email) : null;
  const request = customer ? await store.requestOf(db, ideaId, customer.profiles) : undefined;
  if (!request) return 'none';
  return request.text === VOTE_TEXT ? 'vote' : 'request';
}

/** One public idea with its votes and comments; `email` (signed in) adds whether she asked for it. */
export async function boardIdea(db: Db, number: number, email: string | null): Promise<BoardIdeaPage> {
  const found = await publicIdea(db, number);
  if (found.state !== 'found') return found;
  const { idea } = found;
  return {
    state: 'shown',
    idea,
    votes: await store.votesOf(db, idea.id),
    comments: await store.commentsOf(db, idea.id, COMMENTS_SHOWN),
    hers: await herRequest(db, idea.id, email),
  };
}

/**
 * What she did, on her timeline, through the ingest pipeline: by her address she is found, or created as any new
 * customer would be. The customer and the interaction it landed as.
 */
async function recordOnTimeline(
  tx: Db,
  email: string,
  activity: { type: string; text: string | null; idea: ideas.IdeaRecord; at: number },
  actor: Actor,
): Promise<{ customerId: string; interactionId: number }> {
  const report = await ingestEvents(
    tx,
    [
      {
        source: 'public_board',
        sourceId: newId(activity.type),
        identities: [{ kind: 'email', value: email }],
        occurredAt: activity.at,
        channel: 'web',
        direction: 'inbound',
        type: activity.type,
        event: null,
        department: 'product',
        actor: 'customer',
        text: activity.text,
        properties: { ideaId: activity.idea.id, ideaNumber: activity.idea.number, idea: activity.idea.title },
        context: null,
      },
    ],
    { onEventError: 'all-or-nothing', actor },
  );
  const [result] = report.results;
  return { customerId: result!.customerId!, interactionId: Number(result!.interactionId) };
}

/** A new idea from the board: public at once, with her as its requester in her words. */
export async function submitIdea(
  db: Db,
  email: string,
  fields: { title: string; body: string },
  actor: Actor,
): Promise<ideas.IdeaRecord> {
  return db.transaction(async (tx) => {
    const now = Date.now();
    const idea = await ideas.insertIdea(tx, {
      id: newId('idea'),
      title: fields.title,
      body: fields.body,
      status: 'new',
      statusReason: null,
      mergedInto: null,
      public: true,
      createdAt: now,
      createdBy: null,
      updatedAt: now,
    });
    const text = wordsOfSubmission(fields.title, fields.body);
    const her = await recordOnTimeline(tx, email, { type: 'idea_submitted', text, idea, at: now }, actor);
    await ideas.upsertRequester(tx, idea.id, { ...her, text, addedAt: now }, null);
    await ideas.recordIdeaEvent(tx, idea.id, now, actor, {
      created: { title: idea.title, requester: her.customerId, via: 'public_board' },
    });
    return idea;
  });
}

/** Makes her a requester "by vote"; she asked already (by vote or otherwise): nothing changes. */
export async function voteFor(db: Db, email: string, number: number, actor: Actor): Promise<ideas.IdeaRecord> {
  return db.transaction(async (tx) => {
    const idea = await requirePublicIdea(tx, number);
    if ((await herRequest(tx, idea.id, email)) !== 'none') return idea;
    const now = Date.now();
    const her = await recordOnTimeline(tx, email, { type: 'idea_vote', text: null, idea, at: now }, actor);
    if (await ideas.upsertRequester(tx, idea.id, { ...her, text: VOTE_TEXT, addedAt: now }, null)) {
      await ideas.recordIdeaEvent(tx, idea.id, now, actor, { requesterAdded: her.customerId, via: 'public_board' });
      await ideas.updateIdea(tx, idea.id, {}, now);
    }
    return idea;
  });
}

/**
 * Withdraws her vote: only a request that was a vote on the board and nothing more. A request she made elsewhere (a
 * mail, a call, her own words) stays: the board cannot take back what she told someone. The outcome says which.
 */
export async function withdrawVote(
  db: Db,
  email: string,
  number: number,
  actor: Actor,
): Promise<{ idea: ideas.IdeaRecord; outcome: 'withdrawn' | 'kept' | 'none' }> {
  return db.transaction(async (tx) => {
    const idea = await requirePublicIdea(tx, number);
    const customer = await customerOfEmail(tx, email);
    if (!customer) return { idea, outcome: 'none' };
    if (await store.deleteRequestWorded(tx, idea.id, customer.profiles, VOTE_TEXT)) {
      const now = Date.now();
      await ideas.recordIdeaEvent(tx, idea.id, now, actor, { requesterRemoved: customer.id, via: 'public_board' });
      await ideas.updateIdea(tx, idea.id, {}, now);
      return { idea, outcome: 'withdrawn' };
    }
    return { idea, outcome: (await store.requestOf(tx, idea.id, customer.profiles)) ? 'kept' : 'none' };
  });
}

/** A public comment, shown with her first name; her words are her request too if she had not asked yet. */
export async function commentOn(
  db: Db,
  email: string,
  number: number,
  text: string,
  actor: Actor,
): Promise<ideas.IdeaRecord> {
  return db.transaction(async (tx) => {
    const idea = await requirePublicIdea(tx, number);
    const now = Date.now();
    const asked = (await herRequest(tx, idea.id, email)) !== 'none';
    const her = await recordOnTimeline(tx, email, { type: 'idea_comment', text, idea, at: now }, actor);
    const customer = await canonicalCustomer(tx, her.customerId);
    await store.insertComment(tx, {
      id: newId('icom'),
      ideaId: idea.id,
      customerId: her.customerId,
      firstName: firstNameOf(customer?.name),
      text,
      at: now,
      interactionId: her.interactionId,
    });
    if (!asked && (await ideas.upsertRequester(tx, idea.id, { ...her, text, addedAt: now }, null))) {
      await ideas.recordIdeaEvent(tx, idea.id, now, actor, { requesterAdded: her.customerId, via: 'public_board' });
    }
    await ideas.updateIdea(tx, idea.id, {}, now);
    return idea;
  });
}
