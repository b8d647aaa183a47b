import { describe, expect, it } from 'vitest';
import { signatureErrors, signatureInput, signatureValues } from './signature';

const stored = { mode: 'HMAC' as const, secretConfigured: true, header: 'x-sig', encoding: 'BASE64' as const, prefix: 'sha256=' };

describe('signatureValues', () => {
  it('shows the stored mode and HMAC settings, never a secret', () => {
    expect(signatureValues(stored)).toEqual({
      signatureMode: 'HMAC',
      signatureSecret: '',
      signatureHeader: 'x-sig',
      signatureEncoding: 'BASE64',
      signaturePrefix: 'sha256=',
    });
    expect(signatureValues(null).signatureMode).toBe('NONE');
  });
});

describe('signatureInput', () => {
  it('sends nothing without a mode on create, and null to remove one on update', () => {
    expect(signatureInput(signatureValues(null), false)).toBeUndefined();
    expect(signatureInput(signatureValues(null), true)).toBeNull();
  });

  it('keeps the stored secret when the field is left empty', () => {
    expect(signatureInput(signatureValues(stored), true)).toEqual({ mode: 'HMAC', header: 'x-sig', encoding: 'BASE64', prefix: 'sha256=' });
  });

  it('sends only what the mode takes', () => {
    const values = { ...signatureValues(stored), signatureMode: 'GITHUB' as const, signatureSecret: ' gh-secret-1 ' };
    expect(signatureInput(values, true)).toEqual({ mode: 'GITHUB', secret: 'gh-secret-1' });
  });
});

describe('signatureErrors', () => {
  it('asks for a secret only when none is configured', () => {
    const values = { ...signatureValues(null), signatureMode: 'STRIPE' as const };
    expect(signatureErrors(values, false).signatureSecret).toBeTruthy();
    expect(signatureErrors(values, true)).toEqual({});
    expect(signatureErrors({ ...values, signatureSecret: 'short' }, true).signatureSecret).toBeTruthy();
  });

  it('refuses header names that could smuggle another header, and bad whsec_ secrets', () => {
    const hmac = { ...signatureValues(null), signatureMode: 'HMAC' as const, signatureSecret: 'a-long-secret' };
    expect(signatureErrors(hmac, false).signatureHeader).toBeTruthy();
    expect(signatureErrors({ ...hmac, signatureHeader: 'X-Sig\r\nHost: evil' }, false).signatureHeader).toBeTruthy();
    expect(signatureErrors({ ...hmac, signatureHeader: 'X-Sig' }, false)).toEqual({});
    const sw = { ...signatureValues(null), signatureMode: 'STANDARD_WEBHOOKS' as const, signatureSecret: 'whsec_<script>' };
    expect(signatureErrors(sw, false).signatureSecret).toBeTruthy();
  });
});
