import { describe, expect, it } from 'vitest';
import { validateProviderConfig, providerConfig } from './providers';

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
