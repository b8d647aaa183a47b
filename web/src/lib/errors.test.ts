import { describe, expect, it } from 'vitest';
import { apiErrors, fieldPaths, formErrors, normaliseField } from './errors';

const combined = (errors: { message: string; extensions?: Record<string, unknown> }[], networkError?: Error) =>
  ({ graphQLErrors: errors, networkError }) as unknown as Parameters<typeof apiErrors>[0];

describe('apiErrors', () => {
  it('reads the code and the field of each error', () => {
    const errors = apiErrors(
      combined([
        { message: 'must be between 1 and 60 seconds', extensions: { code: 'BAD_USER_INPUT', field: 'http.timeoutSeconds' } },
        { message: 'no', extensions: { code: 'FORBIDDEN' } },
      ]),
    );
    expect(errors).toEqual([
      { message: 'must be between 1 and 60 seconds', code: 'BAD_USER_INPUT', field: 'http.timeoutSeconds' },
      { message: 'no', code: 'FORBIDDEN' },
    ]);
  });

  it('treats an unknown or missing code as internal', () => {
    expect(apiErrors(combined([{ message: 'x', extensions: { code: 'WHAT' } }, { message: 'y' }])).map((e) => e.code)).toEqual(['INTERNAL', 'INTERNAL']);
  });

  it('reports a network failure when there is no GraphQL error', () => {
    expect(apiErrors(combined([], new Error('offline')))[0].code).toBe('NETWORK');
    expect(apiErrors(undefined)).toEqual([]);
  });
});

describe('formErrors', () => {
  const fields = fieldPaths({ name: '', target: '', http: { timeoutSeconds: 30, headers: [] }, config: { url: '' } });

  it('puts a field error on the field the server names', () => {
    const out = formErrors([{ code: 'BAD_USER_INPUT', field: 'http.timeoutSeconds', message: 'too long' }], fields);
    expect(out).toEqual({ fields: { 'http.timeoutSeconds': 'too long' }, general: [] });
  });

  it('falls back to the closest parent the form has', () => {
    const out = formErrors([{ code: 'BAD_USER_INPUT', field: 'http.headers.2.name', message: 'bad name' }], fields);
    expect(out.fields).toEqual({ 'http.headers': 'bad name' });
  });

  it('keeps errors of fields the form does not have, and other codes, for the whole form', () => {
    const out = formErrors(
      [
        { code: 'BAD_USER_INPUT', field: 'locations', message: 'unknown location' },
        { code: 'CONFLICT', message: 'already exists' },
        { code: 'BAD_USER_INPUT', message: 'Unknown field "x"' },
      ],
      fields,
    );
    expect(out.fields).toEqual({});
    expect(out.general).toEqual(['locations: unknown location', 'already exists', 'Unknown field "x"']);
  });

  it('strips an input. prefix and applies aliases', () => {
    expect(normaliseField('input.name')).toBe('name');
    const out = formErrors([{ code: 'BAD_USER_INPUT', field: 'synthetic.testId', message: 'no such test' }], ['type'], { 'synthetic.testId': 'type' });
    expect(out.fields).toEqual({ type: 'no such test' });
  });

  it('joins two errors on one field', () => {
    const out = formErrors(
      [
        { code: 'BAD_USER_INPUT', field: 'name', message: 'a' },
        { code: 'BAD_USER_INPUT', field: 'name', message: 'b' },
      ],
      ['name'],
    );
    expect(out.fields.name).toBe('a; b');
  });
});

describe('fieldPaths', () => {
  it('lists nested object paths and treats arrays as leaves', () => {
    expect(fieldPaths({ a: 1, b: { c: 2, d: [1, 2] } })).toEqual(['a', 'b', 'b.c', 'b.d']);
  });
});
