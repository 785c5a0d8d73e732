// The telephony webhook: a finished call lands on the caller's timeline and opens or joins a case.
import { defineRoute } from '../../http/route.ts';
import { RapportError } from '../../http/errors.ts';
import { receiveMessage } from '../../cases/index.ts';
import { recordCallAnswered } from '../../cases/index.ts';
import { callEventSchema, callToMessage } from './call.ts';
import { ReceivedMessageSchema } from '../responses.ts';

export const phoneRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/channels/phone/events',
    summary:
      'A call event from a telephony system (caller, IVR path, wait, transfers, duration, outcome); Bearer token or write key',
    tags: ['channels'],
    response: ReceivedMessageSchema,
    responses: { 200: ReceivedMessageSchema },
    auth: ['write-key', 'interactions:write'],
    status: 201,
    bodyLimit: 64 * 1024,
    body: callEventSchema,
    handler: async ({ body, ctx, setStatus }) => {
      const message = callToMessage(body, ctx.config.defaultCountry);
      if ('error' in message)
        throw new RapportError('invalid_input', message.error, 400, [
          { field: 'from', reason: message.error.replace(/^from: /, '') },
        ]);
      const received = await receiveMessage(ctx.db, message, ctx.actor);
      if (received.outcome !== 'duplicate' && (body.outcome === 'answered' || body.outcome === 'resolved')) {
        await recordCallAnswered(
          ctx.db,
          received.caseId,
          {
            at: body.answeredAt ?? body.startedAt + body.waitSeconds * 1000,
            agentEmail: body.agentEmail ?? null,
            resolved: body.outcome === 'resolved',
          },
          ctx.actor,
        );
      }
      setStatus(received.outcome === 'duplicate' ? 200 : 201);
      return received;
    },
  }),
];
