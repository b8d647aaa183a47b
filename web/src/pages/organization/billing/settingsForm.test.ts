import { describe, expect, it } from 'vitest';
import type { BillingSettings } from './usageOperations';
import { MAX_EMAILS, emailList, isEmptyInput, toInput, toValues, validateSettings } from './settingsForm';

const settings: BillingSettings = {
  enableSpendingLimit: true,
  monthlySpendingLimitCents: 5000,
  hardStopOnLimit: false,
  notifyAt50Percent: true,
  notifyAt80Percent: true,
  notifyAt90Percent: false,
  notifyAt100Percent: true,
  notificationEmails: ['ops@example.com'],
};

describe('spending-limit form', () => {
  it('shows the settings as editable values', () => {
    expect(toValues(settings)).toMatchObject({ limit: '50', emails: 'ops@example.com', enableSpendingLimit: true });
    expect(toValues({ ...settings, monthlySpendingLimitCents: null, notificationEmails: [] })).toMatchObject({ limit: '', emails: '' });
  });

  it('sends nothing when nothing changed', () => {
    expect(isEmptyInput(toInput(toValues(settings), settings))).toBe(true);
    // The same amount typed another way is no change either.
    expect(toInput({ ...toValues(settings), limit: '50.00', emails: ' ops@example.com \n' }, settings)).toEqual({});
  });

  it('sends only the fields that changed', () => {
    const values = { ...toValues(settings), limit: '75.5', hardStopOnLimit: true, notifyAt90Percent: true };
    expect(toInput(values, settings)).toEqual({ monthlySpendingLimitCents: 7550, hardStopOnLimit: true, notifyAt90Percent: true });
    expect(toInput({ ...toValues(settings), enableSpendingLimit: false }, settings)).toEqual({ enableSpendingLimit: false });
    expect(toInput({ ...toValues(settings), emails: 'a@example.com, b@example.com;A@example.com' }, settings)).toEqual({ notificationEmails: ['a@example.com', 'b@example.com'] });
    expect(toInput({ ...toValues(settings), emails: '' }, settings)).toEqual({ notificationEmails: [] });
  });

  it('keeps the stored limit when the field is emptied while off', () => {
    const off = { ...settings, enableSpendingLimit: false };
    expect(toInput({ ...toValues(off), limit: '' }, off)).toEqual({});
  });

  it('asks for a limit above zero when it is on', () => {
    expect(validateSettings({ ...toValues(settings), limit: '' })).toEqual({ limit: 'Enter a monthly limit to turn the spending limit on' });
    expect(validateSettings({ ...toValues(settings), limit: '0' })).toEqual({ limit: 'A spending limit must be more than zero' });
    expect(validateSettings({ ...toValues(settings), limit: '-3' }).limit).toBeTruthy();
    expect(validateSettings({ ...toValues(settings), enableSpendingLimit: false, limit: '' })).toEqual({});
    expect(validateSettings({ ...toValues(settings), enableSpendingLimit: false, limit: 'abc' }).limit).toBeTruthy();
    expect(validateSettings(toValues(settings))).toEqual({});
  });

  it('refuses addresses that are not email addresses, scripts and oversized lists', () => {
    expect(validateSettings({ ...toValues(settings), emails: 'ops@example.com\nnot-an-address' }).emails).toBe('not-an-address is not an email address');
    expect(validateSettings({ ...toValues(settings), emails: '<script>alert(1)</script>' }).emails).toContain('is not an email address');
    const long = `${'a'.repeat(300)}@example.com`;
    expect(validateSettings({ ...toValues(settings), emails: long }).emails).toMatch(/^a{60}… is not an email address$/);
    const many = Array.from({ length: MAX_EMAILS + 1 }, (_, i) => `u${i}@example.com`).join('\n');
    expect(validateSettings({ ...toValues(settings), emails: many }).emails).toBe(`At most ${MAX_EMAILS} addresses`);
    expect(emailList(' a@x.io ,, b@x.io\n\na@x.io ')).toEqual(['a@x.io', 'b@x.io']);
  });
});
