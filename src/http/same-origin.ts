// Cross-site request forgery guard: a state-changing request that a browser sends with our session
// cookie must come from our own pages. Scripts that send a Bearer token or write key are not browsers.
import type { FastifyRequest } from 'fastify';
import type { DomainError } from '../shared/errors.ts';
import { httpErrors } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when the request may be forged by another site: a state-changing method with no credentials
 * of its own in a header, so that the browser's cookie is what would authenticate it. Sign-in is
 * included (a forged sign-in would put the victim into an attacker's account).
 */
export function needsSameOrigin(request: FastifyRequest, sessionCookie: string): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  if (request.headers.authorization) return false;
  return Boolean(request.cookies[sessionCookie]) || request.url.startsWith('/api/auth/');
}

/**
 * Browsers say where a request comes from: `Sec-Fetch-Site` (all current ones) or `Origin`. Either
 * must name this site itself; a request with neither header did not come from a browser page.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return;
    throw crossSite(`a ${site} page`);
  }
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (host === null || host !== request.host) throw crossSite(origin === 'null' ? 'an opaque origin' : origin);
}

function crossSite(from: string): DomainError {
  return httpErrors.error(
    'cross_site_request',
    `Refused a request from ${from}: changes made with a session cookie must come from Rapport's own pages (scripts use a Bearer token)`,
  );
}
