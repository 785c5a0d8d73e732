// Live updates of cases and inboxes (server-sent events) and presence on a case.
/**
 * Closes every open live stream of the app's database, so the HTTP server can close.
 * @example await closeLiveStreams(db); await app.close();
 */
export { closeLiveStreams, liveHubOf } from './service.ts';
