// Word lists for the generated customers and their events: names, products, and sentence fragments
// that read like what customers actually write (about 150 characters once joined).
import type { Random } from './random.ts';

export const FIRST_NAMES = [
  'Amelia',
  'Olivia',
  'Noah',
  'Liam',
  'Sofia',
  'José',
  'Zoë',
  'Mateo',
  'Aisha',
  'Chen',
  'Priya',
  'Lucas',
  'Emma',
  'Jonas',
  'Freya',
  'Omar',
  'Hannah',
  'Kenji',
  'Marta',
  'Léa',
  'Ethan',
  'Ingrid',
  'Tariq',
  'Nora',
  'Diego',
  'Yuki',
  'Grace',
  'Samuel',
  'Anika',
  'Felix',
  'Isla',
  'Mohammed',
  'Clara',
  'Ravi',
  'Elena',
  'Tom',
];

export const LAST_NAMES = [
  'Smith',
  'García',
  'Müller',
  'Nguyen',
  'Okafor',
  'Rossi',
  'Kowalski',
  'Johansson',
  'Patel',
  'Dubois',
  'Silva',
  'Kim',
  'Murphy',
  'Novak',
  'Haddad',
  'Tanaka',
  'Fischer',
  'Moreau',
  'Andersen',
  'Costa',
  'Brown',
  'Ivanova',
  'Schmidt',
  'Lopez',
  'Wilson',
  'Yilmaz',
  'Jensen',
  'Bianchi',
  'Walker',
  'Sato',
];

export const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'gmx.de', 'hey.com'];

/** Real US area codes, so that libphonenumber accepts the numbers as it would a customer's. */
export const AREA_CODES = ['212', '415', '312', '617', '206', '512', '303', '404', '213', '646', '702', '305'];

export const PRODUCTS = [
  'rain jacket',
  'merino jumper',
  'trail shoes',
  'linen shirt',
  'denim jeans',
  'wool scarf',
  'canvas backpack',
  'running shorts',
  'down vest',
  'leather boots',
  'cotton hoodie',
  'swim shorts',
  'beanie',
  'chino trousers',
];
export const CATEGORIES = ['outerwear', 'knitwear', 'footwear', 'shirts', 'trousers', 'accessories', 'bags'];

/** What a grocery customer consumes, for "Item Consumed" (and the "prefers red apples" rule). */
export const ITEMS = [
  'apples',
  'coffee beans',
  'oat milk',
  'sourdough',
  'yoghurt',
  'tea',
  'pasta',
  'chocolate',
  'cheese',
  'tomatoes',
];

export const COLOURS = ['red', 'green', 'navy', 'black', 'white', 'grey', 'olive', 'mustard', 'pink', 'blue'];
export const SIZES = ['XS', 'S', 'M', 'L', 'XL'];

const OPENINGS = [
  'Hi there,',
  'Hello,',
  'Hey team!',
  'Good morning,',
  'Quick question:',
  'Not happy, sorry to say.',
  'Thanks so much!',
  'Hi, me again.',
  'Hello support,',
  'Just a note:',
];
const MIDDLES = [
  'the {colour} {product} in size {size} arrived two days late and the box was soaked through',
  'I love the {colour} {product}, it fits perfectly in {size} and the fabric feels great',
  'my order with the {product} was charged twice on my card, can you check what happened',
  'the {product} I got last week already has a loose seam near the pocket',
  'could I swap the {product} for a {size} instead, the one I have is a bit tight',
  'the delivery driver left the parcel with the {product} at the wrong door again',
  'the {colour} one looks much darker in person than on your website, a bit disappointing',
  'your app keeps logging me out when I try to pay for the {product}',
  'I was promised a refund for the {product} three weeks ago and nothing has arrived yet',
  'the new {colour} {product} is my favourite purchase this year, the quality is superb',
];
const DETAILS = [
  'It was meant to be a gift.',
  'I ordered it through the app.',
  'This is my third order this month.',
  'My partner has the same problem.',
  'I have been a customer for years.',
  'The tracking page said delivered.',
];
const CLOSINGS = [
  'Please let me know what you can do.',
  'Thanks in advance for your help!',
  'Would appreciate a quick reply.',
  'Will definitely order again.',
  'Otherwise I will have to return it.',
  'Kind regards.',
  'Cheers!',
  'Can someone call me back about it?',
  'I would prefer an email answer if possible.',
  'Keep up the good work.',
];

/** A message a customer could have typed about one product: greeting, what happened, context, what they want. */
export function customerText(random: Random, slots: { product: string; colour: string; size: string }): string {
  const middle = random
    .pick(MIDDLES)
    .replace('{product}', slots.product)
    .replace('{colour}', slots.colour)
    .replace('{size}', slots.size);
  return `${random.pick(OPENINGS)} ${middle}. ${random.pick(DETAILS)} ${random.pick(CLOSINGS)}`;
}
