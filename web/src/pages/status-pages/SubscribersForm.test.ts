import { describe, expect, it } from 'vitest';
import { EMPTY_SUBSCRIBER, addressOf, allowedModes, csvFileName, metricsSummary, subscriberInput, validateSubscriber } from './SubscribersForm';

describe('the add-subscriber form', () => {
  it('checks the address of the chosen kind only', () => {
    expect(validateSubscriber({ ...EMPTY_SUBSCRIBER, email: 'ann@example.com' })).toEqual({});
    expect(validateSubscriber({ ...EMPTY_SUBSCRIBER, email: 'nope' })).toHaveProperty('email');
    const sms = { ...EMPTY_SUBSCRIBER, mode: 'SMS' as const };
    expect(validateSubscriber({ ...sms, phoneNumber: '+1 (415) 555-0123', phoneCountry: 'us' })).toEqual({});
    expect(validateSubscriber({ ...sms, phoneNumber: '4155550123', phoneCountry: 'USA' })).toEqual({
      phoneNumber: expect.any(String),
      phoneCountry: expect.any(String),
    });
    const hook = { ...EMPTY_SUBSCRIBER, mode: 'WEBHOOK' as const };
    expect(validateSubscriber({ ...hook, endpoint: 'ftp://x.example' })).toHaveProperty('endpoint');
    expect(validateSubscriber({ ...hook, endpoint: `https://x.example/${'a'.repeat(260)}` })).toHaveProperty('endpoint');
    expect(validateSubscriber({ ...hook, endpoint: 'https://hooks.example.com/x' })).toEqual({});
  });

  it('sends only the address of the chosen kind', () => {
    const values = { ...EMPTY_SUBSCRIBER, mode: 'SMS' as const, email: 'left@over.com', phoneNumber: '+33 6 12 34 56 78', phoneCountry: 'fr ' };
    expect(subscriberInput('p', values)).toEqual({
      statusPageId: 'p',
      mode: 'SMS',
      componentIds: [],
      skipConfirmationNotification: false,
      phoneNumber: '+33612345678',
      phoneCountry: 'FR',
    });
  });

  it('offers the kinds the page takes', () => {
    expect(allowedModes({ allowEmailSubscribers: true, allowSmsSubscribers: false, allowWebhookSubscribers: true })).toEqual(['EMAIL', 'WEBHOOK', 'SLACK']);
  });
});

describe('the screen', () => {
  it('names the export after the page and the day', () => {
    expect(csvFileName('acme', new Date('2026-12-10T23:00:00Z'))).toBe('acme-subscribers-2026-12-10.csv');
  });

  it('sums views and takes the newest counts', () => {
    const days = [
      { pageViews: 3, subscribers: 1, pendingSubscribers: 0, quarantinedSubscribers: 0 },
      { pageViews: 4, subscribers: 2, pendingSubscribers: 1, quarantinedSubscribers: 1 },
      { pageViews: 5, subscribers: null },
    ];
    expect(metricsSummary(days)).toEqual({ views: 12, subscribers: 2, pending: 1, quarantined: 1 });
    expect(metricsSummary([])).toEqual({ views: 0, subscribers: null, pending: null, quarantined: null });
  });

  it('shows each kind by its address', () => {
    expect(addressOf({ mode: 'SMS', phoneNumber: '+14155550123', phoneCountry: 'US' })).toBe('+14155550123 (US)');
    expect(addressOf({ mode: 'SLACK', endpoint: 'https://hooks.slack.com/x' })).toBe('https://hooks.slack.com/x');
  });
});
