import { describe, expect, it } from 'vitest';
import { MAX_CENTS, centsToInput, formatCents, formatPrice, parseCents, priceLabel } from './money';

describe('money', () => {
  it('shows cents as money in the currency', () => {
    expect(formatCents(1234)).toBe('$12.34');
    expect(formatCents(0)).toBe('$0.00');
    expect(formatCents(123456789, 'usd')).toBe('$1,234,567.89');
    expect(formatCents(500, 'EUR')).toBe('€5.00');
  });

  it('falls back to the code for a currency Intl does not know', () => {
    expect(formatCents(500, 'ZZ1')).toBe('5.00 ZZ1');
  });

  it('shows plan prices without needless cents', () => {
    expect(formatPrice(29)).toBe('$29');
    expect(formatPrice(9.5)).toBe('$9.50');
    expect(priceLabel(29, 'USD', 'MONTH')).toBe('$29 / month');
    expect(priceLabel(290, 'USD', 'YEAR')).toBe('$290 / year');
    expect(priceLabel(0, 'USD', 'MONTH')).toBe('Free');
  });

  it('reads amounts people type into cents', () => {
    expect(parseCents('50')).toEqual({ cents: 5000 });
    expect(parseCents(' 49.99 ')).toEqual({ cents: 4999 });
    expect(parseCents('12.5')).toEqual({ cents: 1250 });
    expect(parseCents('$1,200.00')).toEqual({ cents: 120000 });
    expect(parseCents('0')).toEqual({ cents: 0 });
  });

  it('refuses what is not an amount, negative, too precise or too large', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1e3', '12.', '<script>', '١٢']) {
      expect(parseCents(bad), bad).toHaveProperty('error');
    }
    expect(parseCents('21474836.48')).toHaveProperty('error');
    expect(parseCents('21474836.47')).toEqual({ cents: MAX_CENTS });
    expect(parseCents('9'.repeat(400))).toHaveProperty('error');
  });

  it('gives cents back as an amount to edit', () => {
    expect(centsToInput(5000)).toBe('50');
    expect(centsToInput(4999)).toBe('49.99');
    expect(centsToInput(5)).toBe('0.05');
    expect(centsToInput(null)).toBe('');
    for (const cents of [0, 1, 99, 100, 4999, MAX_CENTS]) expect(parseCents(centsToInput(cents))).toEqual({ cents });
  });
});
