import { describe, expect, it } from 'vitest';
import { ACTION_ERROR_ALIASES, MASK, actionConfigFromForm, actionFormDefaults, actionFormFromConfig, splitList, summariseAction, validateActionForm } from './actionForm';

describe('action forms', () => {
  it('reads an HTTP POST config back into its form and writes the same config', () => {
    const config = { url: 'https://example.com/hook', headers: { Authorization: MASK, 'X-Team': 'ops' }, body: '{"a": {{request.body}} }', secret: MASK, maxAttempts: 4, retryDelaySeconds: 30 };
    const form = actionFormFromConfig('HTTP_POST', config);
    expect(form.url).toBe('https://example.com/hook');
    expect(form.headers).toEqual([
      { name: 'Authorization', value: MASK },
      { name: 'X-Team', value: 'ops' },
    ]);
    expect(form.maxAttempts).toBe(4);
    expect(actionConfigFromForm('HTTP_POST', form)).toEqual(config);
    expect(validateActionForm('HTTP_POST', form)).toEqual({});
  });

  it('refuses what the server refuses for an HTTP POST', () => {
    const form = { ...actionFormDefaults('HTTP_POST'), url: 'ftp://x', secret: 'short', headers: [{ name: 'Webhook-Signature', value: 'x' }, { name: 'bad name', value: 'x' }], maxAttempts: 11 };
    const errors = validateActionForm('HTTP_POST', form);
    expect(errors.url).toMatch(/http/);
    expect(errors.secret).toMatch(/8 characters/);
    expect(errors['headers.0.name']).toMatch(/signs/);
    expect(errors['headers.1.name']).toMatch(/valid/);
    expect(errors.maxAttempts).toMatch(/between 1 and 10/);
  });

  it('keeps a masked secret as it is (the server keeps the stored value)', () => {
    const form = { ...actionFormDefaults('HTTP_POST'), url: 'https://example.com', secret: MASK };
    expect(validateActionForm('HTTP_POST', form)).toEqual({});
    expect(actionConfigFromForm('HTTP_POST', form).secret).toBe(MASK);
  });

  it('writes Slack settings with a webhook URL or a credential, never both', () => {
    const direct = { ...actionFormDefaults('SLACK'), webhookUrl: 'https://hooks.slack.com/services/T/B/X', credentialId: 'c1' };
    expect(actionConfigFromForm('SLACK', direct)).toEqual({ channel: { webhookUrl: 'https://hooks.slack.com/services/T/B/X' }, message: 'Triggered: {{request.body}}', maxAttempts: 3, retryDelaySeconds: 5 });
    const viaCredential = { ...direct, useCredential: true };
    expect(actionConfigFromForm('SLACK', viaCredential).channel).toEqual({ credentialId: 'c1' });
    expect(validateActionForm('SLACK', { ...direct, webhookUrl: '' }).webhookUrl).toMatch(/required/);
    expect(validateActionForm('SLACK', { ...viaCredential, credentialId: '' }).credentialId).toMatch(/required/);
    expect(actionFormFromConfig('SLACK', { channel: { credentialId: 'c1' }, message: 'm' }).useCredential).toBe(true);
  });

  it('splits email recipients and checks each', () => {
    expect(splitList('a@example.com, b@example.com\nc@example.com,')).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    const form = { ...actionFormDefaults('EMAIL'), to: 'a@example.com, nope' };
    expect(validateActionForm('EMAIL', form).to).toMatch(/"nope"/);
    const ok = { ...form, to: 'a@example.com, b@example.com' };
    expect(validateActionForm('EMAIL', ok)).toEqual({});
    expect(actionConfigFromForm('EMAIL', ok)).toEqual({ channel: { to: ['a@example.com', 'b@example.com'] }, subject: 'Callback triggered', message: '{{request.body}}', maxAttempts: 3, retryDelaySeconds: 5 });
    // A sender only goes with SendGrid, as the server says.
    expect(validateActionForm('EMAIL', { ...ok, from: 'Ops <ops@example.com>' }).from).toMatch(/SendGrid/);
    expect(validateActionForm('EMAIL', { ...ok, from: 'Ops <ops@example.com>', sendgridApiKey: 'SG.x' }).from).toBeUndefined();
    expect(actionFormFromConfig('EMAIL', { channel: { to: ['a@example.com', 'b@example.com'] } }).to).toBe('a@example.com, b@example.com');
  });

  it('checks SMS numbers in the international format', () => {
    const form = { ...actionFormDefaults('SMS'), accountSid: 'AC' + '0'.repeat(32), authToken: 'token', from: '+14155550100', to: '+14155550101, 555' };
    expect(validateActionForm('SMS', form).to).toMatch(/"555"/);
    const ok = { ...form, to: '+14155550101' };
    expect(validateActionForm('SMS', ok)).toEqual({});
    expect(actionConfigFromForm('SMS', ok).channel).toEqual({ accountSid: 'AC' + '0'.repeat(32), authToken: 'token', from: '+14155550100', to: ['+14155550101'] });
    expect(validateActionForm('SMS', { ...ok, accountSid: 'nope' }).accountSid).toMatch(/AC/);
  });

  it('checks queue names and leaves an empty store key out', () => {
    expect(validateActionForm('QUEUE', { ...actionFormDefaults('QUEUE'), queue: 'Bad Name' }).queue).toMatch(/a-z/);
    expect(validateActionForm('QUEUE', { ...actionFormDefaults('QUEUE'), queue: '' }).queue).toMatch(/required/);
    expect(actionConfigFromForm('QUEUE', actionFormDefaults('QUEUE'))).toEqual({ queue: 'events', maxAttempts: 3, retryDelaySeconds: 5 });
    expect(actionConfigFromForm('STORE', actionFormDefaults('STORE'))).toEqual({ maxAttempts: 3, retryDelaySeconds: 5 });
  });

  it('puts server errors on the form fields', () => {
    expect(ACTION_ERROR_ALIASES['config.channel.webhookUrl']).toBe('webhookUrl');
    expect(ACTION_ERROR_ALIASES['config.url']).toBe('url');
  });

  it('summarises an action in one line', () => {
    expect(summariseAction('QUEUE', { queue: 'events' })).toBe('to queue events');
    expect(summariseAction('EMAIL', { channel: { to: ['a@example.com'] } })).toBe('to a@example.com');
    expect(summariseAction('STORE', {})).toBe('every payload');
  });
});
