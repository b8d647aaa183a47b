import { describe, expect, it } from 'vitest';
import { retryDelay } from './client';

describe('reconnecting', () => {
  it('backs off with jitter up to 10 s', () => {
    expect(retryDelay(0, () => 0)).toBe(250);
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(3, () => 1)).toBe(4000);
    expect(retryDelay(10, () => 1)).toBe(10_000);
  });
});
