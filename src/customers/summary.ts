// The "what to say next" line on the context card: pure, from data the card already holds.

export interface SummaryInput {
  name: string | null;
  now: number;
  lastInbound: { department: string | null; channel: string; occurredAt: number; text: string | null } | null;
  lastContacts: Array<{ department: string; occurredAt: number }>;
  flags: string[];
  statedPreferences: Array<{ key: string; value: string }>;
  /** Newest first. */
  openCases: Array<{ number: number; subject: string; reason: string | null; status: string }>;
}

const FLAG_NOTES: Record<string, string> = {
  vip: 'VIP customer.',
  past_issues: 'Has had past issues: take extra care.',
  needs_extra_support: 'Needs extra support.',
  at_risk: 'At risk of leaving.',
};

/** "3 days ago", "just now": coarse on purpose, it is read aloud on a call. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  const steps: Array<[number, string]> = [
    [60, 'second'],
    [60, 'minute'],
    [24, 'hour'],
    [7, 'day'],
    [4.35, 'week'],
    [12, 'month'],
    [Infinity, 'year'],
  ];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (value < size) {
      if (unit === 'second') return 'just now';
      const rounded = Math.floor(value);
      return `${rounded} ${unit}${rounded === 1 ? '' : 's'} ago`;
    }
    value /= size;
  }
  return 'long ago';
}

function titleCase(word: string): string {
  return word.replace(/_/g, ' ').replace(/^\p{L}/u, (letter) => letter.toUpperCase());
}

function quote(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  return `“${trimmed.length > 80 ? `${trimmed.slice(0, 77)}…` : trimmed}”`;
}

export function summarise(input: SummaryInput): string {
  const parts: string[] = [];
  const firstName = input.name?.split(/\s+/)[0];
  parts.push(firstName ? `Hi ${firstName}.` : 'Unnamed customer.');
  const [latestCase, ...otherCases] = input.openCases;
  if (latestCase) {
    // The case is why she is most likely calling: it comes before anything else.
    const about = latestCase.reason ? `about ${latestCase.reason.replace(/_/g, ' ')}` : quote(latestCase.subject);
    const more = otherCases.length ? ` (and ${otherCases.length} more open)` : '';
    parts.push(`Open case #${latestCase.number} ${about}, ${latestCase.status}${more}.`);
  }
  if (input.lastInbound) {
    const who = input.lastInbound.department ? `${titleCase(input.lastInbound.department)} ` : 'us ';
    const about = input.lastInbound.text ? ` about ${quote(input.lastInbound.text)}` : '';
    parts.push(
      `Last contacted ${who}${relativeTime(input.lastInbound.occurredAt, input.now)} by ${input.lastInbound.channel.replace(/_/g, ' ')}${about}.`,
    );
  }
  const others = input.lastContacts
    .filter((contact) => contact.department !== input.lastInbound?.department)
    .slice(0, 2);
  if (others.length) {
    parts.push(
      `Also met ${others.map((c) => `${titleCase(c.department)} ${relativeTime(c.occurredAt, input.now)}`).join(' and ')}.`,
    );
  }
  for (const flag of input.flags) parts.push(FLAG_NOTES[flag] ?? `Flag: ${titleCase(flag)}.`);
  if (input.statedPreferences.length) {
    parts.push(
      `Prefers ${input.statedPreferences
        .slice(0, 3)
        .map((p) => `${p.key.replace(/_/g, ' ')}: ${p.value}`)
        .join('; ')}.`,
    );
  }
  return parts.join(' ');
}
