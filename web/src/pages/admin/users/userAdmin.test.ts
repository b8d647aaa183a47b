import { describe, expect, it } from 'vitest';
import { banInput, banStatus } from './userAdmin';

describe('user administration', () => {
  it('sends a ban with its reason and end date', () => {
    const input = banInput('u1', { reason: '  spam  ', until: '2030-01-02' });
    expect(input.userId).toBe('u1');
    expect(input.reason).toBe('spam');
    expect(new Date(input.expiresAt as string).getFullYear()).toBe(2030);
    expect(banInput('u1', { reason: '', until: '' })).toEqual({ userId: 'u1', reason: undefined });
  });

  it('says why and for how long a user is banned', () => {
    expect(banStatus({ banReason: 'spam', banExpires: null })).toBe('spam · for good');
    expect(banStatus({ banReason: null, banExpires: null })).toBe('for good');
    expect(banStatus({ banReason: 'x', banExpires: '2030-01-02T00:00:00Z' })).toMatch(/^x · until /);
  });
});
