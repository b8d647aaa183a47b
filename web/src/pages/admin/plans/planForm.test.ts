import { describe, expect, it } from 'vitest';
import type { AdminPlanFragment } from '../../../gql/graphql';
import { EMPTY_PLAN, featureList, organizationIdError, soldThrough, toCreateInput, toUpdateInput, toValues, validatePlan } from './planForm';

const plan: AdminPlanFragment = {
  id: 'p1',
  name: 'team',
  description: 'For teams',
  price: 49,
  currency: 'USD',
  interval: 'MONTH',
  features: ['50 monitors', 'SSO'],
  isActive: true,
  stripePriceId: 'price_team',
  polarProductId: null,
  maxTriggers: 1000,
  maxTimeoutDuration: 30,
  limits: { tier: 'PRO' },
};

describe('plan form', () => {
  it('turns the values into a new plan', () => {
    const values = { ...EMPTY_PLAN, name: ' team ', price: '49.5', currency: 'eur', features: ' a \n\n b ', limits: 'PRO' as const, stripePriceId: ' price_1 ' };
    expect(validatePlan(values)).toEqual({});
    expect(toCreateInput(values)).toEqual({
      name: 'team',
      description: null,
      price: 49.5,
      currency: 'EUR',
      interval: 'MONTH',
      features: ['a', 'b'],
      limits: 'PRO',
      maxTriggers: 1000,
      maxTimeoutDuration: 30,
      stripePriceId: 'price_1',
      polarProductId: null,
      isActive: true,
    });
  });

  it('sends only what changed, and empties as clears', () => {
    expect(toUpdateInput(toValues(plan), plan)).toEqual({});
    const values = { ...toValues(plan), price: '59', description: '', stripePriceId: '', polarProductId: '3F1C2A4E-7F55-4B8B-9D7E-4B1E5B2B9A10', isActive: false, limits: 'PLUS' as const };
    expect(toUpdateInput(values, plan)).toEqual({ price: 59, description: '', stripePriceId: '', polarProductId: '3F1C2A4E-7F55-4B8B-9D7E-4B1E5B2B9A10', isActive: false, limits: 'PLUS' });
    expect(toUpdateInput({ ...toValues(plan), features: 'SSO\n50 monitors' }, plan)).toEqual({ features: ['SSO', '50 monitors'] });
  });

  it('checks the fields as the server does', () => {
    const bad = validatePlan({
      ...EMPTY_PLAN,
      name: '',
      price: '-1',
      currency: 'US',
      maxTriggers: '1.5',
      maxTimeoutDuration: '0',
      stripePriceId: 'price 1; drop',
      polarProductId: 'not-a-uuid',
    });
    expect(Object.keys(bad).sort()).toEqual(['currency', 'maxTimeoutDuration', 'maxTriggers', 'name', 'polarProductId', 'price', 'stripePriceId']);
    expect(validatePlan({ ...EMPTY_PLAN, name: 'x', price: '1000001' }).price).toBeTruthy();
    expect(validatePlan({ ...EMPTY_PLAN, name: 'x', price: 'abc' }).price).toBeTruthy();
    expect(validatePlan({ ...EMPTY_PLAN, name: 'x'.repeat(201) }).name).toBeTruthy();
    expect(validatePlan({ ...EMPTY_PLAN, name: 'x', stripePriceId: 'p'.repeat(256) }).stripePriceId).toBeTruthy();
  });

  it('holds the features to fifty names', () => {
    expect(featureList('a\n \nb\n')).toEqual(['a', 'b']);
    expect(validatePlan({ ...EMPTY_PLAN, name: 'x', features: Array.from({ length: 51 }, (_, i) => `f${i}`).join('\n') }).features).toBe('At most 50 features');
    expect(validatePlan({ ...EMPTY_PLAN, name: 'x', features: 'y'.repeat(201) }).features).toBeTruthy();
  });

  it('says how a plan is sold and reads organization ids', () => {
    expect(soldThrough(plan)).toBe('Stripe');
    expect(soldThrough({ stripePriceId: 'p', polarProductId: 'q' })).toBe('Stripe, Polar');
    expect(soldThrough({ stripePriceId: null, polarProductId: null })).toBe('by hand only');
    expect(organizationIdError('')).toBeTruthy();
    expect(organizationIdError("x' OR 1=1")).toBeTruthy();
    expect(organizationIdError(' 0190c3e2-7f55-7b8b-9d7e-4b1e5b2b9a10 ')).toBeNull();
  });
});
