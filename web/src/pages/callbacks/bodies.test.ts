import { describe, expect, it } from 'vitest';
import { loggedBody, loggedHeaders, payloadText, prettyJsonText, requestLine } from './bodies';

describe('logged bodies', () => {
  it('pretty-prints a JSON body instead of showing it escaped', () => {
    const shown = loggedBody({ body: '{"order":42,"items":[1]}', bodyBase64: false, bodyTruncated: false, bodyBytes: 24 });
    expect(shown.kind).toBe('json');
    expect(shown.text).toBe('{\n  "order": 42,\n  "items": [\n    1\n  ]\n}');
    expect(shown.note).toBeNull();
  });

  it('shows text as it is, binary as base64 and says when only a prefix was kept', () => {
    expect(loggedBody({ body: 'hello' })).toEqual({ text: 'hello', kind: 'text', note: null });
    expect(loggedBody({ body: 'AAEC', bodyBase64: true }).kind).toBe('base64');
    const cut = loggedBody({ body: '{"a": [1, 2', bodyTruncated: true, bodyBytes: 40960 });
    expect(cut.kind).toBe('text');
    expect(cut.note).toBe('Only the first part is kept: 40 KiB in all.');
    expect(loggedBody(null).kind).toBe('empty');
    expect(prettyJsonText('{not json')).toBeNull();
  });

  it('gives the request line with the path’s leading slash', () => {
    expect(requestLine({ method: 'PUT', path: 'orders/42', query: 'a=1' })).toBe('PUT /orders/42?a=1');
    expect(requestLine({ method: 'POST', path: '' })).toBe('POST /');
    expect(requestLine({ method: 'GET', path: '/x' })).toBe('GET /x');
  });

  it('lists headers by name and unwraps JSON payloads', () => {
    expect(loggedHeaders({ headers: { 'x-b': '2', accept: '*/*' } })).toEqual([
      ['accept', '*/*'],
      ['x-b', '2'],
    ]);
    expect(payloadText('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(payloadText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
