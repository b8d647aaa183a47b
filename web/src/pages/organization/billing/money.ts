// Money as the billing screens show and read it (pure, unit-tested). Plans carry a price in
// currency units (`Plan.price`, a float); usage and spending limits carry whole cents.

/** The largest amount of cents a GraphQL `Int` holds. */
export const MAX_CENTS = 2_147_483_647;

function formatter(currency: string, fraction: number): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: fraction, maximumFractionDigits: 2 });
  } catch {
    // An unknown code (plans take any three letters): the number, then the code.
    return new Intl.NumberFormat('en', { minimumFractionDigits: fraction, maximumFractionDigits: 2 });
  }
}

function withCode(text: string, currency: string, f: Intl.NumberFormat): string {
  return f.resolvedOptions().style === 'currency' ? text : `${text} ${currency.toUpperCase()}`;
}

/** 1234 cents in USD -> "$12.34". */
export function formatCents(cents: number, currency = 'USD'): string {
  const f = formatter(currency.toUpperCase(), 2);
  return withCode(f.format(cents / 100), currency, f);
}

/** A plan's price: whole amounts without cents ("$29"), others with them ("$9.50"). */
export function formatPrice(amount: number, currency = 'USD'): string {
  const f = formatter(currency.toUpperCase(), Number.isInteger(amount) ? 0 : 2);
  return withCode(f.format(amount), currency, f);
}

/** "$29 / month", "Free" for a price of zero. */
export function priceLabel(price: number, currency: string, interval: 'MONTH' | 'YEAR'): string {
  if (price === 0) return 'Free';
  return `${formatPrice(price, currency)} / ${interval === 'YEAR' ? 'year' : 'month'}`;
}

/**
 * Reads an amount typed by a person ("12", "12.5", "1,200.00", "$40") into cents; an error
 * message for anything else (negative, more than two decimals, beyond an `Int` of cents).
 */
export function parseCents(text: string): { cents: number } | { error: string } {
  const bare = text.trim().replace(/^[$€£]/, '').replaceAll(',', '').trim();
  if (bare === '') return { error: 'Enter an amount' };
  if (!/^\d+(\.\d{1,2})?$/.test(bare)) return { error: 'Enter an amount like 50 or 49.99' };
  const [whole, fraction = ''] = bare.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { error: `The most is ${formatCents(MAX_CENTS)}` };
  return { cents };
}

/** Cents as an amount to edit: 5000 -> "50", 4999 -> "49.99". */
export function centsToInput(cents: number | null | undefined): string {
  if (cents == null) return '';
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
