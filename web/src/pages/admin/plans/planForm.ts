// The plan form of the administrators' screens: a plan -> form values -> `createPlan` /
// `updatePlan` input, with the server's rules checked before sending (pure, unit-tested). The
// server stays the judge; its BAD_USER_INPUT lands on the field it names.
import type { AdminPlanFragment, CreatePlanInput, PlanInterval, PlanTier, UpdatePlanInput } from '../../../gql/graphql';
import * as v from '../../../lib/validate';

export const TIERS: PlanTier[] = ['FREE', 'PLUS', 'PRO', 'UNLIMITED'];

/** The seeded plans every instance names (new organizations, fallbacks): they keep their names. */
export const SEEDED = ['free', 'plus', 'pro', 'unlimited'];

export const MAX_FEATURES = 50;

export type PlanValues = {
  name: string;
  description: string;
  /** In currency units, as typed. */
  price: string;
  currency: string;
  interval: PlanInterval;
  /** One feature per line. */
  features: string;
  limits: PlanTier;
  maxTriggers: string;
  /** Seconds. */
  maxTimeoutDuration: string;
  stripePriceId: string;
  polarProductId: string;
  isActive: boolean;
};

export const EMPTY_PLAN: PlanValues = {
  name: '',
  description: '',
  price: '0',
  currency: 'USD',
  interval: 'MONTH',
  features: '',
  limits: 'FREE',
  maxTriggers: '1000',
  maxTimeoutDuration: '30',
  stripePriceId: '',
  polarProductId: '',
  isActive: true,
};

export function toValues(p: AdminPlanFragment): PlanValues {
  return {
    name: p.name,
    description: p.description ?? '',
    price: String(p.price),
    currency: p.currency,
    interval: p.interval,
    features: p.features.join('\n'),
    limits: p.limits.tier,
    maxTriggers: String(p.maxTriggers),
    maxTimeoutDuration: String(p.maxTimeoutDuration),
    stripePriceId: p.stripePriceId ?? '',
    polarProductId: p.polarProductId ?? '',
    isActive: p.isActive,
  };
}

/** The features field as a list: one per line, blanks dropped. */
export function featureList(text: string): string[] {
  return text
    .split('\n')
    .map((f) => f.trim())
    .filter((f) => f !== '');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Messages by field; empty when the values can be sent. */
export function validatePlan(values: PlanValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const put = (field: string, message: string | null) => {
    if (message) errors[field] = message;
  };
  put('name', v.name(values.name));
  put('description', values.description.length > 2000 ? 'At most 2000 characters' : null);
  const price = Number(values.price.trim());
  put('price', values.price.trim() === '' || !Number.isFinite(price) || price < 0 || price > 1_000_000 ? 'A price between 0 and 1000000' : null);
  put('currency', /^[A-Za-z]{3}$/.test(values.currency.trim()) ? null : 'A three-letter ISO 4217 code, like USD');
  put('maxTriggers', v.intInRange(values.maxTriggers.trim(), 0, 1_000_000_000, 'Triggers per month'));
  put('maxTimeoutDuration', v.intInRange(values.maxTimeoutDuration.trim(), 1, 86_400, 'Longest timeout'));
  const features = featureList(values.features);
  if (features.length > MAX_FEATURES) put('features', `At most ${MAX_FEATURES} features`);
  else put('features', features.map((f) => v.name(f, 'A feature')).find((m) => m !== null) ?? null);
  const stripe = values.stripePriceId.trim();
  put('stripePriceId', stripe && (stripe.length > 255 || !/^[A-Za-z0-9_-]+$/.test(stripe)) ? 'A Stripe price id, like price_1NxYz…' : null);
  const polar = values.polarProductId.trim();
  put('polarProductId', polar && !UUID.test(polar) ? 'A Polar product id (a UUID)' : null);
  return errors;
}

export function toCreateInput(values: PlanValues): CreatePlanInput {
  return {
    name: values.name.trim(),
    description: values.description.trim() || null,
    price: Number(values.price.trim()),
    currency: values.currency.trim().toUpperCase(),
    interval: values.interval,
    features: featureList(values.features),
    limits: values.limits,
    maxTriggers: Number(values.maxTriggers.trim()),
    maxTimeoutDuration: Number(values.maxTimeoutDuration.trim()),
    stripePriceId: values.stripePriceId.trim() || null,
    polarProductId: values.polarProductId.trim() || null,
    isActive: values.isActive,
  };
}

/**
 * Only what changed: fields left out stay as they are, and an emptied description, Stripe
 * price or Polar product is sent as "" (which clears it).
 */
export function toUpdateInput(values: PlanValues, original: AdminPlanFragment): UpdatePlanInput {
  const next = toCreateInput(values);
  const input: UpdatePlanInput = {};
  if (next.name !== original.name) input.name = next.name;
  if ((next.description ?? null) !== original.description) input.description = next.description ?? '';
  if (next.price !== original.price) input.price = next.price;
  if (next.currency !== original.currency) input.currency = next.currency;
  if (next.interval !== original.interval) input.interval = next.interval;
  const features = next.features ?? [];
  if (features.length !== original.features.length || features.some((f, i) => f !== original.features[i])) input.features = features;
  if (next.limits !== original.limits.tier) input.limits = next.limits;
  if (next.maxTriggers !== original.maxTriggers) input.maxTriggers = next.maxTriggers;
  if (next.maxTimeoutDuration !== original.maxTimeoutDuration) input.maxTimeoutDuration = next.maxTimeoutDuration;
  if ((next.stripePriceId ?? null) !== original.stripePriceId) input.stripePriceId = next.stripePriceId ?? '';
  if ((next.polarProductId ?? null) !== original.polarProductId) input.polarProductId = next.polarProductId ?? '';
  if (next.isActive !== original.isActive) input.isActive = next.isActive;
  return input;
}

/** How a plan is sold: "Stripe, Polar", "Stripe", or "by hand only". */
export function soldThrough(p: Pick<AdminPlanFragment, 'stripePriceId' | 'polarProductId'>): string {
  const through = [p.stripePriceId ? 'Stripe' : null, p.polarProductId ? 'Polar' : null].filter(Boolean);
  return through.length ? through.join(', ') : 'by hand only';
}

/** An organization id as typed (a UUID), or a message. */
export function organizationIdError(text: string): string | null {
  const id = text.trim();
  if (!id) return 'Choose an organization or enter its id';
  return UUID.test(id) ? null : 'An organization id is a UUID, like 0190c3e2-…';
}
