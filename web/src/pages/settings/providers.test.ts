import { describe, expect, it } from 'vitest';
import { changedProviderConfig, validateProviderConfig, providerConfig } from './providers';

describe('notification provider settings', () => {
  it('requires the settings of the type under config.<key>', () => {
    expect(validateProviderConfig('TELEGRAM', { botToken: '' })).toEqual({ 'config.botToken': 'Bot token is required', 'config.chatId': 'Chat ID is required' });
    expect(validateProviderConfig('SLACK', { webhookUrl: 'nope' })['config.webhookUrl']).toMatch(/full URL/);
    expect(validateProviderConfig('EMAIL', { to: 'ops@example.com' })).toEqual({});
  });

  it('sends only the keys of the type', () => {
    expect(providerConfig('WEBHOOK', { url: ' https://x.test ', secret: '', webhookUrl: 'left over' })).toEqual({ url: 'https://x.test' });
  });
});

describe('editing a provider', () => {
  it('sends only what changed, null for a cleared optional key, and does not re-check masked secrets', () => {
    const stored = { url: 'https://example.com/hook', secret: 'wh****ab' };
    expect(validateProviderConfig('WEBHOOK', { url: 'https://example.com/hook', secret: 'wh****ab' }, stored)).toEqual({});
    expect(changedProviderConfig('WEBHOOK', { url: 'https://example.com/other', secret: 'wh****ab' }, stored)).toEqual({ url: 'https://example.com/other' });
    expect(changedProviderConfig('WEBHOOK', { url: 'https://example.com/hook', secret: '' }, stored)).toEqual({ secret: null });
    expect(validateProviderConfig('WEBHOOK', { url: 'not a url', secret: 'wh****ab' }, stored)['config.url']).toBeTruthy();
  });
});
