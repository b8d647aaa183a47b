// Operations on the usage and spending-limit fields of the billing contract
// (`Organization.usage`, `Organization.billingSettings`, `updateBillingSettings`), which the
// usage part of the server implements. They are not in schema.graphql yet, so they are plain
// strings with hand-written types (codegen would refuse fields it cannot find); once the API
// is merged they become `graphql()` documents and these types give way to the generated ones.

export type UsageMeterKind = 'PLAYWRIGHT_MINUTES' | 'K6_VU_MINUTES' | 'MONITOR_CHECKS' | 'CALLBACK_TRIGGERS' | 'AI_CREDITS';

export interface UsageMeter {
  meter: UsageMeterKind;
  used: number;
  /** null = not limited by the plan. */
  included: number | null;
  unit: string;
  overageUnits: number;
  overageCents: number;
}

export interface Usage {
  periodStart: string;
  periodEnd: string;
  meters: UsageMeter[];
  overageCents: number;
  spendingLimitCents: number | null;
  hardStopped: boolean;
}

export interface BillingSettings {
  enableSpendingLimit: boolean;
  monthlySpendingLimitCents: number | null;
  hardStopOnLimit: boolean;
  notifyAt50Percent: boolean;
  notifyAt80Percent: boolean;
  notifyAt90Percent: boolean;
  notifyAt100Percent: boolean;
  notificationEmails: string[];
}

/** Every field optional: only the given ones change. */
export type UpdateBillingSettingsInput = Partial<BillingSettings>;

export const USAGE_QUERY = `
  query OrganizationUsage($id: ID!) {
    organization(id: $id) {
      id
      usage {
        periodStart
        periodEnd
        overageCents
        spendingLimitCents
        hardStopped
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
`;

export interface UsageData {
  organization: { id: string; usage: Usage } | null;
}

const SETTINGS_FIELDS = `
  enableSpendingLimit
  monthlySpendingLimitCents
  hardStopOnLimit
  notifyAt50Percent
  notifyAt80Percent
  notifyAt90Percent
  notifyAt100Percent
  notificationEmails
`;

export const BILLING_SETTINGS_QUERY = `
  query OrganizationBillingSettings($id: ID!) {
    organization(id: $id) {
      id
      billingSettings {${SETTINGS_FIELDS}}
    }
  }
`;

export interface BillingSettingsData {
  organization: { id: string; billingSettings: BillingSettings } | null;
}

export const UPDATE_BILLING_SETTINGS_MUTATION = `
  mutation UpdateBillingSettings($organizationId: ID!, $input: UpdateBillingSettingsInput!) {
    updateBillingSettings(organizationId: $organizationId, input: $input) {${SETTINGS_FIELDS}}
  }
`;

export interface UpdateBillingSettingsData {
  updateBillingSettings: BillingSettings;
}

export interface UpdateBillingSettingsVariables {
  organizationId: string;
  input: UpdateBillingSettingsInput;
}
