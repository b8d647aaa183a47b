import { describe, expect, it } from 'vitest';
import { fieldPaths, formErrors } from '../../lib/errors';
import { MONITOR_FIELD_ALIASES, createMonitorInput, dnsResolver, emptyMonitor, monitorSettings, monitorToValues, parentChoices, validateMonitor } from './monitorForm';
import { alertsHeldBy, resultSummary } from './monitorResult';

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
    expect(settings.alert).toEqual({
      enabled: true,
      failureThreshold: 2,
      recoveryThreshold: 3,
      alertOnFailure: true,
      alertOnRecovery: true,
      alertOnSslExpiration: true,
      alertOnTimeout: true,
      customMessage: '',
    });
  });

  it('round-trips locations, aggregation, per-event alert flags and the custom message', () => {
    const stored = {
      name: 'API',
      type: 'HTTP' as const,
      target: 'https://example.com',
      frequencyMinutes: 5,
      enabled: true,
      config: { http: {} },
      tags: [],
      notificationProviderIds: [],
      locations: ['eu-west', 'us-east'],
      aggregation: 'MAJORITY' as const,
      alert: {
        enabled: true,
        failureThreshold: 1,
        recoveryThreshold: 1,
        alertOnFailure: true,
        alertOnRecovery: false,
        alertOnSslExpiration: false,
        alertOnTimeout: true,
        customMessage: '{{monitor.name}} is {{monitor.status}}',
      },
    };
    const values = monitorToValues(stored);
    expect(values).toMatchObject({ locations: ['eu-west', 'us-east'], aggregation: 'MAJORITY' });
    const settings = monitorSettings({ ...values, locations: [' EU-west ', 'us-east', 'eu-west'] });
    expect(settings.locations).toEqual(['eu-west', 'us-east']);
    expect(settings.aggregation).toBe('MAJORITY');
    expect(settings.alert).toMatchObject({ alertOnRecovery: false, alertOnSslExpiration: false, alertOnTimeout: true, customMessage: '{{monitor.name}} is {{monitor.status}}' });
    expect(monitorSettings({ ...values, locations: [] }).locations).toEqual(['default']);
    expect(validateMonitor({ ...values, locations: ['eu west'] }).locations).toMatch(/not a location name/);
    expect(validateMonitor({ ...values, alert: { ...values.alert, customMessage: 'x'.repeat(4001) } })['alert.customMessage']).toBeTruthy();
  });

  it('asks a synthetic monitor for its test and sends no target', () => {
    const values = { ...emptyMonitor(), name: 'Checkout journey', type: 'SYNTHETIC_TEST' as const };
    expect(validateMonitor(values).syntheticTestId).toBe('Choose the test to run');
    const input = createMonitorInput('p1', { ...values, syntheticTestId: 't9' });
    expect(input).toMatchObject({ type: 'SYNTHETIC_TEST', syntheticTestId: 't9', locations: ['default'] });
    expect(input.target).toBeUndefined();
    expect(validateMonitor({ ...values, syntheticTestId: 't9' }).syntheticTestId).toBeUndefined();
    const stored = monitorToValues({
      name: values.name,
      type: values.type,
      target: 't9',
      frequencyMinutes: 5,
      enabled: true,
      config: { synthetic: { testId: 't9' } },
      tags: [],
      notificationProviderIds: [],
      alert: values.alert,
    });
    expect(stored.syntheticTestId).toBe('t9');
    expect(MONITOR_FIELD_ALIASES['synthetic.testId']).toBe('syntheticTestId');
  });
});

describe('DNS monitors', () => {
  const dns = () => ({ ...emptyMonitor(), name: 'MX', type: 'DNS' as const, target: 'example.com' });

  it('sends the record type, expected values one a line, resolver and timeout', () => {
    const values = dns();
    values.dns = { recordType: 'mx', expected: ' mail.example.com \n\n10 mx2.example.com\n', resolver: ' 1.1.1.1:53 ', timeoutSeconds: 5 };
    values.downIntervalSeconds = 30;
    const input = createMonitorInput('p1', values);
    expect(input).toMatchObject({ type: 'DNS', target: 'example.com', downIntervalSeconds: 30, parentIds: [] });
    expect(input.dns).toEqual({ recordType: 'MX', expected: ['mail.example.com', '10 mx2.example.com'], resolver: '1.1.1.1:53', timeoutSeconds: 5 });
    expect(input.http).toBeUndefined();
    expect(input.domain).toBeUndefined();
  });

  it('leaves an empty resolver out and sends the defaults', () => {
    expect(monitorSettings(dns()).dns).toEqual({ recordType: 'A', expected: [], resolver: undefined, timeoutSeconds: 10 });
  });

  it('checks the name, record type, resolver and timeout on their paths', () => {
    expect(validateMonitor(dns())).toEqual({});
    const values = dns();
    values.target = '192.0.2.1';
    values.dns = { recordType: 'PTR', expected: Array.from({ length: 21 }, (_, i) => `v${i}`).join('\n'), resolver: 'dns.google', timeoutSeconds: 61 };
    expect(validateMonitor(values)).toEqual({
      target: 'Enter a domain name (example.com), not an IP address',
      'dns.recordType': 'Use one of A, AAAA, CNAME, MX, NS, TXT, SOA, CAA',
      'dns.expected': 'At most 20 values',
      'dns.resolver': expect.stringMatching(/^Use an IP address/),
      'dns.timeoutSeconds': 'Timeout must be between 1 and 60',
    });
    expect(validateMonitor({ ...dns(), target: '' })).toEqual({ target: 'Domain name is required' });
  });

  it('takes a resolver as ip, ip:port or [ipv6]:port', () => {
    for (const ok of ['', '1.1.1.1', '1.1.1.1:5353', '2606:4700::1111', '[2606:4700::1111]:53']) expect(dnsResolver(ok), ok).toBeNull();
    for (const bad of ['dns.google', '1.1.1.1:0', '1.1.1.1:70000', '300.1.1.1', '[1.1.1.1]:53', 'udp://1.1.1.1']) expect(dnsResolver(bad), bad).not.toBeNull();
  });

  it('loads the stored settings for editing', () => {
    const values = monitorToValues({
      name: 'MX',
      type: 'DNS',
      target: 'example.com',
      frequencyMinutes: 5,
      enabled: true,
      config: { dns: { recordType: 'MX', expected: ['mail.example.com', 'mx2.example.com'], resolver: '9.9.9.9', timeoutSeconds: 7 } },
      downIntervalSeconds: 60,
      parentIds: ['m2'],
      tags: [],
      notificationProviderIds: [],
      alert: { enabled: true, failureThreshold: 1, recoveryThreshold: 1 },
    });
    expect(values.dns).toEqual({ recordType: 'MX', expected: 'mail.example.com\nmx2.example.com', resolver: '9.9.9.9', timeoutSeconds: 7 });
    expect(values.downIntervalSeconds).toBe(60);
    expect(values.parentIds).toEqual(['m2']);
    expect(monitorSettings(values)).toMatchObject({ dns: { recordType: 'MX', expected: ['mail.example.com', 'mx2.example.com'], resolver: '9.9.9.9', timeoutSeconds: 7 }, downIntervalSeconds: 60, parentIds: ['m2'] });
  });
});

describe('domain expiry watch', () => {
  const site = () => ({ ...emptyMonitor(), name: 'Site', type: 'WEBSITE' as const, target: 'https://www.example.com' });

  it('is sent off (0) unless turned on, and with an optional name when on', () => {
    expect(monitorSettings(site()).domain).toEqual({ expiryDays: 0 });
    const values = site();
    values.domain = { enabled: true, expiryDays: 20, name: '' };
    expect(monitorSettings(values).domain).toEqual({ expiryDays: 20, name: undefined });
    values.domain.name = ' example.com ';
    expect(monitorSettings(values).domain).toEqual({ expiryDays: 20, name: 'example.com' });
    // Only website monitors have one.
    expect(monitorSettings({ ...values, type: 'HTTP' }).domain).toBeUndefined();
  });

  it('checks the days and the name when on', () => {
    const values = site();
    values.domain = { enabled: true, expiryDays: 400, name: 'localhost' };
    expect(validateMonitor(values)).toEqual({ 'domain.expiryDays': 'Days must be between 1 and 365', 'domain.name': 'Use a registered domain name like example.com' });
    values.domain = { enabled: true, expiryDays: '', name: '10.0.0.1' };
    expect(validateMonitor(values)).toEqual({ 'domain.expiryDays': 'Days is required', 'domain.name': 'Enter a domain name (example.com), not an IP address' });
    // Not checked while off.
    values.domain.enabled = false;
    expect(validateMonitor(values)).toEqual({});
  });

  it('loads on when stored, off when not', () => {
    const stored = {
      name: 'Site',
      type: 'WEBSITE' as const,
      target: 'https://www.example.com',
      frequencyMinutes: 5,
      enabled: true,
      config: { http: {}, tls: { expiryDays: 14 }, domain: { expiryDays: 45, name: 'example.com' } },
      tags: [],
      notificationProviderIds: [],
      alert: { enabled: true, failureThreshold: 1, recoveryThreshold: 1 },
    };
    expect(monitorToValues(stored).domain).toEqual({ enabled: true, expiryDays: 45, name: 'example.com' });
    expect(monitorToValues({ ...stored, config: { http: {} } }).domain).toEqual({ enabled: false, expiryDays: 30, name: '' });
    // Older monitors come back without the new fields.
    expect(monitorToValues(stored)).toMatchObject({ downIntervalSeconds: '', parentIds: [] });
  });
});

describe('check again sooner while failing', () => {
  const http = () => ({ ...emptyMonitor(), name: 'API', target: 'https://example.com' });

  it('is 20 to 86400 seconds; empty or 0 is off and sent as 0', () => {
    for (const ok of ['' as const, 0, 20, 86400]) expect(validateMonitor({ ...http(), downIntervalSeconds: ok }), String(ok)).toEqual({});
    for (const bad of [19, 86401, 30.5]) expect(validateMonitor({ ...http(), downIntervalSeconds: bad })).toEqual({ downIntervalSeconds: 'Use 20 to 86400 seconds (empty or 0 turns it off)' });
    expect(monitorSettings(http()).downIntervalSeconds).toBe(0);
    expect(monitorSettings({ ...http(), downIntervalSeconds: 45 }).downIntervalSeconds).toBe(45);
  });

  it('is neither checked nor sent for heartbeats', () => {
    const values = { ...emptyMonitor(), name: 'Nightly', type: 'HEARTBEAT' as const, downIntervalSeconds: 5 };
    expect(validateMonitor(values)).toEqual({});
    expect(monitorSettings(values).downIntervalSeconds).toBeUndefined();
  });
});

describe('depends on', () => {
  it('offers the other monitors of the project, not the one being edited', () => {
    const monitors = [
      { id: 'm1', name: 'API' },
      { id: 'm2', name: 'Database' },
    ];
    expect(parentChoices(monitors, 'm1')).toEqual([{ value: 'm2', label: 'Database' }]);
    expect(parentChoices(monitors)).toHaveLength(2);
  });

  it('sends the whole list, so removing every parent clears it, and allows at most 10', () => {
    const values = { ...emptyMonitor(), name: 'API', target: 'https://example.com' };
    expect(monitorSettings(values).parentIds).toEqual([]);
    values.parentIds = Array.from({ length: 11 }, (_, i) => `m${i}`);
    expect(validateMonitor(values)).toEqual({ parentIds: 'At most 10 monitors' });
  });
});

describe('server errors on the new fields', () => {
  it('land on the fields the server names', () => {
    const paths = fieldPaths(emptyMonitor());
    const errors = ['dns.recordType', 'dns.resolver', 'dns.timeoutSeconds', 'dns.expected', 'domain.expiryDays', 'domain.name', 'input.downIntervalSeconds', 'parentIds'].map((field) => ({
      code: 'BAD_USER_INPUT' as const,
      field,
      message: `bad ${field}`,
    }));
    const split = formErrors(errors, paths, MONITOR_FIELD_ALIASES);
    expect(split.general).toEqual([]);
    expect(Object.keys(split.fields).sort()).toEqual(['dns.expected', 'dns.recordType', 'dns.resolver', 'dns.timeoutSeconds', 'domain.expiryDays', 'domain.name', 'downIntervalSeconds', 'parentIds']);
  });
});

describe('result details', () => {
  it('shows DNS answers, domain expiry and what holds alerts back', () => {
    expect(resultSummary({ recordType: 'A', answers: ['192.0.2.1', '192.0.2.2'], resolver: 'system' })).toBe('A: 192.0.2.1, 192.0.2.2');
    expect(resultSummary({ recordType: 'MX', answers: [], errorClass: 'dns_mismatch', error: 'mail.example.com is not among the answers' })).toBe(
      'MX: no answers · mail.example.com is not among the answers',
    );
    expect(resultSummary({ statusCode: 200, domain: 'example.com', domainDaysLeft: 12, domainExpiring: true })).toBe('HTTP 200 · domain example.com expires in 12 days (soon)');
    expect(resultSummary({ statusCode: 200, domainError: 'no RDAP server' })).toBe('HTTP 200 · domain: no RDAP server');
    const details = { statusCode: 500, alertsHeldBy: { monitorId: 'm2', name: 'Database', reason: 'Database is down, and this monitor depends on it' } };
    expect(alertsHeldBy(details)).toEqual({ monitorId: 'm2', name: 'Database' });
    expect(alertsHeldBy({ statusCode: 200 })).toBeNull();
    expect(alertsHeldBy(null)).toBeNull();
  });
});
