// How request bodies become values: JSON and forms parsed under one text rule (src/shared/text.ts),
// gzip and deflate bodies inflated under the route's size limit, and nothing else accepted.
import { Transform, type Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../shared/errors.ts';
import { httpErrors } from './errors.ts';
import { decodeUtf8, findTextProblem } from '../shared/text.ts';

/**
 * Refuses a parsed body, query or path whose strings break the text rule, or that nests too deeply,
 * naming the field. Runs before any route code, some of which (hashing, traits) recurses.
 */
export function assertCleanText(value: unknown, where: string): void {
  const problem = findTextProblem(value);
  if (!problem) return;
  const field = problem.field === '(body)' ? where : problem.field;
  throw httpErrors.error(problem.code, `The ${field === where ? where : `field ${field}`} ${problem.reason}`, {
    errors: [{ field, reason: problem.reason }],
  });
}

// V8's JSON.parse does not recurse, so a deep body parses safely; assertCleanText then refuses it.
/** JSON bodies: UTF-8 only, Fastify's prototype-poisoning guard kept. */
function registerJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, bytes, done) => {
    const text = decodeUtf8(bytes as Buffer);
    if (text === null) {
      done(httpErrors.error('invalid_encoding', 'The body is not valid UTF-8; send JSON encoded as UTF-8'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}

/**
 * Form fields the way a browser sends them; a field given twice becomes a list (so a schema refuses
 * it rather than one copy winning silently), and a percent-escape that is not UTF-8 is refused.
 */
export function parseFormBody(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const [rawName, rawValue] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      throw httpErrors.error('invalid_encoding', 'The form is not valid UTF-8; send it encoded as UTF-8');
    }
    const earlier = fields[name];
    fields[name] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return { ...fields };
}

/** Counts inflated bytes and stops at the limit, so a small compressed bomb is refused, not inflated. */
function limitTo(limit: number): Transform {
  let inflated = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      inflated += chunk.length;
      if (inflated > limit)
        callback(
          httpErrors.error(
            'body_too_large',
            `The body is larger than this endpoint accepts (${limit} bytes once decompressed)`,
          ),
        );
      else callback(null, chunk);
    },
  });
}

const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: () => createGunzip(),
  'x-gzip': () => createGunzip(),
  deflate: () => createInflate(),
};

/**
 * `Content-Encoding: gzip` or `deflate` (RudderStack's and Segment's SDKs compress batches): the body
 * is inflated as it arrives, and the route's body limit applies to the inflated bytes.
 */
function registerDecompression(app: FastifyInstance, defaultLimit: number): void {
  app.addHook('preParsing', async (request: FastifyRequest, _reply, payload: Readable) => {
    const encoding = String(request.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    const decompressor = DECOMPRESSORS[encoding];
    if (!decompressor) {
      throw httpErrors.error(
        'unsupported_encoding',
        `Content-Encoding ${encoding} is not accepted; send gzip, deflate or no encoding`,
      );
    }
    const limit = request.routeOptions.bodyLimit ?? defaultLimit;
    let received = 0;
    payload.on('data', (chunk: Buffer) => (received += chunk.length));
    const inflate = decompressor();
    const limited = limitTo(limit);
    const fail = (error: Error) => {
      const known =
        error instanceof DomainError
          ? error
          : httpErrors.error('invalid_compressed_body', `The body is not valid ${encoding} data: ${error.message}`);
      limited.destroy(known);
      inflate.destroy();
      payload.resume();
    };
    inflate.on('error', fail);
    limited.on('error', () => inflate.unpipe(limited));
    payload.pipe(inflate).pipe(limited);
    // Fastify compares Content-Length with this (the bytes on the wire), and the limit with the inflated bytes.
    Object.defineProperty(limited, 'receivedEncodedLength', { get: () => received });
    return limited;
  });
}

export function registerBodyParsing(app: FastifyInstance, options: { bodyLimit: number }): void {
  registerJsonParser(app);
  // Only JSON and (on the contact form's routes) forms carry bodies here: a text/plain post, the
  // classic cross-site form trick, is refused with 415 instead of reaching a route.
  app.removeContentTypeParser('text/plain');
  registerDecompression(app, options.bodyLimit);
}

/**
 * A request Node's HTTP parser cannot read (a bad Content-Length, broken chunking, huge headers)
 * never reaches a route; it is still answered as problem+json, then the connection is closed.
 */
export function answerUnreadableRequest(error: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, title, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive']
        : [
            400,
            'Bad Request',
            'malformed_request',
            `The request is not valid HTTP/1.1 (${error.code ?? 'parse error'}): check Content-Length and Transfer-Encoding`,
          ];
  const body = JSON.stringify({
    type: `https://rapport.dev/problems/${code.replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
  });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
