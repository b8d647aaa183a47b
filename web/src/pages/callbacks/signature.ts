// The "Require a signature" part of the callback form: its values, their checks, and the
// `signature` input the server takes (server/src/callback/verify.rs). The secret is never
// read back: the server says only whether one is configured, and an empty secret field
// keeps it.

export type SignatureMode = 'NONE' | 'GITHUB' | 'STRIPE' | 'STANDARD_WEBHOOKS' | 'HMAC';
export type SignatureEncoding = 'HEX' | 'BASE64';

export interface SignatureValues {
  signatureMode: SignatureMode;
  signatureSecret: string;
  signatureHeader: string;
  signatureEncoding: SignatureEncoding;
  signaturePrefix: string;
}

/** What the server says about the stored requirement (null: none). */
export interface StoredSignature {
  mode: Exclude<SignatureMode, 'NONE'>;
  secretConfigured: boolean;
  header: string | null;
  encoding: SignatureEncoding | null;
  prefix: string | null;
}

export interface SignatureInput {
  mode: Exclude<SignatureMode, 'NONE'>;
  secret?: string;
  header?: string;
  encoding?: SignatureEncoding;
  prefix?: string;
}

export const SIGNATURE_MODES: { value: SignatureMode; label: string; hint: string }[] = [
  { value: 'NONE', label: 'No signature', hint: 'Anyone with the trigger URL can trigger it' },
  { value: 'GITHUB', label: 'GitHub', hint: 'X-Hub-Signature-256: sha256=<hex>, with the webhook secret set at GitHub' },
  { value: 'STRIPE', label: 'Stripe', hint: "Stripe-Signature: t=…,v1=…, with the endpoint's signing secret (whsec_…); within 5 minutes" },
  { value: 'STANDARD_WEBHOOKS', label: 'Standard Webhooks', hint: 'webhook-id, webhook-timestamp, webhook-signature (Svix, Polar, Clerk…); within 5 minutes' },
  { value: 'HMAC', label: 'HMAC-SHA256 in a header', hint: 'The HMAC-SHA256 of the raw body in a header you name' },
];

export function signatureValues(stored: StoredSignature | null | undefined): SignatureValues {
  return {
    signatureMode: stored?.mode ?? 'NONE',
    signatureSecret: '',
    signatureHeader: stored?.header ?? '',
    signatureEncoding: stored?.encoding ?? 'HEX',
    signaturePrefix: stored?.prefix ?? '',
  };
}

const HEADER = /^[A-Za-z0-9_-]{1,100}$/;

/** Errors by field, for the form. `configured`: a secret is stored and may be kept. */
export function signatureErrors(values: SignatureValues, configured: boolean): Partial<Record<keyof SignatureValues, string>> {
  const errors: Partial<Record<keyof SignatureValues, string>> = {};
  if (values.signatureMode === 'NONE') return errors;
  const secret = values.signatureSecret.trim();
  if (!secret && !configured) errors.signatureSecret = 'Enter the signing secret the sender shows';
  else if (secret && (secret.length < 8 || secret.length > 1024)) errors.signatureSecret = 'The secret must be 8 to 1024 characters';
  else if (secret && values.signatureMode === 'STANDARD_WEBHOOKS' && secret.startsWith('whsec_') && !/^whsec_[A-Za-z0-9+/]+={0,2}$/.test(secret))
    errors.signatureSecret = 'A whsec_ secret is whsec_ followed by base64';
  if (values.signatureMode === 'HMAC') {
    const header = values.signatureHeader.trim();
    if (!header) errors.signatureHeader = 'Name the header that carries the signature';
    else if (!HEADER.test(header)) errors.signatureHeader = "A header name is letters, digits, '-' and '_'";
    if (values.signaturePrefix.length > 32) errors.signaturePrefix = 'At most 32 characters';
  }
  return errors;
}

/**
 * The `signature` field of the create or update input: undefined leaves it as it is, null
 * requires no signature any more (update only), an empty secret keeps the stored one.
 */
export function signatureInput(values: SignatureValues, hadOne: boolean): SignatureInput | null | undefined {
  if (values.signatureMode === 'NONE') return hadOne ? null : undefined;
  const secret = values.signatureSecret.trim();
  const input: SignatureInput = { mode: values.signatureMode };
  if (secret) input.secret = secret;
  if (values.signatureMode === 'HMAC') {
    input.header = values.signatureHeader.trim();
    input.encoding = values.signatureEncoding;
    if (values.signaturePrefix) input.prefix = values.signaturePrefix;
  }
  return input;
}
