// Where customers reach this server, for links staff hand them (a survey link in a reply, a link to send).
import type { FastifyRequest } from 'fastify';

/** The configured public address, else the address this staff request came to. */
export function publicOrigin(configured: string | undefined, request: FastifyRequest): string {
  return configured ?? `${request.protocol}://${request.host}`;
}
