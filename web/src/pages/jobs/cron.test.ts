import { describe, expect, it } from 'vitest';
import { describeCron, ordinal, parseCron, validateCron } from './cron';

describe('describeCron', () => {
  it.each([
    ['* * * * *', 'Every minute'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['0 * * * *', 'Every hour'],
    ['@hourly', 'Every hour'],
    ['0 */2 * * *', 'Every 2 hours'],
    ['15 */2 * * *', 'At minute 15 past every 2nd hour'],
    ['30 * * * *', 'At minute 30 past every hour'],
    ['0 9 * * 1', 'At 09:00 on Monday'],
    ['0 9 * * MON', 'At 09:00 on Monday'],
    ['30 9 * * 1-5', 'At 09:30 on Monday through Friday'],
    ['0 9 * * sat,sun', 'At 09:00 on Saturday and Sunday'],
    ['0 0 * * *', 'At 00:00 every day'],
    ['@daily', 'At 00:00 every day'],
    ['@weekly', 'At 00:00 on Sunday'],
    ['0 9 * * 7', 'At 09:00 on Sunday'],
    ['0 9,17 * * *', 'At 09:00 and 17:00 every day'],
    ['5 4 * * 0', 'At 04:05 on Sunday'],
    ['0 0 1 * *', 'At 00:00 on day 1 of the month'],
    ['@monthly', 'At 00:00 on day 1 of the month'],
    ['0 0 1 1 *', 'At 00:00 on day 1 of the month in January'],
    ['@yearly', 'At 00:00 on day 1 of the month in January'],
    ['0 0 1,15 * *', 'At 00:00 on days 1 and 15 of the month'],
    ['0 0 1-7 * *', 'At 00:00 on days 1 through 7 of the month'],
    ['0 0 */2 * *', 'At 00:00 every 2nd day of the month'],
    ['0 12 * JAN-MAR *', 'At 12:00 in January through March'],
    ['0 12 * 1,7 *', 'At 12:00 in January and July'],
    ['*/15 9-17 * * 1-5', 'Every 15 minutes between 09:00 and 17:59 on Monday through Friday'],
    ['*/5 9 * * *', 'Every 5 minutes between 09:00 and 09:59'],
    ['0,30 * * * *', 'At minutes 0 and 30'],
    ['*/10 */3 * * *', 'Every 10 minutes past every 3rd hour'],
    ['0 9 1 * 1', 'At 09:00 on day 1 of the month or on Monday'],
    ['0 9 L * *', 'At 09:00 on the last day of the month'],
    ['0 9 * * 5L', 'At 09:00 on the last Friday of the month'],
    ['0 9 * * 1#2', 'At 09:00 on the second Monday of the month'],
    ['0 9 15W * *', 'At 09:00 on the weekday nearest day 15'],
    ['0 9 LW * *', 'At 09:00 on the last weekday of the month'],
    ['0 9 1,L * *', 'At 09:00 on day 1 and the last day of the month'],
    ['0 9 * * 1-2#1', 'At 09:00 on the first Monday through Tuesday of the month'],
    ['0 9 * * MON#2', 'At 09:00 on the second Monday of the month'],
    ['0 9 ? * 1', 'At 09:00 on Monday'],
    ['0 9 * * 0-7', 'At 09:00 every day'],
    ['  0   9 * * 1 ', 'At 09:00 on Monday'],
  ])('%s → %s', (expression, words) => {
    expect(describeCron(expression)).toBe(words);
  });

  it('describes nothing it cannot parse', () => {
    expect(describeCron('not cron')).toBeNull();
  });
});

describe('validateCron', () => {
  it('accepts an empty schedule (manual and CI runs only)', () => {
    expect(validateCron('')).toBeNull();
    expect(validateCron('   ')).toBeNull();
  });

  it.each([
    ['* * * *', /5 fields.*this has 4/],
    ['0 * * * * *', /5 fields.*this has 6/],
    ['61 * * * *', /minute: 61 is out of range/],
    ['* 25 * * *', /hour: 25 is out of range/],
    ['0 0 0 * *', /day of month: 0 is out of range/],
    ['0 0 * 13 *', /month: 13 is out of range/],
    ['0 0 * * 8', /day of week: 8 is out of range/],
    ['*/0 * * * *', /step cannot be zero/],
    ['5-1 * * * *', /runs backwards/],
    ['0/5 * * * *', /needs \* or a range/],
    ['hello', /5 fields/],
    ['H * * * *', /"H" is not a number/],
    ['0 9 * * FUNDAY', /not a number or a name/],
    ['@midnight', /Unknown nickname/],
    ['@every 5m', /Unknown nickname/],
    ['0 0 30 2 *', /never fires/],
    ['0 0 31 4,6 *', /never fires/],
    ['1,,2 * * * *', /empty list item/],
    ['0 9 * * 1#6', /#1 to #5/],
    ['0 9 W * *', /"W" is not a number/],
  ])('%s is refused', (expression, message) => {
    expect(validateCron(expression)).toMatch(message);
  });

  it('accepts what croner accepts', () => {
    for (const ok of ['0 0 29 2 *', '0 0 31 1-12 *', '1,2-5/2 * * * *', '0 9 * jan-mar/2 *', '0 9 * * 1-5/2', '@annually', '0 0 30 2 1']) {
      expect(validateCron(ok), ok).toBeNull();
    }
  });

  it('normalises spacing like the server', () => {
    const parsed = parseCron('  */5  *   * * * ');
    expect(parsed.ok && parsed.expression).toBe('*/5 * * * *');
  });
});

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
  ])('%i → %s', (n, text) => expect(ordinal(n)).toBe(text));
});
