import { describe, expect, it } from 'vitest';
import * as v from './validate';

describe('validators', () => {
  it('checks emails', () => {
    expect(v.email('ann@example.com')).toBeNull();
    expect(v.email(' ann@example.com ')).toBeNull();
    expect(v.email('')).toBe('Email is required');
    expect(v.email('ann@')).not.toBeNull();
    expect(v.email('a b@example.com')).not.toBeNull();
  });

  it('mirrors the server password policy', () => {
    expect(v.password('correct horse battery')).toBeNull();
    expect(v.password('short')).toMatch(/at least 8/);
    expect(v.password('aaaaaaaaab')).toMatch(/repetitive/);
    expect(v.password('ann@example.com', 'Ann@Example.com')).toMatch(/email/);
    expect(v.password('x'.repeat(200) + 'abcd'.repeat(20))).toMatch(/at most/);
  });

  it('accepts only http and https URLs with a host', () => {
    expect(v.httpUrl('https://example.com/health')).toBeNull();
    expect(v.httpUrl('ftp://example.com')).toMatch(/http/);
    expect(v.httpUrl('example.com')).toMatch(/full URL/);
    expect(v.httpUrl('')).toMatch(/required/);
  });

  it('checks hosts, ranges and status codes', () => {
    expect(v.host('db.internal')).toBeNull();
    expect(v.host('https://db')).not.toBeNull();
    expect(v.intInRange(5, 1, 10, 'N')).toBeNull();
    expect(v.intInRange(0, 1, 10, 'N')).toBe('N must be between 1 and 10');
    expect(v.intInRange(1.5, 1, 10, 'N')).toBe('N must be a whole number');
    expect(v.intInRange('', 1, 10, 'N')).toBe('N is required');
    expect(v.statusCodes(['200', '200-299', '2xx', '301'])).toBeNull();
    expect(v.statusCodes(['299-200'])).not.toBeNull();
    expect(v.statusCodes(['600'])).not.toBeNull();
    expect(v.statusCodes(['ok'])).not.toBeNull();
  });

  it('checks JSON paths, colours and variable keys like the server', () => {
    expect(v.jsonPath('$.status')).toBeNull();
    expect(v.jsonPath('$.items[0].ok')).toBeNull();
    expect(v.jsonPath('')).toBeNull();
    expect(v.jsonPath('status')).not.toBeNull();
    expect(v.color('#22aa88')).toBeNull();
    expect(v.color('red')).not.toBeNull();
    expect(v.variableKey('API_BASE_URL')).toBeNull();
    expect(v.variableKey('_x1')).toBeNull();
    expect(v.variableKey('1X')).not.toBeNull();
    expect(v.variableKey('A-B')).not.toBeNull();
  });

  it('refuses reserved and malformed custom paths', () => {
    const reserved = ['monitors', 't', 'graphql'];
    expect(v.customPath('hooks/github', reserved)).toBeNull();
    expect(v.customPath('/hooks/github/', reserved)).toBeNull();
    expect(v.customPath('', reserved)).toBeNull();
    expect(v.customPath('monitors/x', reserved)).toMatch(/reserved/);
    expect(v.customPath('T/abc', reserved)).toMatch(/reserved/);
    expect(v.customPath('a', reserved)).toMatch(/2 to 100/);
    expect(v.customPath('a//b', reserved)).toMatch(/empty/);
    expect(v.customPath('a b', reserved)).not.toBeNull();
  });

  it('parses JSON objects only', () => {
    expect(v.jsonObject('{"a": 1}')).toBeNull();
    expect(v.jsonObject('[1]')).toMatch(/object/);
    expect(v.jsonObject('{')).toMatch(/not valid JSON/);
    expect(v.jsonObject('')).toMatch(/required/);
  });
});
