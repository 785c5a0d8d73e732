// An inbound email message as an ingest edge hands it to the pipeline: the event tests build on, with what a
// test cares about given and the rest plain.
import type { IncomingEvent } from '../../src/interactions/index.ts';

export function inboundMessage(
  email: string,
  sourceId: string,
  occurredAt: number,
  extra: Partial<IncomingEvent> = {},
): IncomingEvent {
  return {
    source: 'test',
    sourceId,
    identities: [{ kind: 'email', value: email }],
    occurredAt,
    channel: 'email',
    direction: 'inbound',
    type: 'message',
    event: null,
    department: null,
    actor: 'customer',
    text: 'Hello',
    properties: {},
    context: null,
    ...extra,
  };
}
