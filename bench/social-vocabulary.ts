// What customers and the brand post in the generated social feed. Each complaint names its matter with
// the words src/cases/reason.ts looks for, and the words around it name no other matter, so the
// case engine guesses the reason the generator meant.
import type { Random } from './random.ts';
import { COLOURS, PRODUCTS } from './vocabulary.ts';

export const BRAND_HANDLE = 'NorthwindHelp';

/** The contact reasons of src/cases/reason.ts, and `null` for posts that name none (praise, a question). */
export type GeneratedReason =
  | 'refund'
  | 'damaged_item'
  | 'delivery'
  | 'cancellation'
  | 'billing'
  | 'account_access'
  | 'technical_issue'
  | null;

const COMPLAINTS: ReadonlyArray<{ reason: GeneratedReason; share: number; texts: readonly string[] }> = [
  {
    reason: 'delivery',
    share: 0.22,
    texts: [
      'my order with the {product} still has not arrived and the tracking page has not moved since {day}',
      'the courier left my parcel with the {product} at the wrong address again',
      'where is my package? the {product} was supposed to be delivered on {day}',
    ],
  },
  {
    reason: 'refund',
    share: 0.14,
    texts: [
      'I sent the {product} back two weeks ago and still no refund, how long does this take',
      'I was promised my money back for the {colour} {product} and nothing yet',
      'when will I get refunded for the {product} I returned on {day}',
    ],
  },
  {
    reason: 'technical_issue',
    share: 0.16,
    texts: [
      'the app keeps crashing when I open my wishlist with the {product} in it',
      'checkout shows an error every time I try to buy the {colour} {product}',
      "since the last update your app won't load at all on my phone",
    ],
  },
  {
    reason: 'account_access',
    share: 0.12,
    texts: [
      'I cannot log in to my account since this morning and the password reset email never comes',
      'I am locked out after the verification code failed three times',
      'I think my account was hacked, someone changed my email address',
    ],
  },
  {
    reason: 'billing',
    share: 0.12,
    texts: [
      'I was charged twice for the {product}, please check my card',
      'why did the price of the {product} go up after I paid for it',
      'the invoice for my {product} shows the wrong amount',
    ],
  },
  {
    reason: 'damaged_item',
    share: 0.08,
    texts: [
      'the {product} I got today is damaged, the zip is completely broken',
      'my {colour} {product} came with a cracked buckle and a torn lining',
      'second time one of your {product}s is faulty after a single wash',
    ],
  },
  {
    reason: 'cancellation',
    share: 0.06,
    texts: [
      'I want to cancel my order for the {product} before it leaves the warehouse',
      'please cancel my membership, I have asked twice already',
      'how do I unsubscribe from your emails? the link does nothing',
    ],
  },
  {
    reason: null,
    share: 0.1,
    texts: [
      'just wanted to say the new {colour} {product} is brilliant, thanks to the whole team',
      'do you have the {product} in {colour} anywhere in stock? cannot find it in the shop',
      'the staff in the city centre store were so kind to me today, thank you',
    ],
  },
];

const OPENINGS = ['Hi,', 'Hello?', 'Hey', 'Not impressed.', 'Help please!', 'Morning,', 'Seriously?', 'Quick one:'];
const DETAILS = [
  'This is the second time this month.',
  'Been waiting all week.',
  'I have been a customer for years.',
  'My sister had the same thing.',
  'Tried the chat on your site, no luck.',
  'Nobody answers the phone either.',
];
const CLOSINGS = [
  'Please help.',
  'Thanks!',
  'Any news?',
  'Really frustrating.',
  'Can someone look into this?',
  'DM me if needed.',
  'Thanks in advance 🙏',
];
const AGAIN = ['Me again,', 'Still the same problem as last week:', 'Back again.', 'Writing again because'];
const FOLLOW_UPS = [
  'Thanks, just sent you a DM with the details. Hope you can sort it out today.',
  'Still nothing on my side, it has been {n} days now. What else can I do?',
  'Tried that already, same problem as before. Any other ideas?',
  'Ok, done what you said. Will let you know if it happens again, thanks for the quick answer.',
  'That is not really an answer to my question, to be honest. Can someone else have a look?',
];
const BRAND_ANSWERS = [
  'Sorry to hear that! Could you send us a DM with your order number so we can take a closer look? ^{agent}',
  'Thanks for reaching out. We have passed this on to the team and will get back to you within 24 hours. ^{agent}',
  'We are on it! Could you tell us which phone and app version you are using? ^{agent}',
  'Really sorry about this. Please follow the link in our DM and we will sort it out for you today. ^{agent}',
];
const AGENTS = ['AM', 'JK', 'LP', 'SR', 'TN', 'YO'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function fill(template: string, random: Random): string {
  return template
    .replace('{product}', random.pick(PRODUCTS))
    .replace('{colour}', random.pick(COLOURS))
    .replace('{day}', random.pick(DAYS))
    .replace('{n}', String(2 + random.int(8)))
    .replace('{agent}', random.pick(AGENTS));
}

/** A matter drawn by the shares above (complaints about delivery most often, cancellations least). */
export function pickReason(random: Random): GeneratedReason {
  let draw = random.next();
  for (const complaint of COMPLAINTS) {
    draw -= complaint.share;
    if (draw < 0) return complaint.reason;
  }
  return null;
}

/** A customer's first post about a matter (or her comeback about it): 100–200 characters, like most support tweets. */
export function complaintText(random: Random, reason: GeneratedReason, comingBack: boolean): string {
  const complaint = COMPLAINTS.find((candidate) => candidate.reason === reason)!;
  const opening = comingBack ? random.pick(AGAIN) : random.pick(OPENINGS);
  const body = `@${BRAND_HANDLE} ${opening} ${fill(random.pick(complaint.texts), random)}.`;
  const closing = random.pick(CLOSINGS);
  const detail = random.pick(DETAILS);
  return body.length + detail.length + closing.length + 2 <= 200
    ? `${body} ${detail} ${closing}`
    : `${body} ${closing}`;
}

/** The customer answering the brand in the same thread: no reason words, it joins by its reply id. */
export function followUpText(random: Random): string {
  return `@${BRAND_HANDLE} ${fill(random.pick(FOLLOW_UPS), random)}`;
}

export function brandAnswerText(random: Random, customerHandle: string): string {
  return `@${customerHandle} ${fill(random.pick(BRAND_ANSWERS), random)}`;
}
