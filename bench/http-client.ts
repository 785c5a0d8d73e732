// The http case's client side: plain node:http requests over kept-alive connections to the server on loopback,
// each client with a connection of its own, and the admin's setup (sign-in, API token, write key) through the API.
import { Agent, request } from 'node:http';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One connection, kept alive between requests, as an SDK's HTTP client keeps it. */
export class Connection {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly baseUrl: string) {}

  send(method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer } = {}) {
    return new Promise<Answer>((resolve, reject) => {
      const headers: Record<string, string | number> = { ...options.headers };
      if (options.body) headers['content-length'] = options.body.length;
      const outgoing = request(new URL(path, this.baseUrl), { method, headers, agent: this.agent }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(options.body);
    });
  }

  async json<T>(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
    const answer = await this.send(method, path, {
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
    });
    if (answer.status < 200 || answer.status > 299)
      throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text}`);
    return JSON.parse(answer.text) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface Credentials {
  /** `Authorization` for the admin's reads (the ingest status). */
  admin: string;
  /** `Authorization` for the tracking API: the write key, as Segment's SDKs send it. */
  writeKey: string;
}

/** Signs in as the admin, makes an API token, and with it a write key for source `source`. */
export async function setUpCredentials(
  connection: Connection,
  admin: { email: string; password: string },
  source: string,
): Promise<Credentials> {
  const signIn = await connection.send('POST', '/api/auth/login', {
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(JSON.stringify(admin)),
  });
  if (signIn.status !== 200) throw new Error(`Sign-in answered ${signIn.status}: ${signIn.text}`);
  const cookie = [signIn.headers['set-cookie'] ?? []].flat().map((line) => line.split(';')[0]);
  const { token } = await connection.json<{ token: string }>(
    'POST',
    '/api/tokens',
    { cookie: cookie.join('; ') },
    { name: 'http bench' },
  );
  const adminAuth = `Bearer ${token}`;
  const { key } = await connection.json<{ key: string }>(
    'POST',
    '/api/write-keys',
    { authorization: adminAuth },
    { name: 'http bench', source },
  );
  return { admin: adminAuth, writeKey: `Basic ${Buffer.from(`${key}:`).toString('base64')}` };
}
