// Amounts as integers of the currency's minor unit (cents, yen): no floating-point money.

const SUPPORTED = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
  return SUPPORTED.has(code);
}

export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 25.5 USD → 2550; null when the amount has more decimals than the currency has. */
export function toMinorUnits(amount: number, currency: string): number | null {
  const digits = minorDigits(currency);
  const minor = Math.round(amount * 10 ** digits);
  return Math.abs(minor / 10 ** digits - amount) < 1e-9 ? minor : null;
}

export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(fromMinorUnits(minor, currency));
}
