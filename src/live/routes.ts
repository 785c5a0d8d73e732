// HTTP for live updates: a server-sent event stream of case changes (every case for the inbox, or one
// case with who else is on it) and the presence heartbeat a case page sends.
import { z } from 'zod';
import { defineRoute } from '../http/route.ts';
import { RapportError } from '../http/errors.ts';
import { authenticate } from '../http/auth.ts';
import { PRESENCE_STATES, RECONNECT_AFTER_MS, parseLastEventId } from './model.ts';
import { liveHubOf, type LiveStream } from './service.ts';
import { caseExists } from './store.ts';
import { PresenceSchema } from './responses.ts';
import { eventStream } from '../http/openapi.ts';

async function assertCase(db: Parameters<typeof caseExists>[0], caseId: string): Promise<void> {
  if (!(await caseExists(db, caseId))) throw new RapportError('case_not_found', `No case with id ${caseId}`, 404);
}

export const liveRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/live',
    summary:
      'Server-sent events: `case.changed {id, number}` whenever a case, its messages or history change (all cases, or one with caseId), ' +
      'and `presence {caseId, people}` for that case. Send Last-Event-ID to hear what was missed.',
    tags: ['live'],
    response: eventStream,
    auth: 'cases:read',
    query: z.object({ caseId: z.string().min(1).max(100).optional() }).strict(),
    handler: async ({ query, ctx, request, reply }) => {
      const caseId = query.caseId ?? null;
      if (caseId) await assertCase(ctx.db, caseId);
      const hub = liveHubOf(ctx.db);
      const staffId = ctx.staff!.id;
      hub.assertRoomFor(staffId);
      // From here on the stream is ours to write: Fastify neither serialises nor ends this reply.
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx and friends would otherwise hold events back in their buffers.
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: ${RECONNECT_AFTER_MS}\n\n`);
      // A browser gone between two events: its socket may be closed before 'close' reaches us.
      const writable = () => !raw.writableEnded && !raw.destroyed;
      const stream: LiveStream = {
        staffId,
        caseId,
        write: (chunk) => void (writable() && raw.write(chunk)),
        end: () => void (writable() && raw.end()),
        // The same credentials as when it opened: a session that ended, a revoked token, a disabled
        // account or a role without cases:read ends the stream too.
        stillAllowed: () =>
          authenticate(ctx, request, reply, 'cases:read').then(
            () => true,
            () => false,
          ),
      };
      raw.on('close', () => hub.remove(stream));
      raw.on('error', () => hub.remove(stream));
      try {
        await hub.open(stream, parseLastEventId(request.headers['last-event-id']));
      } catch (error) {
        request.log.warn({ err: error }, 'live stream could not start');
        hub.remove(stream);
        raw.end();
      }
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/cases/:id/presence',
    summary: 'Says you are viewing or replying to a case (send every ~10 s; it lapses after 30 s), or that you left it',
    tags: ['live'],
    response: PresenceSchema,
    auth: 'cases:read',
    params: z.object({ id: z.string().min(1).max(100) }),
    body: z.object({ state: z.enum([...PRESENCE_STATES, 'left']) }).strict(),
    handler: async ({ params, body, ctx }) => {
      await assertCase(ctx.db, params.id);
      if (body.state === 'replying' && !ctx.can('cases:write')) {
        throw new RapportError('forbidden', 'Your role may not reply to customers, so it cannot be replying', 403);
      }
      const staff = ctx.staff!;
      return { people: liveHubOf(ctx.db).markPresence(params.id, staff.id, staff.name, body.state) };
    },
  }),
];
