import { describe, expect, it } from 'vitest';
import type { StatusPageFieldsFragment } from '../../gql/graphql';
import { domainError, settingsInput, settingsToValues, subdomain, timezone, timezones, validateSettings } from './settingsForm';

const page = {
  name: 'Acme',
  subdomain: 'acme',
  headline: null,
  description: 'We keep things running.',
  supportUrl: null,
  timezone: 'Europe/Paris',
  theme: 'AUTO',
  hiddenFromSearch: false,
  allowPageSubscribers: true,
  allowIncidentSubscribers: true,
  allowEmailSubscribers: true,
  allowSmsSubscribers: false,
  allowWebhookSubscribers: false,
  notificationsFromEmail: null,
  notificationsEmailFooter: null,
  cssBodyBackgroundColor: null,
  cssFontColor: null,
  cssLightFontColor: null,
  cssGreens: '#00aa00',
  cssYellows: null,
  cssOranges: null,
  cssBlues: null,
  cssReds: null,
  cssBorderColor: null,
  cssGraphColor: null,
  cssLinkColor: null,
  cssNoData: null,
} as unknown as StatusPageFieldsFragment;

describe('status page settings', () => {
  it('reads the page with empty strings for what is not set', () => {
    const values = settingsToValues(page);
    expect(values.headline).toBe('');
    expect(values.cssGreens).toBe('#00aa00');
    expect(values.theme).toBe('AUTO');
    expect(values.allowSmsSubscribers).toBe(false);
  });

  it('sends only what changed, emptied texts as "" to clear them', () => {
    const initial = settingsToValues(page);
    expect(settingsInput(initial, { ...initial })).toBeNull();
    expect(settingsInput(initial, { ...initial, headline: '  Fast and calm  ', cssGreens: '', theme: 'DARK', allowSmsSubscribers: true })).toEqual({
      headline: 'Fast and calm',
      cssGreens: '',
      theme: 'DARK',
      allowSmsSubscribers: true,
    });
    // Spaces added around a value are not a change.
    expect(settingsInput(initial, { ...initial, name: ' Acme ' })).toBeNull();
    expect(settingsInput(initial, { ...initial, subdomain: 'Acme-Cloud' })).toEqual({ subdomain: 'acme-cloud' });
  });

  it('checks subdomains as the server does', () => {
    expect(subdomain('acme')).toBeNull();
    expect(subdomain('')).toBe('Subdomain is required');
    expect(subdomain('', false)).toBeNull();
    expect(subdomain('ab')).toMatch(/3 to 63/);
    expect(subdomain('a'.repeat(64))).toMatch(/3 to 63/);
    expect(subdomain('-acme')).toMatch(/start or end/);
    expect(subdomain('acme_cloud')).toMatch(/lowercase/);
    expect(subdomain('<script>')).toMatch(/lowercase/);
  });

  it('catches obvious custom domain mistakes, leaving the rest to the server', () => {
    expect(domainError('status.example.com')).toBeNull();
    expect(domainError('Status.Example.com.')).toBeNull();
    expect(domainError('')).toMatch(/Enter a host name/);
    expect(domainError('https://status.example.com/')).toMatch(/no scheme, port or path/);
    expect(domainError('status.example.com:8443')).toMatch(/no scheme, port or path/);
    expect(domainError('localhost')).toMatch(/full host name/);
  });

  it('knows time zones', () => {
    expect(timezone('')).toBeNull();
    expect(timezone('America/New_York')).toBeNull();
    expect(timezone('Mars/Olympus_Mons')).toMatch(/Not a time zone/);
    expect(timezones()[0]).toBe('UTC');
    expect(timezones()).toContain('Europe/Paris');
  });

  it('refuses what the server would, by field', () => {
    const initial = settingsToValues(page);
    const errors = validateSettings({
      ...initial,
      name: '',
      supportUrl: 'javascript:alert(1)',
      cssReds: 'red; background: url(x)',
      cssBlues: '#12345',
      description: 'x'.repeat(5001),
      notificationsEmailFooter: 'x'.repeat(2001),
      notificationsFromEmail: 'not an address',
      timezone: 'Nowhere',
    });
    expect(Object.keys(errors).sort()).toEqual(['cssBlues', 'cssReds', 'description', 'name', 'notificationsEmailFooter', 'notificationsFromEmail', 'supportUrl', 'timezone']);
    expect(validateSettings(initial)).toEqual({});
  });
});
