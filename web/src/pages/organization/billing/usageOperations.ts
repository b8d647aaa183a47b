// The usage and spending-limit operations of the billing page (`Organization.usage`,
// `Organization.billingSettings`, `updateBillingSettings`), typed from the schema by codegen.
import { graphql } from '../../../gql';
import type { OrganizationBillingSettingsQuery, OrganizationUsageQuery, UpdateBillingSettingsInput as Input } from '../../../gql/graphql';

export const OrganizationUsageQueryDocument = graphql(`
  query OrganizationUsage($id: ID!) {
    organization(id: $id) {
      id
      usage {
        periodStart
        periodEnd
        overageCents
        spendingLimitCents
        hardStopped
        hardStopReason
        meters {
          meter
          used
          included
          unit
          overageUnits
          overageCents
        }
      }
    }
  }
`);

export const OrganizationBillingSettingsQueryDocument = graphql(`
  query OrganizationBillingSettings($id: ID!) {
    organization(id: $id) {
      id
      billingSettings {
        ...BillingSettingsFields
      }
    }
  }
  fragment BillingSettingsFields on BillingSettings {
    enableSpendingLimit
    monthlySpendingLimitCents
    hardStopOnLimit
    notifyAt50Percent
    notifyAt80Percent
    notifyAt90Percent
    notifyAt100Percent
    notificationEmails
  }
`);

export const UpdateBillingSettingsMutation = graphql(`
  mutation UpdateBillingSettings($organizationId: ID!, $input: UpdateBillingSettingsInput!) {
    updateBillingSettings(organizationId: $organizationId, input: $input) {
      ...BillingSettingsFields
    }
  }
`);

/** This period's usage, as the page reads it. */
export type Usage = NonNullable<OrganizationUsageQuery['organization']>['usage'];
export type UsageMeter = Usage['meters'][number];
export type UsageMeterKind = UsageMeter['meter'];
/** The spending limit and its notices, as the page reads them. */
export type BillingSettings = Omit<NonNullable<OrganizationBillingSettingsQuery['organization']>['billingSettings'], '__typename'>;
/** Every field optional: only the given ones change. */
export type UpdateBillingSettingsInput = Input;
