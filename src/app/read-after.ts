// Read your own writes: an ingest answer carries the log position of what it accepted, and any GET may ask to
// see the database as of that position with `?after=POSITION`. The read waits, at most two seconds, for the
// projector to pass it, then answers either way; `Rapport-Projected-Through` says how far the answer reflects.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ProjectionControl } from '../pipeline/index.ts';
import { invalidField } from '../shared/errors.ts';

const MAX_WAIT_MS = 2000;

export function registerReadAfter(app: FastifyInstance, projector: ProjectionControl): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    if (request.method !== 'GET') return;
    const query = request.query as Record<string, unknown> | undefined;
    if (!query || !('after' in query)) return;
    const raw = query.after;
    // Not the route's own parameter: taken out before the route reads its query.
    delete query.after;
    if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
      throw invalidField('after', 'a log position: the whole number an ingest answer gave');
    }
    await projector.waitFor(Number(raw), MAX_WAIT_MS);
    reply.header('rapport-projected-through', String(projector.position()));
  });
}

/** `after` as the API document states it on every GET, so the generated client knows it too. */
export function readAfterParameters(method: string): ReadonlyArray<Record<string, unknown>> {
  if (method !== 'GET') return [];
  return [
    {
      name: 'after',
      in: 'query',
      required: false,
      description:
        'A log position an ingest answer gave: the answer waits (at most 2 s) until the customer view reflects it; ' +
        'the Rapport-Projected-Through header says how far it does',
      schema: { type: 'integer', minimum: 0 },
    },
  ];
}
