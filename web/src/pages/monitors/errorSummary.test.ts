import { describe, expect, it } from 'vitest';
import { resultError, summarizeError } from './errorSummary';

describe('summarizeError', () => {
  it('names the usual connection failures', () => {
    expect(summarizeError('connect', 'error sending request for url (<target>): client error (Connect): tcp connect error: Connection refused (os error 111)')).toBe(
      'Connection refused',
    );
    expect(summarizeError('dns', 'error sending request for url (<target>): client error (Connect): dns error: failed to lookup address information: Name or service not known')).toBe(
      'DNS lookup failed',
    );
    expect(summarizeError('timeout', 'no answer within 30 s')).toBe('Timed out');
    expect(summarizeError('connect', 'connection reset by peer')).toBe('Connection reset');
  });

  it('tells TLS certificate problems apart', () => {
    expect(summarizeError('tls', 'invalid peer certificate: Expired')).toBe('TLS certificate expired');
    expect(summarizeError('tls', 'invalid peer certificate: UnknownIssuer')).toBe('TLS certificate not trusted');
    expect(summarizeError('tls', 'invalid peer certificate: NotValidForName')).toBe('TLS certificate for another name');
    expect(summarizeError('tls', 'received fatal alert: HandshakeFailure')).toBe('TLS handshake failed');
  });

  it('falls back on the class, then on the first clause', () => {
    expect(summarizeError('status', 'status 500 is not one of 200-299')).toBe('Unexpected status code');
    expect(summarizeError('keyword', 'the body does not contain "ok"')).toBe('Keyword check failed');
    expect(summarizeError(null, 'something odd: with details')).toBe('Something odd');
    expect(summarizeError(null, null)).toBeNull();
    expect(summarizeError('', '')).toBeNull();
  });
});

describe('resultError', () => {
  it('keeps the raw text beside the summary', () => {
    expect(resultError({ errorClass: 'connect', error: 'tcp connect error: Connection refused (os error 111)' })).toEqual({
      summary: 'Connection refused',
      raw: 'tcp connect error: Connection refused (os error 111)',
    });
  });
  it('is null for results without an error', () => {
    expect(resultError({ statusCode: 200 })).toBeNull();
    expect(resultError(null)).toBeNull();
    expect(resultError([1])).toBeNull();
  });
});
