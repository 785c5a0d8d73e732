// The frame of the pages customers see without a staff sign-in (the contact form, a survey, the ideas board): plain
// server-rendered HTML that works without script, on a phone as on a desktop, with every value escaped.
import type { FastifyReply } from 'fastify';

/** Sends a public page: never cached (it may carry her answers), and no referrer leaks a link's secret onward. */
export function sendPublicPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .send(page);
}

export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** `style` adds rules of a page's own (the ideas board's lists) after the shared ones. */
export function publicPage(title: string, body: string, style = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1d2330; }
  main { max-width: 560px; margin: 48px auto; background: #fff; padding: 32px; border-radius: 12px; box-shadow: 0 1px 3px #0002; }
  @media (max-width: 600px) { main { margin: 0; border-radius: 0; padding: 20px; } }
  label { display: block; margin-top: 16px; font-weight: 600; }
  input, textarea { width: 100%; box-sizing: border-box; padding: 10px; margin-top: 4px; border: 1px solid #c5cad3; border-radius: 8px; font: inherit; }
  textarea { min-height: 140px; }
  button { margin-top: 20px; padding: 10px 20px; border: 0; border-radius: 8px; background: #2f5bea; color: #fff; font: inherit; cursor: pointer; }
  fieldset { border: 0; padding: 0; margin: 20px 0 0; }
  legend { font-weight: 600; padding: 0; }
  .scale { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
  .scale label, .choices label { margin: 0; font-weight: 400; }
  .scale input { position: absolute; opacity: 0; width: 1px; height: 1px; }
  .scale span { display: inline-block; min-width: 44px; min-height: 44px; line-height: 44px; text-align: center; border: 1px solid #8a93a3; border-radius: 8px; cursor: pointer; }
  .scale input:checked + span { background: #2f5bea; border-color: #2f5bea; color: #fff; }
  .scale input:focus-visible + span { outline: 3px solid #1d2330; outline-offset: 2px; }
  .scale-ends { display: flex; justify-content: space-between; font-size: 0.875em; color: #4a5262; margin-top: 4px; }
  .choices input { width: auto; margin-right: 8px; }
  .choices label { display: block; margin-top: 6px; }
  .hp { position: absolute; left: -10000px; }
  .errors { background: #fdecec; color: #8a1c1c; padding: 12px; border-radius: 8px; }
  .promise { font-size: 1.15em; }
${style}</style></head>
<body><main>${body}</main></body></html>`;
}
