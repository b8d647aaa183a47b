import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SsoButtonList } from '../pages/auth/SsoButtons';
import { ssoButtons, ssoError } from './sso';

const render = (providers: { id: string; name: string }[]) =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(SsoButtonList, { providers })));

describe('single sign-on buttons', () => {
  it('are one link per provider, in order, to its start route', () => {
    expect(ssoButtons([{ id: 'google', name: 'Google' }, { id: 'okta', name: 'Okta' }])).toEqual([
      { key: 'google', label: 'Sign in with Google', href: '/auth/oidc/google/start' },
      { key: 'okta', label: 'Sign in with Okta', href: '/auth/oidc/okta/start' },
    ]);
  });

  it('render as links with the provider name as text', () => {
    const html = render([
      { id: 'google', name: 'Google' },
      { id: 'corp-keycloak', name: 'Acme <Keycloak>' },
    ]);
    expect(html).toContain('href="/auth/oidc/google/start"');
    expect(html).toContain('Sign in with Google');
    expect(html).toContain('href="/auth/oidc/corp-keycloak/start"');
    // A name is text, never markup.
    expect(html).toContain('Sign in with Acme &lt;Keycloak&gt;');
    expect(html).not.toContain('<Keycloak>');
  });

  it('render nothing when the instance has no provider', () => {
    const html = render([]);
    expect(html).not.toContain('<a');
    expect(html).not.toContain('Sign in with');
  });

  it('encode an id that is not URL-safe', () => {
    expect(ssoButtons([{ id: 'a/b', name: 'X' }])[0]?.href).toBe('/auth/oidc/a%2Fb/start');
  });
});

describe('the refusal shown on the sign-in page', () => {
  it('is read from the query, bounded', () => {
    expect(ssoError('?error=this+account+is+banned')).toBe('this account is banned');
    expect(ssoError('?next=%2F')).toBeNull();
    expect(ssoError(`?error=${'a'.repeat(500)}`)?.length).toBe(301);
  });
});
