// The public contact form: GET /contact shows it, POST /public/contact takes it (form or JSON) and
// answers with the thank-you page or JSON by Accept. Rate-limited per address, with a honeypot.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { defineRoute } from '../../http/route.ts';
import { commonErrors, fieldErrorsOf } from '../../shared/errors.ts';
import { channelErrors } from '../errors.ts';
import { createRateLimiter } from '../../http/rate-limit.ts';
import { perServer } from '../../http/per-server.ts';
import { normaliseEmail } from '../../customers/index.ts';
import { contactFormPage, thankYouPage, thankYouSentence } from './page.ts';
import { submitContactForm, thankYouFacts } from './service.ts';
import { NO_PROMISE } from './model.ts';
import { ContactDroppedSchema, ContactReceiptSchema } from '../responses.ts';
import { htmlPage } from '../../http/openapi.ts';
import { sendPublicPage } from '../../http/public-page.ts';

// Five an address in ten minutes, counted per running server.
const submissionsOf = perServer(() => createRateLimiter({ max: 5, windowMs: 10 * 60 * 1000 }));

const contactSchema = z.object({
  name: z.string().trim().min(1, 'Tell us your name').max(200),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((value) => normaliseEmail(value) !== null, 'Give an email address we can reply to'),
  message: z.string().trim().min(1, 'Write your message').max(10_000, 'Keep the message under 10,000 characters'),
  website: z.string().max(500).optional(),
});

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.startsWith('text/html');
}

export const contactFormRoutes = [
  defineRoute({
    method: 'GET',
    url: '/contact',
    summary: 'The public contact form (HTML)',
    tags: ['channels'],
    response: htmlPage,
    auth: 'public',
    handler: async ({ ctx, reply }) => sendPublicPage(reply, 200, contactFormPage(ctx.config.companyName)),
  }),
  defineRoute({
    method: 'POST',
    url: '/public/contact',
    summary:
      'Send the contact form (name, email, message); answers with the thank-you page, or JSON when Accept asks for it',
    tags: ['channels'],
    response: htmlPage,
    responses: { 201: ContactReceiptSchema, 202: ContactDroppedSchema },
    auth: 'public',
    bodyLimit: 64 * 1024,
    handler: async ({ request, reply, ctx }) => {
      const json = wantsJson(request);
      const submissions = submissionsOf(ctx.db);
      const wait = submissions.retryAfter(request.ip);
      if (wait > 0) {
        throw channelErrors.error('too_many_requests', `Too many messages from your address; try again in ${wait} s`, {
          retryAfterSeconds: wait,
        });
      }
      submissions.hit(request.ip);
      const parsed = contactSchema.safeParse(request.body ?? {});
      if (!parsed.success) {
        if (json)
          throw commonErrors.error('invalid_input', 'The form is not complete', {
            errors: fieldErrorsOf(parsed.error),
          });
        // Shown back in the form: only single text fields (a field sent twice arrives as a list).
        const sent = (request.body ?? {}) as Record<string, unknown>;
        const values = Object.fromEntries(
          Object.entries(sent).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        );
        return sendPublicPage(
          reply,
          400,
          contactFormPage(
            ctx.config.companyName,
            values,
            parsed.error.issues.map((issue) => issue.message),
          ),
        );
      }
      const form = parsed.data;
      // Bots fill every field; people never see this one. Answer as if it worked, store nothing.
      if (form.website) {
        request.log.info('contact form honeypot filled; dropped');
        return json
          ? reply.code(202).send({ received: true })
          : sendPublicPage(
              reply,
              200,
              thankYouPage({
                company: ctx.config.companyName,
                customerName: form.name,
                caseNumber: 0,
                onDuty: null,
                promise: NO_PROMISE,
              }),
            );
      }
      const received = await submitContactForm(
        ctx.db,
        { name: form.name, email: form.email, message: form.message },
        ctx.actor,
      );
      const facts = await thankYouFacts(ctx.db, received.caseId);
      const thanks = {
        company: ctx.config.companyName,
        customerName: form.name,
        caseNumber: received.caseNumber,
        ...facts,
      };
      if (json) {
        return reply.code(201).send({
          caseNumber: received.caseNumber,
          onDuty: facts.onDuty,
          promise: {
            usually: facts.promise.usually,
            when: facts.promise.when,
            expectedAt: facts.promise.expectedAt && new Date(facts.promise.expectedAt).toISOString(),
            basis: facts.promise.basis,
          },
          message: thankYouSentence(thanks),
        });
      }
      return sendPublicPage(reply, 200, thankYouPage(thanks));
    },
  }),
];
