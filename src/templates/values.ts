// The values a reply template may use, read from what we know of the customer and the case.
import type { Db } from '../store/db.ts';
import { canonicalCustomer } from '../customers/index.ts';
import { profilesOf } from '../customers/index.ts';
import type { TemplateValues } from './render.ts';
import { SURVEY_LINK_MARKER } from './survey-link.ts';
import { lastOrderOf, latestEmailOf, openCaseCountOf } from './store.ts';

/** What a template may say of the case it answers. */
export interface TemplateCase {
  customerId: string;
  number: number;
  subject: string;
}

const firstWord = (name: string | null | undefined): string | null => name?.trim().split(/\s+/)[0] ?? null;

export async function templateValuesFor(
  db: Db,
  c: TemplateCase,
  agent: { name: string },
  companyName: string,
): Promise<TemplateValues> {
  const customer = await canonicalCustomer(db, c.customerId);
  const customerId = customer?.id ?? c.customerId;
  const profiles = await profilesOf(db, customerId);
  const email = await latestEmailOf(db, customerId);
  const order = await lastOrderOf(db, profiles);
  const openCases = await openCaseCountOf(db, profiles);
  const props = order?.properties ?? {};
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? value : null);
  return {
    'customer.name': customer?.name ?? null,
    'customer.firstName': firstWord(customer?.name) ?? 'there',
    'customer.email': email,
    'case.number': c.number,
    'case.subject': c.subject,
    'agent.name': agent.name,
    'agent.firstName': firstWord(agent.name),
    'lastOrder.id': text(props.orderId ?? props.order_id ?? props.id),
    'lastOrder.total': text(props.total ?? props.revenue ?? props.price),
    'lastOrder.currency': text(props.currency),
    'lastOrder.date': order ? new Date(order.occurredAt).toISOString().slice(0, 10) : null,
    'lastOrder.product': text(props.product ?? props.name),
    'openCases.count': openCases,
    'company.name': companyName,
    // The draft keeps the marker; the link is minted when the reply is sent (survey-link.ts).
    'survey.link': SURVEY_LINK_MARKER,
  };
}

/** Made-up but typical values, so a manager sees how a template reads before any case uses it. */
export function sampleTemplateValues(agent: { name: string }, companyName: string): TemplateValues {
  return {
    'customer.name': 'Jane Doe',
    'customer.firstName': 'Jane',
    'customer.email': 'jane.doe@example.com',
    'case.number': 1042,
    'case.subject': 'My tote bag arrived torn',
    'agent.name': agent.name,
    'agent.firstName': firstWord(agent.name),
    'lastOrder.id': 'A-1001',
    'lastOrder.total': 120,
    'lastOrder.currency': 'USD',
    'lastOrder.date': new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
    'lastOrder.product': 'Canvas tote',
    'openCases.count': 1,
    'company.name': companyName,
    'survey.link': 'https://support.example.com/s/example',
  };
}
