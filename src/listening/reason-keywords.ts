// A lexicon baseline for the contact reason, used when the channel does not give one (a tweet, an
// email). It works offline from day one; a reason model trained on the company's own labels replaces it
// once one is active (classifyReason). An agent's reason always wins over both.

const LEXICON: ReadonlyArray<{ reason: string; words: RegExp }> = [
  { reason: 'refund', words: /\b(refunds?|refunded|money back|reimburse\w*|chargeback)\b/gi },
  { reason: 'damaged_item', words: /\b(broken|ruined|damaged|torn|defective|cracked|faulty|ripped)\b/gi },
  {
    reason: 'delivery',
    words: /\b(deliver\w*|shipping|shipped|shipment|package|parcel|tracking|arrived|courier|late order)\b/gi,
  },
  { reason: 'cancellation', words: /\b(cancel\w*|unsubscribe\w*|close my account|end my subscription)\b/gi },
  {
    reason: 'billing',
    words:
      /\b(charged?|charges|billing|billed|invoice|payment|paid|pay|subscription|premium|price|overcharged|card)\b/gi,
  },
  {
    reason: 'account_access',
    words: /\b(log ?in|login|logged out|sign ?in|password|hacked|locked out|account|verification code|2fa)\b/gi,
  },
  {
    reason: 'technical_issue',
    words:
      /\b(crash\w*|bug|error|glitch\w*|not working|doesn'?t work|won'?t (?:play|load|open|work)|keeps? (?:stopping|skipping|crashing|freezing)|freez\w*|offline|update)\b/gi,
  },
];

/** The reason whose words appear most often in the text (earlier reasons win ties), or null. */
export function guessReason(text: string | null | undefined): string | null {
  if (!text) return null;
  let best: { reason: string; hits: number } | null = null;
  for (const { reason, words } of LEXICON) {
    const hits = text.match(words)?.length ?? 0;
    if (hits > 0 && (!best || hits > best.hits)) best = { reason, hits };
  }
  return best?.reason ?? null;
}
