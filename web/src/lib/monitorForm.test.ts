import { describe, expect, it } from 'vitest';
import { createMonitorInput, emptyMonitor, monitorSettings, monitorToValues, validateMonitor } from './monitorForm';

describe('validateMonitor', () => {
  it('asks for a URL on HTTP monitors and a host on port monitors', () => {
    const http = { ...emptyMonitor(), name: 'API' };
    expect(validateMonitor(http)).toEqual({ target: 'URL is required' });
    const port = { ...emptyMonitor(), name: 'DB', type: 'PORT' as const, target: 'db.internal' };
    expect(validateMonitor(port)).toEqual({ 'port.port': 'Port is required' });
    expect(validateMonitor({ ...port, port: { ...port.port, port: 5432 } })).toEqual({});
  });

  it('checks the HTTP settings on their form paths', () => {
    const values = emptyMonitor();
    values.name = 'API';
    values.target = 'https://example.com';
    values.http.timeoutSeconds = 0;
    values.http.expectedStatusCodes = '200, abc';
    values.http.jsonExpected = 'ok';
    values.http.headers = [{ name: 'Bad Header', value: 'x' }];
    expect(validateMonitor(values)).toEqual({
      'http.timeoutSeconds': 'Timeout must be between 1 and 60',
      'http.expectedStatusCodes': '"abc" is not a status code, range (200-299) or class (2xx)',
      'http.jsonExpected': 'An expected value needs a JSON path',
      'http.headers.0.name': 'Not a valid header name',
    });
  });

  it('needs no target for heartbeats', () => {
    expect(validateMonitor({ ...emptyMonitor(), name: 'Nightly', type: 'HEARTBEAT' })).toEqual({});
  });
});

describe('monitor input', () => {
  it('sends only the settings of the chosen type', () => {
    const values = { ...emptyMonitor(), name: ' DB ', type: 'PORT' as const, target: 'db.internal' };
    values.port.port = 5432;
    const input = createMonitorInput('p1', values);
    expect(input).toMatchObject({ projectId: 'p1', type: 'PORT', name: 'DB', target: 'db.internal', port: { port: 5432, tls: false, timeoutSeconds: 10 } });
    expect(input.http).toBeUndefined();
    expect(input.ping).toBeUndefined();
  });

  it('splits status codes and leaves empty optional fields out', () => {
    const values = { ...emptyMonitor(), name: 'API', target: 'https://example.com' };
    values.http.expectedStatusCodes = '200 , 301\n2xx';
    const settings = monitorSettings(values);
    expect(settings.http?.expectedStatusCodes).toEqual(['200', '301', '2xx']);
    expect(settings.http?.keyword).toBeUndefined();
    expect(settings.http?.keywordMode).toBeUndefined();
    expect(settings.tls).toBeUndefined();
  });

  it('round-trips a stored monitor through the form', () => {
    const stored = {
      name: 'Site',
      description: null,
      type: 'WEBSITE' as const,
      target: 'https://example.com',
      frequencyMinutes: 10,
      enabled: true,
      config: {
        http: { method: 'POST', expectedStatusCodes: ['200-299'], keyword: 'ok', keywordMode: 'absent', timeoutSeconds: 12, followRedirects: false, headers: [{ name: 'Authorization', value: '********' }] },
        tls: { expiryDays: 30 },
      },
      tags: [{ id: 't1' }],
      notificationProviderIds: ['n1'],
      alert: { enabled: true, failureThreshold: 2, recoveryThreshold: 3 },
    };
    const values = monitorToValues(stored);
    expect(values.http).toMatchObject({ method: 'POST', keywordMode: 'ABSENT', timeoutSeconds: 12, followRedirects: false, expectedStatusCodes: '200-299' });
    const settings = monitorSettings(values);
    // Masked secrets go back as they came, so the server keeps the stored value.
    expect(settings.http?.headers).toEqual([{ name: 'Authorization', value: '********' }]);
    expect(settings.tls).toEqual({ expiryDays: 30 });
    expect(settings.tagIds).toEqual(['t1']);
    expect(settings.alert).toEqual({ enabled: true, failureThreshold: 2, recoveryThreshold: 3 });
  });
});
