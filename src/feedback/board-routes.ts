// HTTP routes for advisory boards: managers form them (by hand or by a flag), anyone who works with customers
// records sessions and input and links input to ideas; everyone who reads customers reads them.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { noContent } from '../http/openapi.ts';
import { recordView } from '../audit/index.ts';
import { auditActor } from '../shared/actor.ts';
import {
  addBoardMember,
  addSession,
  boardView,
  createBoard,
  linkInput,
  recordInput,
  removeBoardMember,
} from './board-service.ts';
import { listBoards } from './board-store.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const idParams = z.object({ id: z.string().min(1).max(100) });

const BoardSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  memberFlag: z.string().nullable().meta({ description: 'Every customer holding this flag is a member too' }),
  createdAt: z.string(),
});
const SessionSchema = z.strictObject({
  id: z.string(),
  boardId: z.string(),
  title: z.string(),
  heldAt: z.string(),
  notes: z.string(),
});
const InputSchema = z.strictObject({
  id: z.string(),
  boardId: z.string(),
  sessionId: z.string().nullable(),
  customerId: z.string().nullable(),
  customerLabel: z.string().nullable(),
  text: z.string(),
  at: z.string(),
  interactionId: z.string().nullable(),
  ideaId: z.string().nullable(),
});
export const AdvisoryBoardSchema = BoardSchema.extend({
  members: z.array(
    z.strictObject({ customerId: z.string(), customerLabel: z.string().nullable(), by: z.enum(['hand', 'flag']) }),
  ),
  sessions: z.array(SessionSchema),
  inputs: z.array(InputSchema),
}).meta({ id: 'AdvisoryBoard' });
const BoardListSchema = z
  .strictObject({ items: z.array(BoardSchema.extend({ members: z.number(), inputs: z.number() })) })
  .meta({ id: 'AdvisoryBoardList' });

type View = Awaited<ReturnType<typeof boardView>>;
const toView = (view: View) => ({
  ...view.board,
  createdAt: iso(view.board.createdAt),
  members: view.members,
  sessions: view.sessions.map((session) => ({ ...session, heldAt: iso(session.heldAt) })),
  inputs: view.inputs.map((input) => ({
    ...input,
    at: iso(input.at),
    interactionId: input.interactionId === null ? null : String(input.interactionId),
  })),
});

export const boardRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/advisory-boards',
    summary: 'Advisory boards, with how many members by hand and how much input',
    tags: ['feedback'],
    response: BoardListSchema,
    auth: 'customers:read',
    handler: async ({ ctx }) => ({
      items: (await listBoards(ctx.db)).map((board) => ({ ...board, createdAt: iso(board.createdAt) })),
    }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/advisory-boards/:id',
    summary: 'One board: its members (by hand and by its flag), sessions and input',
    tags: ['feedback'],
    response: AdvisoryBoardSchema,
    auth: 'customers:read',
    params: idParams,
    handler: async ({ params, ctx }) => {
      const view = await boardView(ctx.db, params.id, ctx.can('customers:pii'));
      for (const customerId of new Set(view.inputs.flatMap((input) => (input.customerId ? [input.customerId] : [])))) {
        await recordView(ctx.db, {
          ...auditActor(ctx.actor),
          action: 'advisory_board.viewed',
          customerId,
          detail: { boardId: view.board.id },
        });
      }
      return toView(view);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/advisory-boards',
    summary: 'Form an advisory board: named, with members by hand and, optionally, every holder of a flag (vip)',
    tags: ['feedback'],
    response: BoardSchema,
    auth: 'settings:manage',
    audit: 'advisory_board.created',
    status: 201,
    body: z.strictObject({
      name: z.string().trim().min(1).max(200),
      description: z.string().trim().max(5000).optional(),
      memberFlag: z.string().trim().toLowerCase().min(1).max(50).nullable().optional(),
    }),
    handler: async ({ body, ctx }) => {
      const board = await createBoard(ctx.db, body, ctx.actor);
      return { ...board, createdAt: iso(board.createdAt) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/advisory-boards/:id/members',
    summary: 'Add a customer to the board by hand',
    tags: ['feedback'],
    response: noContent,
    auth: 'settings:manage',
    audit: 'advisory_board.member_added',
    params: idParams,
    body: z.strictObject({ customerId: z.string().min(1).max(100) }),
    handler: async ({ params, body, ctx }) => addBoardMember(ctx.db, params.id, body.customerId, ctx.actor),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/advisory-boards/:id/members/:customerId',
    summary: 'Remove a member added by hand',
    tags: ['feedback'],
    response: noContent,
    auth: 'settings:manage',
    audit: 'advisory_board.member_removed',
    params: z.object({ id: z.string().min(1).max(100), customerId: z.string().min(1).max(100) }),
    handler: async ({ params, ctx }) => removeBoardMember(ctx.db, params.id, params.customerId),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/advisory-boards/:id/sessions',
    summary: 'Record a session of the board',
    tags: ['feedback'],
    response: SessionSchema,
    auth: 'cases:write',
    status: 201,
    params: idParams,
    body: z.strictObject({
      title: z.string().trim().min(1).max(200),
      heldAt: z.iso.datetime({ offset: true }).or(z.iso.date()),
      notes: z.string().trim().max(20_000).optional(),
    }),
    handler: async ({ params, body, ctx }) => {
      const session = await addSession(ctx.db, params.id, { ...body, heldAt: Date.parse(body.heldAt) });
      return { ...session, heldAt: iso(session.heldAt) };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/advisory-boards/:id/inputs',
    summary:
      'Record input a member gave (or the board together, without customerId): on her timeline in her words; with ' +
      'ideaId, she becomes a requester of that idea in those words',
    tags: ['feedback'],
    response: InputSchema,
    auth: 'cases:write',
    audit: 'advisory_board.input_recorded',
    status: 201,
    params: idParams,
    body: z.strictObject({
      customerId: z.string().min(1).max(100).nullable().optional(),
      sessionId: z.string().min(1).max(100).nullable().optional(),
      text: z.string().trim().min(1).max(10_000),
      ideaId: z.string().min(1).max(100).nullable().optional(),
    }),
    handler: async ({ params, body, ctx }) => inputView(await recordInput(ctx.db, params.id, body, ctx.actor)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/advisory-boards/:id/inputs/:inputId/idea',
    summary: 'Link an input to an idea: its giver becomes a requester in her words',
    tags: ['feedback'],
    response: InputSchema,
    auth: 'cases:write',
    params: z.object({ id: z.string().min(1).max(100), inputId: z.string().min(1).max(100) }),
    body: z.strictObject({ ideaId: z.string().min(1).max(100) }),
    handler: async ({ params, body, ctx }) =>
      inputView(await linkInput(ctx.db, params.inputId, body.ideaId, ctx.actor)),
  }),
];

function inputView(input: Awaited<ReturnType<typeof linkInput>>) {
  return {
    ...input,
    customerLabel: null,
    at: iso(input.at),
    interactionId: input.interactionId === null ? null : String(input.interactionId),
  };
}
