// Single sign-on: the sign-in buttons' labels and links, and the message the server's
// callback sends back to the sign-in page (`/sign-in?error=…`) when a sign-in was refused.

export type SsoProviderInfo = { id: string; name: string };

export type SsoButtonInfo = { key: string; label: string; href: string };

/** One button per configured provider, in the server's order: "Sign in with {name}". */
export function ssoButtons(providers: readonly SsoProviderInfo[]): SsoButtonInfo[] {
  return providers.map((p) => ({
    key: p.id,
    label: `Sign in with ${p.name}`,
    // Provider ids are a-z, 0-9, '-' and '_' (the server checks its settings); encoded anyway.
    href: `/auth/oidc/${encodeURIComponent(p.id)}/start`,
  }));
}

/** The refusal the callback put in the sign-in page's query, if any (shown as plain text). */
export function ssoError(search: string): string | null {
  const error = new URLSearchParams(search).get('error');
  if (!error) return null;
  return error.length > 300 ? `${error.slice(0, 300)}…` : error;
}
