// Use cases for advisory boards: members by hand and by a flag they hold, sessions, and the input members give,
// which joins the giver's timeline (read by listening) and can be linked to an idea, where she then counts as a
// requester in her own words.
import type { Db } from '../store/db.ts';
import type { Actor } from '../shared/actor.ts';
import { newId } from '../shared/ids.ts';
import { canonicalCustomer, customerLabel, customerLabelFactsOf } from '../customers/index.ts';
import { holdersOf } from '../flags/index.ts';
import { recordStaffInteraction } from '../cases/index.ts';
import { feedbackErrors } from './errors.ts';
import { addRequester, requireIdea } from './idea-service.ts';
import * as store from './board-store.ts';

const MOST_MEMBERS_SHOWN = 1000;

function invalid(field: string, reason: string): never {
  throw feedbackErrors.error('invalid_board', reason, { errors: [{ field, reason }] });
}

const staffOf = (actor: Actor) => (actor.kind === 'staff' ? actor.id : null);

export async function requireBoard(db: Db, id: string): Promise<store.Board> {
  const board = await store.findBoard(db, id);
  if (!board) throw feedbackErrors.error('not_found', `No advisory board ${id}`);
  return board;
}

async function requireCustomer(db: Db, customerId: string, field: string): Promise<string> {
  const customer = await canonicalCustomer(db, customerId);
  if (!customer || customer.erased_at !== null) invalid(field, `No customer ${customerId}`);
  return customer.id;
}

export async function createBoard(
  db: Db,
  fields: { name: string; description?: string; memberFlag?: string | null },
  actor: Actor,
): Promise<store.Board> {
  const board = {
    id: newId('board'),
    name: fields.name,
    description: fields.description ?? '',
    memberFlag: fields.memberFlag ?? null,
    createdAt: Date.now(),
  };
  await store.insertBoard(db, board, staffOf(actor));
  return board;
}

export async function addBoardMember(db: Db, boardId: string, customerId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await requireBoard(tx, boardId);
    await store.addMember(tx, boardId, await requireCustomer(tx, customerId, 'customerId'), Date.now(), staffOf(actor));
  });
}

export async function removeBoardMember(db: Db, boardId: string, customerId: string): Promise<void> {
  if (!(await store.removeMember(db, boardId, customerId))) {
    throw feedbackErrors.error('not_found', `Customer ${customerId} is not a member by hand of this board`);
  }
}

export async function addSession(
  db: Db,
  boardId: string,
  fields: { title: string; heldAt: number; notes?: string },
): Promise<store.Session> {
  await requireBoard(db, boardId);
  const session = { id: newId('sess'), boardId, title: fields.title, heldAt: fields.heldAt, notes: fields.notes ?? '' };
  await store.insertSession(db, session);
  return session;
}

/**
 * Input a member gave (or the board together, without a customer): on her timeline as her words, and, with an
 * idea, a request for it in those words.
 */
export async function recordInput(
  db: Db,
  boardId: string,
  fields: { customerId?: string | null; sessionId?: string | null; text: string; ideaId?: string | null },
  actor: Actor,
): Promise<store.Input> {
  const input = await db.transaction(async (tx) => {
    const board = await requireBoard(tx, boardId);
    if (fields.sessionId && !(await store.sessionsOf(tx, board.id)).some((session) => session.id === fields.sessionId))
      invalid('sessionId', `No session ${fields.sessionId} of this board`);
    if (fields.ideaId) await requireIdea(tx, fields.ideaId);
    const customerId = fields.customerId ? await requireCustomer(tx, fields.customerId, 'customerId') : null;
    const at = Date.now();
    const interactionId = customerId
      ? (
          await recordStaffInteraction(tx, {
            customerId,
            channel: 'system',
            direction: 'inbound',
            type: 'advisory_input',
            text: fields.text,
            department: 'product',
            staffId: staffOf(actor),
            properties: { boardId: board.id, board: board.name, sessionId: fields.sessionId ?? null },
            at,
          })
        ).interactionId
      : null;
    const recorded: store.Input = {
      id: newId('input'),
      boardId: board.id,
      sessionId: fields.sessionId ?? null,
      customerId,
      text: fields.text,
      at,
      interactionId,
      ideaId: null,
    };
    await store.insertInput(tx, recorded, staffOf(actor));
    return recorded;
  });
  return fields.ideaId ? linkInput(db, input.id, fields.ideaId, actor) : input;
}

/** Links an input to an idea: its giver becomes a requester in the words she gave. */
export async function linkInput(db: Db, inputId: string, ideaId: string, actor: Actor): Promise<store.Input> {
  const input = await store.findInput(db, inputId);
  if (!input) throw feedbackErrors.error('not_found', `No input ${inputId}`);
  const idea = await requireIdea(db, ideaId);
  if (input.customerId) {
    await addRequester(
      db,
      idea.id,
      {
        customerId: input.customerId,
        ...(input.interactionId !== null ? { interactionId: String(input.interactionId) } : {}),
        text: input.text,
      },
      actor,
    );
  }
  await store.linkInputToIdea(db, input.id, idea.id);
  return { ...input, ideaId: idea.id };
}

/** The board with its members (by hand, and by the flag), sessions and input, customers labelled for the role. */
export async function boardView(db: Db, id: string, canSeePii: boolean) {
  const board = await requireBoard(db, id);
  const byHand = await store.membersByHand(db, board.id);
  const byFlag = board.memberFlag ? await holdersOf(db, board.memberFlag, MOST_MEMBERS_SHOWN) : [];
  const members = new Map<string, 'hand' | 'flag'>(byHand.map((member) => [member.customerId, 'hand']));
  for (const customerId of byFlag) if (!members.has(customerId)) members.set(customerId, 'flag');
  const [sessions, inputs] = await Promise.all([store.sessionsOf(db, board.id), store.inputsOf(db, board.id)]);
  const facts = await customerLabelFactsOf(db, [
    ...members.keys(),
    ...inputs.flatMap((input) => (input.customerId ? [input.customerId] : [])),
  ]);
  const label = (customerId: string) => {
    const known = facts.get(customerId);
    return known ? customerLabel(known, canSeePii) : null;
  };
  return {
    board,
    members: [...members].map(([customerId, by]) => ({ customerId, customerLabel: label(customerId), by })),
    sessions,
    inputs: inputs.map((input) => ({
      ...input,
      customerLabel: input.customerId ? label(input.customerId) : null,
    })),
  };
}
