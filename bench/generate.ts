// Deterministic Segment traffic for the benchmarks: batches of identify and track calls from a
// population of customers who sign up, browse anonymously, switch devices and log in again.
import { Random, hashOf } from './random.ts';
import {
  AREA_CODES,
  CATEGORIES,
  COLOURS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  ITEMS,
  LAST_NAMES,
  PRODUCTS,
  SIZES,
  customerText,
} from './vocabulary.ts';

export interface TrafficShape {
  events: number;
  customers: number;
  batchSize: number;
  seed: number;
}

/** A call as it arrives in the JSON body of POST /v1/batch, before any validation. */
export type RawCall = Record<string, unknown> & { type: 'identify' | 'track'; messageId: string; timestamp: string };

export interface RawBatch {
  batch: RawCall[];
  context: Record<string, unknown>;
  sentAt: string;
}

/** What the stream has produced so far, to show that the mix is the one intended. */
export interface TrafficMix {
  events: number;
  identifies: number;
  tracks: number;
  /** Calls whose identities were all new: each creates a profile. */
  newProfiles: number;
  /** Identifies that give a userId to a profile known only by its anonymousId. */
  anonymousTies: number;
  /** Identifies that name two existing profiles (a device seen anonymously, and the account): a merge. */
  merges: number;
}

// Shares chosen so that ~30% of calls are identifies and ~20% come from a profile not seen before.
const FIRST_CALL_IS_SIGN_UP = 0.5;
const ANONYMOUS_SIGNS_UP = 0.25;
const NEW_DEVICE = 0.3;
const USES_UNTIED_DEVICE = 0.5;
const LOGS_IN_ON_NEW_DEVICE = 0.2;
const LOGS_IN_WITH_NEW_ACCOUNT = 0.2;
const IDENTIFY_AGAIN = 0.35;
const FAVOURITE_SHARE = 0.85;
const YEAR_MS = 365 * 24 * 3600 * 1000;
const START = Date.parse('2024-01-01T00:00:00Z');
const BATCH_CONTEXT = { library: { name: 'analytics-node', version: '2.1.2' } };
const CAMPAIGNS = ['newsletter', 'google', 'instagram', 'referral', 'podcast'];

/** Email addresses drop accents: "José Müller" signs up as jose.muller. */
function ascii(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
const EMAIL_FIRST_NAMES = FIRST_NAMES.map(ascii);
const EMAIL_LAST_NAMES = LAST_NAMES.map(ascii);

/** Everything about a person that never changes is a pure function of their index. */
export function personOf(index: number) {
  const first = hashOf(index, 1) % FIRST_NAMES.length;
  const last = hashOf(index, 2) % LAST_NAMES.length;
  const line = 2_000_000 + index; // exchange 200–999 and line 0000–9999: unique per person below 8M people
  return {
    userId: `user-${index}`,
    name: `${FIRST_NAMES[first]} ${LAST_NAMES[last]}`,
    email: `${EMAIL_FIRST_NAMES[first]}.${EMAIL_LAST_NAMES[last]}${index}@${EMAIL_DOMAINS[hashOf(index, 3) % EMAIL_DOMAINS.length]}`,
    phone: `(${AREA_CODES[hashOf(index, 4) % AREA_CODES.length]}) ${String(line).slice(0, 3)}-${String(line).slice(3)}`,
    colour: COLOURS[hashOf(index, 5) % COLOURS.length]!,
    size: SIZES[hashOf(index, 6) % SIZES.length]!,
    products: [PRODUCTS[hashOf(index, 7) % PRODUCTS.length]!, PRODUCTS[hashOf(index, 8) % PRODUCTS.length]!],
    item: ITEMS[hashOf(index, 9) % ITEMS.length]!,
  };
}

/** A device's anonymousId: UUID-shaped like analytics.js's, stable per person and device. */
function anonymousIdOf(person: number, device: number): string {
  const hex = (salt: number) => hashOf(person, salt).toString(16).padStart(8, '0');
  return `${hex(100 + device)}-${hex(400 + device).slice(0, 4)}-4${hex(700 + device).slice(0, 3)}-a${hex(900 + device).slice(0, 3)}-${hex(1200 + device)}${hex(1500 + device).slice(0, 4)}`;
}

export class SegmentTraffic {
  readonly mix: TrafficMix = { events: 0, identifies: 0, tracks: 0, newProfiles: 0, anonymousTies: 0, merges: 0 };
  private readonly random: Random;
  private introduced = 0;
  private signedUp = 0;
  private readonly identified: Uint8Array;
  private readonly devices: Uint8Array;
  /** The device a person browses on anonymously, not yet tied to their account (0: none). */
  private readonly untiedDevice: Uint8Array;
  private readonly accounts: Uint8Array;

  constructor(private readonly shape: TrafficShape) {
    this.random = new Random(shape.seed);
    this.identified = new Uint8Array(shape.customers);
    this.devices = new Uint8Array(shape.customers);
    this.untiedDevice = new Uint8Array(shape.customers);
    this.accounts = new Uint8Array(shape.customers);
  }

  get done(): boolean {
    return this.mix.events >= this.shape.events;
  }

  /** The next batch of up to batchSize calls; call until `done`. */
  nextBatch(): RawBatch {
    const batch: RawCall[] = [];
    while (batch.length < this.shape.batchSize && !this.done) batch.push(this.nextCall());
    const last = batch[batch.length - 1]!;
    return { batch, context: BATCH_CONTEXT, sentAt: new Date(Date.parse(last.timestamp) + 2_000).toISOString() };
  }

  /** Emails of `count` random people who have signed up, for look-ups (people may repeat). */
  sampleEmails(count: number, seed: number): string[] {
    if (this.signedUp === 0) throw new Error('Nobody has signed up yet: generate more events before sampling emails');
    const random = new Random(seed);
    const emails: string[] = [];
    while (emails.length < count) {
      const index = random.int(this.introduced);
      if (this.identified[index]) emails.push(personOf(index).email);
    }
    return emails;
  }

  private nextCall(): RawCall {
    const { events, customers } = this.shape;
    const step = this.mix.events++;
    const timestamp = new Date(START + ((step + this.random.next()) / events) * YEAR_MS).toISOString();
    const base = { messageId: this.random.uuid(), timestamp };
    // Spreads the arrival of new people evenly, so that all of them have arrived by the last call.
    if (this.introduced < customers && this.random.chance((customers - this.introduced) / (events - step))) {
      const person = this.introduced++;
      this.devices[person] = 1;
      this.mix.newProfiles++;
      if (!this.random.chance(FIRST_CALL_IS_SIGN_UP))
        return this.track(base, person, { anonymousId: anonymousIdOf(person, 0) });
      this.signUp(person);
      const campaign = { source: this.random.pick(CAMPAIGNS), medium: 'email' };
      return this.identify(base, person, {
        userId: personOf(person).userId,
        anonymousId: anonymousIdOf(person, 0),
        context: { ...BATCH_CONTEXT, campaign },
      });
    }
    const person = this.random.int(this.introduced);
    const { userId } = personOf(person);
    if (!this.identified[person]) {
      if (!this.random.chance(ANONYMOUS_SIGNS_UP))
        return this.track(base, person, { anonymousId: anonymousIdOf(person, 0) });
      this.signUp(person);
      this.mix.anonymousTies++;
      return this.identify(base, person, { userId, anonymousId: anonymousIdOf(person, 0) });
    }
    const untied = this.untiedDevice[person]!;
    if (untied && this.random.chance(USES_UNTIED_DEVICE)) {
      const anonymousId = anonymousIdOf(person, untied);
      if (!this.random.chance(LOGS_IN_ON_NEW_DEVICE)) return this.track(base, person, { anonymousId });
      this.untiedDevice[person] = 0;
      this.mix.merges++;
      // Sometimes the person signs up afresh on that device, and only the email says who they are.
      const account = this.random.chance(LOGS_IN_WITH_NEW_ACCOUNT) ? `${userId}-${++this.accounts[person]!}` : userId;
      return this.identify(base, person, { userId: account, anonymousId });
    }
    if (!untied && this.devices[person]! < 255 && this.random.chance(NEW_DEVICE)) {
      const device = this.devices[person]!++;
      this.untiedDevice[person] = device;
      this.mix.newProfiles++;
      return this.track(base, person, { anonymousId: anonymousIdOf(person, device) });
    }
    const known = { userId, anonymousId: anonymousIdOf(person, 0) };
    return this.random.chance(IDENTIFY_AGAIN) ? this.identify(base, person, known) : this.track(base, person, known);
  }

  private signUp(person: number): void {
    this.identified[person] = 1;
    this.signedUp++;
  }

  private identify(
    base: { messageId: string; timestamp: string },
    index: number,
    ids: Record<string, unknown>,
  ): RawCall {
    this.mix.identifies++;
    const person = personOf(index);
    const traits = {
      name: person.name,
      email: person.email,
      phone: person.phone,
      loyaltyPoints: this.random.int(5_000),
    };
    return { ...base, ...ids, type: 'identify', traits };
  }

  private track(base: { messageId: string; timestamp: string }, index: number, ids: Record<string, unknown>): RawCall {
    this.mix.tracks++;
    const person = personOf(index);
    const random = this.random;
    const colour = random.chance(FAVOURITE_SHARE) ? person.colour : random.pick(COLOURS);
    const size = random.chance(FAVOURITE_SHARE) ? person.size : random.pick(SIZES);
    const product = random.chance(FAVOURITE_SHARE) ? random.pick(person.products) : random.pick(PRODUCTS);
    const price = Math.round((9 + random.next() * 190) * 100) / 100;
    const text = customerText(random, { product, colour, size });
    const roll = random.next();
    const [event, properties] =
      roll < 0.35
        ? ['Product Viewed', { product, category: random.pick(CATEGORIES), colour, size, price, currency: 'EUR', text }]
        : roll < 0.55
          ? [
              'Order Completed',
              {
                order_id: `ord-${random.uuid().slice(0, 13)}`,
                product,
                colour,
                size,
                price,
                quantity: 1 + random.int(3),
                currency: 'EUR',
                text,
              },
            ]
          : roll < 0.85
            ? [
                'Item Consumed',
                { item: random.chance(FAVOURITE_SHARE) ? person.item : random.pick(ITEMS), colour, size, price, text },
              ]
            : [
                'Support Ticket Opened',
                { department: 'support', product, priority: random.chance(0.2) ? 'high' : 'normal', text },
              ];
    return { ...base, ...ids, type: 'track', event, properties };
  }
}
