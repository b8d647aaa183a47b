/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The level a caller holds in a project. */
export type AccessLevel =
  | 'ORG_ADMIN'
  | 'ORG_OWNER'
  | 'PROJECT_ADMIN'
  | 'PROJECT_EDITOR'
  | 'PROJECT_VIEWER';

export type ActionExecutionStatus =
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SUCCESS';

export type ActionType =
  | 'DISCORD'
  | 'EMAIL'
  | 'HTTP_POST'
  | 'QUEUE'
  | 'SLACK'
  | 'SMS'
  | 'STORE';

export type AddIncidentUpdateInput = {
  /** Components whose status changes with this update. */
  components?: Array<IncidentComponentInput>;
  /** Tell subscribers (default: as the incident says). */
  deliverNotifications?: boolean | null | undefined;
  /** The time to show instead of now, for an update entered late. */
  displayAt?: string | null | undefined;
  incidentId: string;
  message: string;
  /** The status after the update; unchanged when left out. */
  status?: IncidentStatus | null | undefined;
};

/** A subscriber an editor adds. */
export type AddStatusPageSubscriberInput = {
  /** Only incidents affecting these components of the page; none: every one. */
  componentIds?: Array<string>;
  /** For EMAIL. */
  email?: string | null | undefined;
  /** For WEBHOOK and SLACK: the URL posted to (the outbound policy applies). */
  endpoint?: string | null | undefined;
  /** Only this incident of the page. */
  incidentId?: string | null | undefined;
  mode: StatusPageSubscriberMode;
  /** For SMS: ISO 3166-1 alpha-2, such as `US`. */
  phoneCountry?: string | null | undefined;
  /** For SMS: E.164, such as `+14155550123`. */
  phoneNumber?: string | null | undefined;
  /** Active at once, without a confirmation message (EMAIL and SMS). */
  skipConfirmationNotification?: boolean;
  statusPageId: string;
};

/** How the statuses of a component's monitors combine into the component's status. */
export type AggregationMethod =
  /** The best monitor decides. */
  | 'BEST_CASE'
  /** The status most monitors share. */
  | 'MAJORITY_VOTE'
  /** Monitors count by their weight. */
  | 'WEIGHTED_AVERAGE'
  /** The worst monitor decides. */
  | 'WORST_CASE';

/** Where the delivery of an alert through one channel stands. */
export type AlertDeliveryStatus =
  /** Given up: a permanent failure, or every attempt failed. */
  | 'FAILED'
  /** Queued, or failed and waiting for its next attempt. */
  | 'PENDING'
  | 'SENT';

export type AlertSettingsInput = {
  alertOnFailure?: boolean;
  alertOnRecovery?: boolean;
  alertOnSslExpiration?: boolean;
  alertOnTimeout?: boolean;
  /**
   * Replaces the alert text; placeholders: {{monitor.name}}, {{monitor.target}},
   * {{monitor.status}}, {{location}}, {{result.error}}, {{result.responseTimeMs}}.
   */
  customMessage?: string | null | undefined;
  enabled?: boolean;
  /** Failed checks in a row before the monitor is down (default 1). */
  failureThreshold?: number;
  /** Successful checks in a row before it is up again (default 1). */
  recoveryThreshold?: number;
};

/** What an alert was about. */
export type AlertType =
  | 'DOMAIN_EXPIRING'
  | 'JOB_FAILED'
  | 'JOB_SUCCESS'
  | 'JOB_TIMEOUT'
  | 'MONITOR_FAILURE'
  | 'MONITOR_RECOVERY'
  | 'SSL_EXPIRING';

/** What a key may do: read (queries), write (queries and changes), admin (all the user may). */
export type ApiKeyPermission =
  | 'ADMIN'
  | 'READ'
  | 'WRITE';

export type AuditLogFilter = {
  /**
   * Exact action name (`monitor.create`), or a domain ending in `.` (`monitor.`) for
   * every action of it.
   */
  action?: string | null | undefined;
  /** Entries written at or after this time. */
  since?: string | null | undefined;
  /** Entries written before this time. */
  until?: string | null | undefined;
  userId?: string | null | undefined;
};

export type BanUserInput = {
  /** Ban until then; forever when absent. */
  expiresAt?: string | null | undefined;
  reason?: string | null | undefined;
  userId: string;
};

/** Who bills a subscription. */
export type BillingProvider =
  | 'POLAR'
  | 'STRIPE';

/**
 * Requires triggers to be signed. Unsigned or wrongly signed triggers are answered 401,
 * logged as `signature_rejected` and run no action.
 */
export type CallbackSignatureInput = {
  /** HMAC only: HEX (default) or BASE64. */
  encoding?: SignatureEncoding | null | undefined;
  /** HMAC only, required: the header that carries the signature. */
  header?: string | null | undefined;
  mode: CallbackSignatureMode;
  /** HMAC only: what comes before the signature in the header (`sha256=`). */
  prefix?: string | null | undefined;
  /**
   * The signing secret the sender shows (8-1024 characters; for STANDARD_WEBHOOKS a
   * `whsec_` value as given). Sealed at rest and never returned. Required the first time;
   * left out, the stored one is kept.
   */
  secret?: string | null | undefined;
};

/** The scheme a callback's triggers are signed with (docs/callbacks.md). */
export type CallbackSignatureMode =
  /** `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`. */
  | 'GITHUB'
  /** An HMAC-SHA256 of the body in a chosen header. */
  | 'HMAC'
  /** `webhook-id`, `webhook-timestamp`, `webhook-signature`, within 5 minutes. */
  | 'STANDARD_WEBHOOKS'
  /** `Stripe-Signature: t=<unix>,v1=<hex>`, within 5 minutes. */
  | 'STRIPE';

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

/** A monitor behind a component, with its weight (1-100) under `WEIGHTED_AVERAGE`. */
export type ComponentMonitorInput = {
  monitorId: string;
  weight?: number;
};

/** What a component shows visitors. */
export type ComponentStatus =
  | 'DEGRADED_PERFORMANCE'
  | 'MAJOR_OUTAGE'
  | 'OPERATIONAL'
  | 'PARTIAL_OUTAGE'
  | 'UNDER_MAINTENANCE';

export type CreateActionInput = {
  callbackId: string;
  /** Type-specific settings (see the action types). */
  config: unknown;
  enabled?: boolean | null | undefined;
  order?: number | null | undefined;
  parallel?: boolean | null | undefined;
  type: ActionType;
};

export type CreateApiKeyInput = {
  expiresAt?: string | null | undefined;
  jobId?: string | null | undefined;
  name: string;
  permission: ApiKeyPermission;
  projectId?: string | null | undefined;
  /** Requests allowed per window; both this and `rateLimitWindowSeconds`, or neither. */
  rateLimitMax?: number | null | undefined;
  rateLimitWindowSeconds?: number | null | undefined;
};

export type CreateCallbackInput = {
  activeStatus?: boolean | null | undefined;
  /** Seconds, default 0 (no caching). */
  cachePeriod?: number | null | undefined;
  callbackUrl: string;
  customPath?: string | null | undefined;
  name: string;
  projectId: string;
  /** Requires triggers to be signed. */
  signature?: CallbackSignatureInput | null | undefined;
  /** Milliseconds, default 30000, at most the plan's limit. */
  timeoutDuration?: number | null | undefined;
};

export type CreateIncidentInput = {
  /**
   * For an incident entered after the fact: when it happened. It is recorded `RESOLVED`
   * and notifies nobody.
   */
  backfilledAt?: string | null | undefined;
  /**
   * Affected components, given the status the impact implies (`MINOR`: degraded
   * performance, `MAJOR` or none: partial outage, `CRITICAL`: major outage).
   */
  componentIds?: Array<string>;
  /** Affected components with their own status; they win over `componentIds`. */
  components?: Array<IncidentComponentInput>;
  /** Tell subscribers (default: the template's setting, else true). */
  deliverNotifications?: boolean | null | undefined;
  /** Set by hand; when left out, the affected components' statuses give it. */
  impact?: IncidentImpact | null | undefined;
  /** The first update's message; required unless the template gives it. */
  message?: string | null | undefined;
  /** `INVESTIGATING` unless the template gives another; a backfilled incident is `RESOLVED`. */
  status?: IncidentStatus | null | undefined;
  statusPageId: string;
  /** A template of the page that fills in what this input leaves out. */
  templateId?: string | null | undefined;
  /** Required unless the template gives it. */
  title?: string | null | undefined;
};

export type CreateIncidentTemplateInput = {
  /** The first update's message it fills in. */
  body: string;
  /** Components of the page it marks as affected. */
  componentIds?: Array<string>;
  /** Its name in the editor's list. */
  name: string;
  shouldSendNotifications?: boolean;
  /** The incident status it sets (default `INVESTIGATING`). */
  status?: IncidentStatus | null | undefined;
  statusPageId: string;
  /** The incident title it fills in. */
  title: string;
};

export type CreateJobInput = {
  alertConfig?: JobAlertInput | null | undefined;
  /**
   * Five-field cron expression in UTC (`*\/15 * * * *`) or a nickname (`@hourly`); none
   * for manual and remote triggers only.
   */
  cronSchedule?: string | null | undefined;
  description?: string | null | undefined;
  /** Default `PLAYWRIGHT`. */
  jobType?: JobType | null | undefined;
  name: string;
  notificationProviderIds?: Array<string> | null | undefined;
  projectId: string;
  /** Tests in the order they run. */
  testIds?: Array<string> | null | undefined;
  /** Wall-clock limit of a run, 10 to 3600 s (default 600). */
  timeoutSeconds?: number | null | undefined;
};

export type CreateMaintenanceInput = {
  /** Move to `COMPLETED` at `scheduledUntil` (default true). */
  autoCompleted?: boolean | null | undefined;
  /** Move to `IN_PROGRESS` at `scheduledFor` (default true). */
  autoInProgress?: boolean | null | undefined;
  /** Put the components under maintenance when it starts (default true). */
  autoTransitionToMaintenanceState?: boolean | null | undefined;
  /** Give the components back as operational when it completes (default true). */
  autoTransitionToOperationalState?: boolean | null | undefined;
  /**
   * Record a past maintenance: its window is in the past, it is `COMPLETED` at once and
   * notifies nobody.
   */
  backfilled?: boolean;
  /**
   * Components the maintenance covers: their monitors show `MAINTENANCE` and hold their
   * alerts while it is in progress.
   */
  componentIds?: Array<string>;
  /** Tell subscribers it is scheduled. */
  deliverNotifications?: boolean;
  /** The first update's message. */
  message: string;
  /** Tell subscribers when it completes by itself (default true). */
  notifyAtEnd?: boolean | null | undefined;
  /** Tell subscribers when it starts by itself (default true). */
  notifyAtStart?: boolean | null | undefined;
  /**
   * Remind subscribers before the start (default: true when `reminderIntervals` is
   * given).
   */
  remindPrior?: boolean | null | undefined;
  /**
   * Hours before the start at which reminders go out, each 1-720, at most 10 (an hour
   * before when reminders are on and none is given).
   */
  reminderIntervals?: Array<number> | null | undefined;
  /** Start of the window; not in the past unless backfilled. */
  scheduledFor: string;
  /** End of the window, after its start. */
  scheduledUntil: string;
  statusPageId: string;
  title: string;
};

export type CreateMonitorInput = {
  aggregation?: MonitorAggregation | null | undefined;
  alert?: AlertSettingsInput | null | undefined;
  description?: string | null | undefined;
  /** Settings of `dns` monitors (the target is the name to resolve). */
  dns?: DnsSettingsInput | null | undefined;
  /** Domain registration watch of `website` monitors. */
  domain?: DomainSettingsInput | null | undefined;
  /**
   * While checks fail, check again after this many seconds (20 to 86400) instead of at the
   * next regular slot; 0 turns it off.
   */
  downIntervalSeconds?: number | null | undefined;
  enabled?: boolean | null | undefined;
  /** Default 5. */
  frequencyMinutes?: number | null | undefined;
  heartbeat?: HeartbeatSettingsInput | null | undefined;
  http?: HttpSettingsInput | null | undefined;
  /** Where to check from; default: the `default` location. */
  locations?: Array<string> | null | undefined;
  name: string;
  notificationProviderIds?: Array<string> | null | undefined;
  /**
   * Monitors of the same project this one depends on: while one of them is down, this
   * one's alerts are held back. Replaces the list.
   */
  parentIds?: Array<string> | null | undefined;
  ping?: PingSettingsInput | null | undefined;
  port?: PortSettingsInput | null | undefined;
  projectId: string;
  syntheticTestId?: string | null | undefined;
  tagIds?: Array<string> | null | undefined;
  /** URL (http, website), host (ping, port); not used by heartbeat and synthetic monitors. */
  target?: string | null | undefined;
  tls?: TlsSettingsInput | null | undefined;
  type: MonitorType;
};

/**
 * A provider belongs to one project (`projectId`, made by project editors) or to an
 * organization as a whole (`organizationId`, made by organization admins; monitors and jobs of
 * all its projects may use it). Give exactly one of the two.
 */
export type CreateNotificationProviderInput = {
  /**
   * The settings of the type: EMAIL `{to, from?, sendgridApiKey? | credentialId?}`;
   * SLACK, DISCORD, TEAMS `{webhookUrl}`; TELEGRAM `{botToken, chatId}`; WEBHOOK
   * `{url, secret?, headers?}` (a `secret` left out is generated: see `generatedSecret`); SMS `{accountSid, authToken | credentialId, from, to}`.
   */
  config: unknown;
  /** Defaults to true. */
  isEnabled?: boolean | null | undefined;
  name: string;
  organizationId?: string | null | undefined;
  projectId?: string | null | undefined;
  type: NotificationProviderType;
};

export type CreateOrganizationInput = {
  name: string;
  /** Derived from the name when absent. */
  slug?: string | null | undefined;
};

export type CreatePlanInput = {
  currency?: string;
  description?: string | null | undefined;
  features?: Array<string>;
  interval?: PlanInterval;
  isActive?: boolean;
  /** The limits the plan grants. */
  limits: PlanTier;
  /** Seconds. */
  maxTimeoutDuration: number;
  maxTriggers: number;
  name: string;
  /** A Polar product id (a UUID). */
  polarProductId?: string | null | undefined;
  price: number;
  stripePriceId?: string | null | undefined;
};

export type CreateProjectInput = {
  description?: string | null | undefined;
  name: string;
  organizationId: string;
  slug?: string | null | undefined;
};

export type CreateProjectVariableInput = {
  description?: string | null | undefined;
  isSecret?: boolean;
  key: string;
  projectId: string;
  value: string;
};

export type CreateServiceCredentialInput = {
  /** A JSON object of settings (account id, sender, ...); shown masked. */
  meta?: unknown;
  name: string;
  projectId: string;
  provider: ServiceProvider;
  /** The token or key; stored encrypted, never shown again. */
  secret: string;
};

export type CreateStatusPageComponentInput = {
  description?: string | null | undefined;
  /** Monitors of the page's project whose results drive the component's status. */
  monitorIds?: Array<string>;
  name: string;
  statusPageId: string;
};

export type CreateStatusPageInput = {
  name: string;
  projectId: string;
  /** Generated from the name when omitted. */
  subdomain?: string | null | undefined;
};

export type CreateTagInput = {
  color?: string | null | undefined;
  name: string;
  projectId: string;
};

export type CreateTestInput = {
  description?: string | null | undefined;
  priority?: TestPriority | null | undefined;
  projectId: string;
  /**
   * A Playwright test file, or a k6 script for `PERFORMANCE` tests. Variables and secrets
   * come from the `vigil` helper (see the README).
   */
  script: string;
  tagIds?: Array<string> | null | undefined;
  title: string;
  /** Default `BROWSER`. */
  type?: TestType | null | undefined;
};

export type DnsSettingsInput = {
  /**
   * Values that must all be among the answers (an MX answer matches its host alone too);
   * empty: any answer will do.
   */
  expected?: Array<string>;
  /** A, AAAA, CNAME, MX, NS, TXT, SOA or CAA (default A). */
  recordType?: string;
  /** The name server to ask (`ip` or `ip:port`); default: the system's resolvers. */
  resolver?: string | null | undefined;
  timeoutSeconds?: number;
};

export type DomainSettingsInput = {
  /**
   * Warn when the domain's registration (looked up through RDAP) expires within this many
   * days; 0 turns the watch off.
   */
  expiryDays: number;
  /**
   * The domain to watch (example.com); default: the registered domain of the target's
   * host.
   */
  name?: string | null | undefined;
};

export type HeaderInput = {
  name: string;
  value: string;
};

export type HeartbeatSettingsInput = {
  /** How late a ping may be (default 5 minutes). */
  gracePeriodMinutes: number;
};

export type HttpAuthInput = {
  password?: string | null | undefined;
  token?: string | null | undefined;
  type: HttpAuthType;
  username?: string | null | undefined;
};

export type HttpAuthType =
  | 'BASIC'
  | 'BEARER'
  | 'NONE';

export type HttpMethod =
  | 'DELETE'
  | 'GET'
  | 'HEAD'
  | 'OPTIONS'
  | 'PATCH'
  | 'POST'
  | 'PUT';

/**
 * Settings of HTTP and website checks. Secret values sent back as `********` keep their
 * stored value.
 */
export type HttpSettingsInput = {
  auth?: HttpAuthInput | null | undefined;
  body?: string | null | undefined;
  /** Codes, ranges or classes: `200`, `200-299`, `2xx`. Default `200-299`. */
  expectedStatusCodes?: Array<string> | null | undefined;
  followRedirects?: boolean | null | undefined;
  headers?: Array<HeaderInput> | null | undefined;
  ignoreTlsErrors?: boolean | null | undefined;
  jsonExpected?: string | null | undefined;
  /** `$.status` or `$.items[0].ok`. */
  jsonPath?: string | null | undefined;
  keyword?: string | null | undefined;
  keywordMode?: KeywordMode | null | undefined;
  method?: HttpMethod | null | undefined;
  /** 1 to 60, default 30. */
  timeoutSeconds?: number | null | undefined;
};

/** A component and the status an incident gives it. */
export type IncidentComponentInput = {
  componentId: string;
  status: ComponentStatus;
};

/** Which incidents to list. */
export type IncidentFilter = {
  /**
   * Began at or after: a maintenance at `scheduledFor`, a backfilled incident at
   * `backfilledAt`, others when opened.
   */
  from?: string | null | undefined;
  kind?: IncidentKind | null | undefined;
  status?: IncidentStatus | null | undefined;
  /** Began before. */
  to?: string | null | undefined;
};

/** How badly an incident affects users, least first. */
export type IncidentImpact =
  | 'CRITICAL'
  | 'MAJOR'
  | 'MINOR'
  | 'NONE';

/** An unplanned incident or a scheduled maintenance. */
export type IncidentKind =
  | 'INCIDENT'
  | 'MAINTENANCE';

/**
 * Where an incident or a maintenance stands. Incidents move through `INVESTIGATING`,
 * `IDENTIFIED`, `MONITORING` and `RESOLVED`; scheduled maintenance through `SCHEDULED`,
 * `IN_PROGRESS`, `VERIFYING` and `COMPLETED`.
 */
export type IncidentStatus =
  /** Closed: takes no more updates. */
  | 'COMPLETED'
  | 'IDENTIFIED'
  | 'INVESTIGATING'
  | 'IN_PROGRESS'
  | 'MONITORING'
  /** Closed: takes no more updates. */
  | 'RESOLVED'
  | 'SCHEDULED'
  | 'VERIFYING';

export type InvitationStatus =
  | 'ACCEPTED'
  | 'EXPIRED'
  | 'PENDING'
  | 'REVOKED';

export type InviteMemberInput = {
  email: string;
  organizationId: string;
  /** For project roles: the projects the role applies to. */
  projectIds?: Array<string>;
  role: OrgRole;
};

/** When a job alerts through its notification providers. */
export type JobAlertInput = {
  /** Placeholders: {{job.name}}, {{run.status}}, {{run.id}}, {{run.durationMs}}, {{run.error}}. */
  customMessage?: string | null | undefined;
  enabled?: boolean;
  onFailure?: boolean;
  onSuccess?: boolean;
  onTimeout?: boolean;
};

export type JobStatus =
  | 'ERROR'
  | 'FAILED'
  | 'PASSED'
  | 'PENDING'
  | 'RUNNING';

export type JobType =
  | 'K6'
  | 'PLAYWRIGHT';

export type KeywordMode =
  | 'ABSENT'
  | 'PRESENT';

/** How the statuses of several locations make the monitor's status. */
export type MonitorAggregation =
  /** Down only when every location sees it down. */
  | 'ALL'
  /** Down when any location sees it down. */
  | 'ANY'
  /** Down when more than half of the locations see it down. */
  | 'MAJORITY';

export type MonitorFilter = {
  /** Part of the name or target. */
  search?: string | null | undefined;
  status?: MonitorStatus | null | undefined;
  tagId?: string | null | undefined;
  type?: MonitorType | null | undefined;
};

export type MonitorResultStatus =
  | 'DOWN'
  | 'ERROR'
  | 'TIMEOUT'
  | 'UP';

export type MonitorStatus =
  | 'DOWN'
  | 'ERROR'
  | 'MAINTENANCE'
  | 'PAUSED'
  | 'PENDING'
  | 'UP';

export type MonitorType =
  | 'DNS'
  | 'HEARTBEAT'
  | 'HTTP'
  | 'PING'
  | 'PORT'
  | 'SYNTHETIC_TEST'
  | 'WEBSITE';

export type NotificationProviderType =
  | 'DISCORD'
  /** Email through the instance's SMTP server, or SendGrid. */
  | 'EMAIL'
  | 'SLACK'
  /** Twilio SMS. */
  | 'SMS'
  /** Microsoft Teams. */
  | 'TEAMS'
  | 'TELEGRAM'
  /** A signed JSON POST to any URL. */
  | 'WEBHOOK';

/** Roles in an organization, highest first. */
export type OrgRole =
  | 'ORG_ADMIN'
  | 'ORG_OWNER'
  | 'PROJECT_ADMIN'
  | 'PROJECT_EDITOR'
  | 'PROJECT_VIEWER';

export type PingSettingsInput = {
  timeoutSeconds?: number;
};

/** How often a plan is paid. */
export type PlanInterval =
  | 'MONTH'
  | 'YEAR';

/** The plan limits that are counted (`Organization.quotas`, `extensions.limit` of a refusal). */
export type PlanLimitKind =
  /** Webhook callbacks (no plan limits their number). */
  | 'CALLBACKS'
  /** Members and open invitations. */
  | 'MEMBERS'
  | 'MONITORS'
  | 'PROJECTS'
  | 'STATUS_PAGES';

/** The limits a plan grants (one set per tier). */
export type PlanTier =
  | 'FREE'
  | 'PLUS'
  | 'PRO'
  | 'UNLIMITED';

export type PortSettingsInput = {
  port: number;
  timeoutSeconds?: number;
  tls?: boolean;
};

/** Roles in a project, highest first. */
export type ProjectRole =
  | 'PROJECT_ADMIN'
  | 'PROJECT_EDITOR'
  | 'PROJECT_VIEWER';

export type ProjectStatus =
  | 'ACTIVE'
  | 'ARCHIVED';

export type QueueMessageStatus =
  | 'ACKED'
  | 'LEASED'
  | 'READY';

export type ResetPasswordInput = {
  newPassword: string;
  token: string;
};

export type RunFilter = {
  jobId?: string | null | undefined;
  status?: RunStatus | null | undefined;
  trigger?: RunTrigger | null | undefined;
};

export type RunStatus =
  | 'CANCELLED'
  | 'ERROR'
  | 'FAILED'
  | 'PASSED'
  | 'QUEUED'
  | 'RUNNING'
  | 'TIMED_OUT';

export type RunTrigger =
  | 'MANUAL'
  | 'REMOTE'
  | 'SCHEDULE';

/** What a search hit is. */
export type SearchKind =
  | 'CALLBACK'
  | 'JOB'
  | 'MONITOR'
  | 'RUN'
  | 'TEST';

/** Ranges of response-time series. */
export type SeriesRange =
  /** The last day, one point per hour. */
  | 'DAY'
  /** The last hour, one point per minute. */
  | 'HOUR'
  /** The last 30 days, one point per day. */
  | 'MONTH'
  /** The last 90 days, one point per day. */
  | 'QUARTER'
  /** The last 6 hours, one point per 5 minutes. */
  | 'SIX_HOURS'
  /** The last 7 days, one point per hour. */
  | 'WEEK';

export type ServiceProvider =
  | 'DISCORD'
  | 'GENERIC'
  | 'SENDGRID'
  | 'SLACK'
  | 'TWILIO';

export type SetActiveInput = {
  organizationId?: string | null | undefined;
  projectId?: string | null | undefined;
};

export type SetProjectMemberInput = {
  projectId: string;
  role: ProjectRole;
  userId: string;
};

export type SignInInput = {
  email: string;
  password: string;
  /** Required when the account has two-factor authentication on. */
  totpCode?: string | null | undefined;
};

export type SignUpInput = {
  email: string;
  name: string;
  password: string;
};

/** How an HMAC signature is written. */
export type SignatureEncoding =
  | 'BASE64'
  | 'HEX';

/** The images of a page. */
export type StatusPageImageKind =
  /** The logo in subscriber emails. */
  | 'EMAIL_LOGO'
  /** The browser tab's icon. */
  | 'FAVICON'
  /** The cover image behind the page's header. */
  | 'HERO'
  /** The logo at the top of the page. */
  | 'LOGO'
  /** The image of the page's social card. */
  | 'TWITTER_LOGO';

/** Which subscribers to list. */
export type StatusPageSubscriberFilter = {
  mode?: StatusPageSubscriberMode | null | undefined;
  /** Part of the address (email, number or URL), any case. */
  search?: string | null | undefined;
  state?: StatusPageSubscriberState | null | undefined;
};

/** How a subscriber is reached. */
export type StatusPageSubscriberMode =
  | 'EMAIL'
  /** A Slack incoming webhook. */
  | 'SLACK'
  | 'SMS'
  | 'WEBHOOK';

/** Where a subscriber stands. */
export type StatusPageSubscriberState =
  /** Receives the page's notifications. */
  | 'ACTIVE'
  /** Waiting for its confirmation; receives nothing else. */
  | 'PENDING'
  /** Receives nothing after repeated failed deliveries, until cleared or purged. */
  | 'QUARANTINED';

/** The colour scheme of a public page. */
export type StatusPageTheme =
  /** Follows the visitor's system setting. */
  | 'AUTO'
  | 'DARK'
  | 'LIGHT';

/** Where an organization's paid subscription stands. */
export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  /** Not paid yet (an incomplete first payment). */
  | 'INACTIVE'
  /** A payment failed; the plan is kept for the grace period. */
  | 'PAST_DUE';

export type TestFilter = {
  /** Part of the title. */
  search?: string | null | undefined;
  tagId?: string | null | undefined;
  type?: TestType | null | undefined;
};

export type TestPriority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** What a test exercises: `PERFORMANCE` tests are k6 scripts, the others Playwright. */
export type TestType =
  | 'API'
  | 'BROWSER'
  | 'CUSTOM'
  | 'DATABASE'
  | 'PERFORMANCE';

export type TlsSettingsInput = {
  /** Alert when the certificate expires within this many days (default 14). */
  expiryDays: number;
};

export type UpdateActionInput = {
  config?: unknown;
  enabled?: boolean | null | undefined;
  order?: number | null | undefined;
  parallel?: boolean | null | undefined;
};

export type UpdateApiKeyInput = {
  enabled?: boolean | null | undefined;
  name?: string | null | undefined;
};

/**
 * Every field optional; only the fields given change. `monthlySpendingLimitCents: null`
 * clears the limit.
 */
export type UpdateBillingSettingsInput = {
  enableSpendingLimit?: boolean | null | undefined;
  hardStopOnLimit?: boolean | null | undefined;
  monthlySpendingLimitCents?: number | null | undefined;
  notificationEmails?: Array<string> | null | undefined;
  notifyAt50Percent?: boolean | null | undefined;
  notifyAt80Percent?: boolean | null | undefined;
  notifyAt90Percent?: boolean | null | undefined;
  notifyAt100Percent?: boolean | null | undefined;
};

export type UpdateCallbackInput = {
  activeStatus?: boolean | null | undefined;
  cachePeriod?: number | null | undefined;
  callbackUrl?: string | null | undefined;
  /** An empty string removes the custom path. */
  customPath?: string | null | undefined;
  name?: string | null | undefined;
  /** Requires triggers to be signed; null requires no signature any more. */
  signature?: CallbackSignatureInput | null | undefined;
  timeoutDuration?: number | null | undefined;
};

export type UpdateIncidentInput = {
  /** The impact set by hand; `null` goes back to the one the components give. */
  impactOverride?: IncidentImpact | null | undefined;
  title?: string | null | undefined;
};

export type UpdateIncidentTemplateInput = {
  body?: string | null | undefined;
  /** Replaces the list. */
  componentIds?: Array<string> | null | undefined;
  name?: string | null | undefined;
  shouldSendNotifications?: boolean | null | undefined;
  status?: IncidentStatus | null | undefined;
  title?: string | null | undefined;
};

export type UpdateJobInput = {
  alertConfig?: JobAlertInput | null | undefined;
  /** An empty string removes the schedule. */
  cronSchedule?: string | null | undefined;
  description?: string | null | undefined;
  name?: string | null | undefined;
  notificationProviderIds?: Array<string> | null | undefined;
  testIds?: Array<string> | null | undefined;
  timeoutSeconds?: number | null | undefined;
};

export type UpdateMaintenanceInput = {
  /** Move to `COMPLETED` at `scheduledUntil` (default true). */
  autoCompleted?: boolean | null | undefined;
  /** Move to `IN_PROGRESS` at `scheduledFor` (default true). */
  autoInProgress?: boolean | null | undefined;
  /** Put the components under maintenance when it starts (default true). */
  autoTransitionToMaintenanceState?: boolean | null | undefined;
  /** Give the components back as operational when it completes (default true). */
  autoTransitionToOperationalState?: boolean | null | undefined;
  /** Tell subscribers when it completes by itself (default true). */
  notifyAtEnd?: boolean | null | undefined;
  /** Tell subscribers when it starts by itself (default true). */
  notifyAtStart?: boolean | null | undefined;
  /**
   * Remind subscribers before the start (default: true when `reminderIntervals` is
   * given).
   */
  remindPrior?: boolean | null | undefined;
  /**
   * Hours before the start at which reminders go out, each 1-720, at most 10 (an hour
   * before when reminders are on and none is given).
   */
  reminderIntervals?: Array<number> | null | undefined;
  /** Moves only while the maintenance is `SCHEDULED`; not into the past. */
  scheduledFor?: string | null | undefined;
  /** Moves until the maintenance is `COMPLETED`; after the start, not into the past. */
  scheduledUntil?: string | null | undefined;
  title?: string | null | undefined;
};

export type UpdateMonitorInput = {
  aggregation?: MonitorAggregation | null | undefined;
  alert?: AlertSettingsInput | null | undefined;
  description?: string | null | undefined;
  /** Settings of `dns` monitors (the target is the name to resolve). */
  dns?: DnsSettingsInput | null | undefined;
  /** Domain registration watch of `website` monitors. */
  domain?: DomainSettingsInput | null | undefined;
  /**
   * While checks fail, check again after this many seconds (20 to 86400) instead of at the
   * next regular slot; 0 turns it off.
   */
  downIntervalSeconds?: number | null | undefined;
  enabled?: boolean | null | undefined;
  frequencyMinutes?: number | null | undefined;
  heartbeat?: HeartbeatSettingsInput | null | undefined;
  http?: HttpSettingsInput | null | undefined;
  locations?: Array<string> | null | undefined;
  name?: string | null | undefined;
  notificationProviderIds?: Array<string> | null | undefined;
  /**
   * Monitors of the same project this one depends on: while one of them is down, this
   * one's alerts are held back. Replaces the list.
   */
  parentIds?: Array<string> | null | undefined;
  ping?: PingSettingsInput | null | undefined;
  port?: PortSettingsInput | null | undefined;
  syntheticTestId?: string | null | undefined;
  tagIds?: Array<string> | null | undefined;
  target?: string | null | undefined;
  tls?: TlsSettingsInput | null | undefined;
};

export type UpdateNotificationProviderInput = {
  /**
   * Merged over the stored settings: a key set to null is removed, a key left out is
   * kept, and a secret sent back masked keeps its stored value. A WEBHOOK's `secret` set to
   * null is replaced by a generated one (`generatedSecret`).
   */
  config?: unknown;
  isEnabled?: boolean | null | undefined;
  name?: string | null | undefined;
};

export type UpdateOrganizationInput = {
  logo?: string | null | undefined;
  name?: string | null | undefined;
  slug?: string | null | undefined;
};

export type UpdateOrganizationSsoInput = {
  /** The provider members must sign in with; null stops requiring single sign-on. */
  providerId?: string | null | undefined;
};

/**
 * Fields left out stay as they are; an empty `description`, `stripePriceId` or
 * `polarProductId` clears it.
 */
export type UpdatePlanInput = {
  currency?: string | null | undefined;
  description?: string | null | undefined;
  features?: Array<string> | null | undefined;
  interval?: PlanInterval | null | undefined;
  isActive?: boolean | null | undefined;
  limits?: PlanTier | null | undefined;
  maxTimeoutDuration?: number | null | undefined;
  maxTriggers?: number | null | undefined;
  name?: string | null | undefined;
  polarProductId?: string | null | undefined;
  price?: number | null | undefined;
  stripePriceId?: string | null | undefined;
};

export type UpdateProfileInput = {
  image?: string | null | undefined;
  name?: string | null | undefined;
};

export type UpdateProjectInput = {
  archived?: boolean | null | undefined;
  description?: string | null | undefined;
  name?: string | null | undefined;
  slug?: string | null | undefined;
};

export type UpdateProjectVariableInput = {
  description?: string | null | undefined;
  value?: string | null | undefined;
};

/** Changes to a component: fields left out stay as they are; an empty text clears one. */
export type UpdateStatusPageComponentInput = {
  aggregationMethod?: AggregationMethod | null | undefined;
  description?: string | null | undefined;
  /**
   * How many counted monitors must be down before the component leaves operational
   * (1-200).
   */
  failureThreshold?: number | null | undefined;
  /** Components sharing a group name are shown together under it. */
  groupName?: string | null | undefined;
  name?: string | null | undefined;
  /** Hides the component while it is operational. */
  onlyShowIfDegraded?: boolean | null | undefined;
  /** Shows the component's uptime bar on the page. */
  showcase?: boolean | null | undefined;
  /** Start of the uptime history shown; null clears it. */
  startDate?: string | null | undefined;
};

/**
 * Changes to a page's settings: fields left out stay as they are; an empty text clears a
 * setting (back to its default).
 */
export type UpdateStatusPageInput = {
  allowEmailSubscribers?: boolean | null | undefined;
  allowIncidentSubscribers?: boolean | null | undefined;
  allowPageSubscribers?: boolean | null | undefined;
  allowSmsSubscribers?: boolean | null | undefined;
  allowWebhookSubscribers?: boolean | null | undefined;
  cssBlues?: string | null | undefined;
  /** Colours are `#rrggbb`, nothing else. */
  cssBodyBackgroundColor?: string | null | undefined;
  cssBorderColor?: string | null | undefined;
  cssFontColor?: string | null | undefined;
  cssGraphColor?: string | null | undefined;
  cssGreens?: string | null | undefined;
  cssLightFontColor?: string | null | undefined;
  cssLinkColor?: string | null | undefined;
  cssNoData?: string | null | undefined;
  cssOranges?: string | null | undefined;
  cssReds?: string | null | undefined;
  cssYellows?: string | null | undefined;
  description?: string | null | undefined;
  /** One line under the page's name. */
  headline?: string | null | undefined;
  /** Asks search engines not to index the page. */
  hiddenFromSearch?: boolean | null | undefined;
  name?: string | null | undefined;
  /** At most 2,000 characters. */
  notificationsEmailFooter?: string | null | undefined;
  /** The sender address of subscriber emails; empty for the server's sender. */
  notificationsFromEmail?: string | null | undefined;
  /** 3-63 of a-z, 0-9 and '-', not reserved; `CONFLICT` when another page has it. */
  subdomain?: string | null | undefined;
  /** An http or https URL. */
  supportUrl?: string | null | undefined;
  theme?: StatusPageTheme | null | undefined;
  /** An IANA time zone name such as `Europe/Paris`; empty for UTC. */
  timezone?: string | null | undefined;
};

export type UpdateTestInput = {
  description?: string | null | undefined;
  priority?: TestPriority | null | undefined;
  script?: string | null | undefined;
  tagIds?: Array<string> | null | undefined;
  title?: string | null | undefined;
  type?: TestType | null | undefined;
};

/** What a usage meter counts. */
export type UsageMeterKind =
  /** AI credits spent. */
  | 'AI_CREDITS'
  /** Webhook callback triggers admitted. */
  | 'CALLBACK_TRIGGERS'
  /** Peak virtual users × minutes of k6 runs. */
  | 'K6_VU_MINUTES'
  /** Monitor check results recorded. */
  | 'MONITOR_CHECKS'
  /** Minutes of Playwright runs (every started minute). */
  | 'PLAYWRIGHT_MINUTES';

export type UserFilter = {
  banned?: boolean | null | undefined;
  /** Part of the name or email. */
  search?: string | null | undefined;
};

/** System-wide role. */
export type UserRole =
  | 'ADMIN'
  | 'USER';

export type PaletteSearchQueryVariables = Exact<{
  projectId: string;
  query: string;
}>;


export type PaletteSearchQuery = { search: Array<{ kind: SearchKind, id: string, title: string, detail: string | null }> };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type InboxQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxQuery = { notifications: { nodes: Array<{ id: string, kind: string, content: unknown, read: boolean, createdAt: string }> }, unread: { totalCount: number } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string } };

export type MarkNotificationsReadMutationVariables = Exact<{
  id?: string | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type OrganizationBillingModeQueryVariables = Exact<{
  id: string;
}>;


export type OrganizationBillingModeQuery = { serverInfo: { billingEnabled: boolean }, organization: { id: string, plan: { id: string, limits: { tier: PlanTier } } } | null };

export type OrganizationQuotasQueryVariables = Exact<{
  id: string;
}>;


export type OrganizationQuotasQuery = { organization: { id: string, quotas: Array<{ limit: PlanLimitKind, used: number, max: number | null }> } | null };

export type RunnerStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type RunnerStatusQuery = { runnerStatus: { checked: boolean, problems: Array<string> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, twoFactorEnabled: boolean } | null };

export type WorkspaceQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkspaceQuery = { currentSession: { id: string, activeOrganizationId: string | null, activeProjectId: string | null } | null, organizations: { nodes: Array<{ id: string, name: string, slug: string, viewerRole: OrgRole | null, projects: Array<{ id: string, name: string, isDefault: boolean, status: ProjectStatus }> }> } };

export type SetActiveMutationVariables = Exact<{
  input: SetActiveInput;
}>;


export type SetActiveMutation = { setActive: { id: string, activeOrganizationId: string | null, activeProjectId: string | null } };

export type ProjectQueryVariables = Exact<{
  id: string;
}>;


export type ProjectQuery = { project: { id: string, name: string, slug: string, description: string | null, isDefault: boolean, status: ProjectStatus, viewerLevel: AccessLevel | null, organizationId: string, organization: { id: string, name: string, viewerRole: OrgRole | null } } | null };

export type ImpersonationQueryVariables = Exact<{ [key: string]: never; }>;


export type ImpersonationQuery = { currentSession: { id: string, impersonatedBy: string | null } | null };

export type StopImpersonatingMutationVariables = Exact<{ [key: string]: never; }>;


export type StopImpersonatingMutation = { stopImpersonating: boolean };

export type ResendEmailVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type ResendEmailVerificationMutation = { requestEmailVerification: boolean };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, start: string, permission: ApiKeyPermission, projectId: string | null, jobId: string | null, enabled: boolean, expiresAt: string | null, lastRequest: string | null, requestCount: number, rateLimitMax: number | null, rateLimitWindowSeconds: number | null, createdAt: string }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string } } };

export type UpdateApiKeyMutationVariables = Exact<{
  id: string;
  input: UpdateApiKeyInput;
}>;


export type UpdateApiKeyMutation = { updateApiKey: { id: string, enabled: boolean } };

export type DeleteApiKeyMutationVariables = Exact<{
  id: string;
}>;


export type DeleteApiKeyMutation = { deleteApiKey: boolean };

export type LinkedAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type LinkedAccountsQuery = { me: { id: string, linkedAccounts: Array<{ provider: string, providerName: string, createdAt: string }> } | null };

export type UnlinkAccountMutationVariables = Exact<{
  provider: string;
}>;


export type UnlinkAccountMutation = { unlinkAccount: boolean };

export type UpdateProfileMutationVariables = Exact<{
  input: UpdateProfileInput;
}>;


export type UpdateProfileMutation = { updateProfile: { id: string, name: string } };

export type RequestEmailVerificationMutationVariables = Exact<{ [key: string]: never; }>;


export type RequestEmailVerificationMutation = { requestEmailVerification: boolean };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type EnrollTotpMutationVariables = Exact<{
  password: string;
}>;


export type EnrollTotpMutation = { enrollTotp: { secret: string, uri: string } };

export type ConfirmTotpMutationVariables = Exact<{
  code: string;
}>;


export type ConfirmTotpMutation = { confirmTotp: { id: string, twoFactorEnabled: boolean } };

export type DisableTotpMutationVariables = Exact<{
  password: string;
}>;


export type DisableTotpMutation = { disableTotp: { id: string, twoFactorEnabled: boolean } };

export type SessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsQuery = { sessions: Array<{ id: string, createdAt: string, expiresAt: string, ipAddress: string | null, userAgent: string | null, current: boolean }> };

export type RevokeSessionMutationVariables = Exact<{
  id: string;
}>;


export type RevokeSessionMutation = { revokeSession: boolean };

export type AdminPlansQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminPlansQuery = { plans: Array<{ id: string, name: string, description: string | null, price: number, currency: string, interval: PlanInterval, features: Array<string>, isActive: boolean, stripePriceId: string | null, polarProductId: string | null, maxTriggers: number, maxTimeoutDuration: number, limits: { tier: PlanTier } }> };

export type AdminPlanFragment = { id: string, name: string, description: string | null, price: number, currency: string, interval: PlanInterval, features: Array<string>, isActive: boolean, stripePriceId: string | null, polarProductId: string | null, maxTriggers: number, maxTimeoutDuration: number, limits: { tier: PlanTier } };

export type CreatePlanMutationVariables = Exact<{
  input: CreatePlanInput;
}>;


export type CreatePlanMutation = { createPlan: { id: string, name: string, description: string | null, price: number, currency: string, interval: PlanInterval, features: Array<string>, isActive: boolean, stripePriceId: string | null, polarProductId: string | null, maxTriggers: number, maxTimeoutDuration: number, limits: { tier: PlanTier } } };

export type UpdatePlanMutationVariables = Exact<{
  id: string;
  input: UpdatePlanInput;
}>;


export type UpdatePlanMutation = { updatePlan: { id: string, name: string, description: string | null, price: number, currency: string, interval: PlanInterval, features: Array<string>, isActive: boolean, stripePriceId: string | null, polarProductId: string | null, maxTriggers: number, maxTimeoutDuration: number, limits: { tier: PlanTier } } };

export type SetOrganizationPlanMutationVariables = Exact<{
  organizationId: string;
  planId: string;
}>;


export type SetOrganizationPlanMutation = { setOrganizationPlan: { id: string, name: string, plan: { id: string, name: string } } };

export type AdminUsersQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminUsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, email: string, emailVerified: boolean, role: UserRole, banned: boolean, banReason: string | null, banExpires: string | null, twoFactorEnabled: boolean, createdAt: string }> } };

export type AdminUserFragment = { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, banned: boolean, banReason: string | null, banExpires: string | null, twoFactorEnabled: boolean, createdAt: string };

export type BanUserMutationVariables = Exact<{
  input: BanUserInput;
}>;


export type BanUserMutation = { banUser: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, banned: boolean, banReason: string | null, banExpires: string | null, twoFactorEnabled: boolean, createdAt: string } };

export type UnbanUserMutationVariables = Exact<{
  userId: string;
}>;


export type UnbanUserMutation = { unbanUser: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, banned: boolean, banReason: string | null, banExpires: string | null, twoFactorEnabled: boolean, createdAt: string } };

export type SetUserRoleMutationVariables = Exact<{
  userId: string;
  role: UserRole;
}>;


export type SetUserRoleMutation = { setUserRole: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, banned: boolean, banReason: string | null, banExpires: string | null, twoFactorEnabled: boolean, createdAt: string } };

export type ImpersonateUserMutationVariables = Exact<{
  userId: string;
}>;


export type ImpersonateUserMutation = { impersonateUser: { token: string, user: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, twoFactorEnabled: boolean } } };

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;


export type VerifyEmailMutation = { verifyEmail: { token: string | null, user: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, twoFactorEnabled: boolean } } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { user: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, twoFactorEnabled: boolean } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { token: string | null, user: { id: string, name: string, email: string, emailVerified: boolean, role: UserRole, twoFactorEnabled: boolean } | null } };

export type SsoProvidersQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoProvidersQuery = { ssoProviders: Array<{ id: string, name: string }> };

export type CallbackQueryVariables = Exact<{
  id: string;
}>;


export type CallbackQuery = { callback: { id: string, name: string, callbackUrl: string, activeStatus: boolean, triggerUrl: string | null, customPath: string | null, customUrl: string | null, timeoutDuration: number, cachePeriod: number, actions: Array<{ id: string, type: ActionType, config: unknown, enabled: boolean, order: number, parallel: boolean }> } | null };

export type ActionRowFragment = { id: string, type: ActionType, config: unknown, enabled: boolean, order: number, parallel: boolean };

export type CallbackLogsQueryVariables = Exact<{
  callbackId: string;
}>;


export type CallbackLogsQuery = { callbackLogs: { totalCount: number, nodes: Array<{ id: string, event: string, success: boolean, statusCode: number | null, responseTime: number | null, request: unknown, response: unknown, details: unknown, replayOf: string | null, createdAt: string }> } };

export type CallbackLogRowFragment = { id: string, event: string, success: boolean, statusCode: number | null, responseTime: number | null, request: unknown, response: unknown, details: unknown, replayOf: string | null, createdAt: string };

export type CallbackLogAddedSubscriptionVariables = Exact<{
  callbackId: string;
}>;


export type CallbackLogAddedSubscription = { callbackLogAdded: { id: string, event: string, success: boolean, statusCode: number | null, responseTime: number | null, request: unknown, response: unknown, details: unknown, replayOf: string | null, createdAt: string } };

export type ActionExecutionsQueryVariables = Exact<{
  callbackId: string;
}>;


export type ActionExecutionsQuery = { actionExecutions: { totalCount: number, nodes: Array<{ id: string, actionId: string, callbackLogId: string, status: ActionExecutionStatus, attempt: number, step: number, error: string | null, durationMs: number | null, nextAttemptAt: string | null, createdAt: string }> } };

export type CallbackStatsQueryVariables = Exact<{
  id: string;
}>;


export type CallbackStatsQuery = { callback: { id: string, stats: { total: number, successful: number, failed: number, successRate: number | null, avgResponseTimeMs: number | null, p95ResponseTimeMs: number | null } } | null };

export type StoredPayloadsQueryVariables = Exact<{
  projectId: string;
  callbackId: string;
}>;


export type StoredPayloadsQuery = { storedPayloads: { totalCount: number, nodes: Array<{ id: string, key: string | null, payload: unknown, callbackLogId: string | null, createdAt: string }> } };

export type QueuedMessagesQueryVariables = Exact<{
  projectId: string;
  callbackId: string;
}>;


export type QueuedMessagesQuery = { queueMessages: { totalCount: number, nodes: Array<{ id: string, queue: string, payload: unknown, status: QueueMessageStatus, deliveries: number, leaseUntil: string | null, createdAt: string }> } };

export type CredentialChoicesQueryVariables = Exact<{
  projectId: string;
}>;


export type CredentialChoicesQuery = { serviceCredentials: { nodes: Array<{ id: string, name: string, provider: ServiceProvider }> } };

export type ReplayCallbackLogMutationVariables = Exact<{
  id: string;
}>;


export type ReplayCallbackLogMutation = { replayCallbackLog: { id: string } };

export type RotateTriggerTokenMutationVariables = Exact<{
  id: string;
}>;


export type RotateTriggerTokenMutation = { rotateTriggerToken: { id: string, triggerUrl: string | null, triggerToken: string | null } };

export type DeleteCallbackMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCallbackMutation = { deleteCallback: boolean };

export type CreateActionMutationVariables = Exact<{
  input: CreateActionInput;
}>;


export type CreateActionMutation = { createAction: { generatedSecret: string | null, id: string, type: ActionType, config: unknown, enabled: boolean, order: number, parallel: boolean } };

export type UpdateActionMutationVariables = Exact<{
  id: string;
  input: UpdateActionInput;
}>;


export type UpdateActionMutation = { updateAction: { generatedSecret: string | null, id: string, type: ActionType, config: unknown, enabled: boolean, order: number, parallel: boolean } };

export type DeleteActionMutationVariables = Exact<{
  id: string;
}>;


export type DeleteActionMutation = { deleteAction: boolean };

export type EditCallbackQueryVariables = Exact<{
  id: string;
}>;


export type EditCallbackQuery = { callback: { id: string, name: string, callbackUrl: string, activeStatus: boolean, customPath: string | null, timeoutDuration: number, cachePeriod: number, signature: { mode: CallbackSignatureMode, secretConfigured: boolean, header: string | null, encoding: SignatureEncoding | null, prefix: string | null } | null } | null };

export type CreateCallbackMutationVariables = Exact<{
  input: CreateCallbackInput;
}>;


export type CreateCallbackMutation = { createCallback: { id: string } };

export type UpdateCallbackMutationVariables = Exact<{
  id: string;
  input: UpdateCallbackInput;
}>;


export type UpdateCallbackMutation = { updateCallback: { id: string, name: string, callbackUrl: string, activeStatus: boolean, customPath: string | null, customUrl: string | null, timeoutDuration: number, cachePeriod: number, signature: { mode: CallbackSignatureMode, secretConfigured: boolean } | null } };

export type CallbacksQueryVariables = Exact<{
  projectId: string;
}>;


export type CallbacksQuery = { callbacks: { totalCount: number, nodes: Array<{ id: string, name: string, callbackUrl: string, activeStatus: boolean, triggerUrl: string | null, customPath: string | null, stats: { total: number, successRate: number | null, avgResponseTimeMs: number | null } }> } };

export type NodeProjectQueryVariables = Exact<{
  id: string;
}>;


export type NodeProjectQuery = { node:
    | { __typename: 'Callback', projectId: string }
    | { __typename: 'Incident' }
    | { __typename: 'Job', projectId: string }
    | { __typename: 'Monitor', projectId: string }
    | { __typename: 'NotificationProvider' }
    | { __typename: 'Organization' }
    | { __typename: 'Project' }
    | { __typename: 'Run', projectId: string }
    | { __typename: 'StatusPage', projectId: string }
    | { __typename: 'Test', projectId: string }
   | null };

export type JobQueryVariables = Exact<{
  id: string;
}>;


export type JobQuery = { job: { id: string, name: string, description: string | null, jobType: JobType, cronSchedule: string | null, nextRunAt: string | null, schedulePaused: boolean, lastRunAt: string | null, status: JobStatus, timeoutSeconds: number, triggerUrl: string, notificationProviderIds: Array<string>, alertConfig: { enabled: boolean, onFailure: boolean, onSuccess: boolean, onTimeout: boolean }, tests: Array<{ id: string, title: string, type: TestType }>, runs: { totalCount: number, nodes: Array<{ id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType } | null }> } } | null };

export type PauseJobScheduleMutationVariables = Exact<{
  id: string;
}>;


export type PauseJobScheduleMutation = { pauseJobSchedule: { id: string, nextRunAt: string | null, schedulePaused: boolean } };

export type ResumeJobScheduleMutationVariables = Exact<{
  id: string;
}>;


export type ResumeJobScheduleMutation = { resumeJobSchedule: { id: string, nextRunAt: string | null, schedulePaused: boolean } };

export type DeleteJobMutationVariables = Exact<{
  id: string;
}>;


export type DeleteJobMutation = { deleteJob: boolean };

export type CreateJobKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateJobKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string } } };

export type EditJobQueryVariables = Exact<{
  id: string;
}>;


export type EditJobQuery = { job: { id: string, name: string, description: string | null, jobType: JobType, cronSchedule: string | null, timeoutSeconds: number, notificationProviderIds: Array<string>, tests: Array<{ id: string }>, alertConfig: { enabled: boolean, onFailure: boolean, onSuccess: boolean, onTimeout: boolean, customMessage: string | null } } | null };

export type PickTestsQueryVariables = Exact<{
  projectId: string;
}>;


export type PickTestsQuery = { tests: { totalCount: number, nodes: Array<{ id: string, title: string, type: TestType }> } };

export type CronPreviewQueryVariables = Exact<{
  expression: string;
}>;


export type CronPreviewQuery = { cronPreview: Array<string> };

export type CreateJobMutationVariables = Exact<{
  input: CreateJobInput;
}>;


export type CreateJobMutation = { createJob: { id: string } };

export type UpdateJobMutationVariables = Exact<{
  id: string;
  input: UpdateJobInput;
}>;


export type UpdateJobMutation = { updateJob: { id: string, name: string, cronSchedule: string | null, nextRunAt: string | null, timeoutSeconds: number, tests: Array<{ id: string, title: string }> } };

export type JobsQueryVariables = Exact<{
  projectId: string;
}>;


export type JobsQuery = { jobs: { totalCount: number, nodes: Array<{ id: string, name: string, jobType: JobType, status: JobStatus, cronSchedule: string | null, nextRunAt: string | null, schedulePaused: boolean, lastRunAt: string | null, tests: Array<{ id: string }> }> } };

export type MonitorQueryVariables = Exact<{
  id: string;
}>;


export type MonitorQuery = { monitor: { id: string, name: string, description: string | null, type: MonitorType, target: string, status: MonitorStatus, enabled: boolean, muted: boolean, mutedUntil: string | null, frequencyMinutes: number, lastCheckAt: string | null, nextCheckAt: string | null, lastStatusChangeAt: string | null, heartbeatUrl: string | null, locations: Array<string>, uptimes: { day: number | null, week: number | null, month: number | null, quarter: number | null }, dailyUptime: Array<{ date: string, checks: number, failed: number, uptime: number | null }>, locationStatuses: Array<{ location: string, status: MonitorStatus, lastCheckedAt: string | null }>, downtimes: Array<{ start: string, end: string | null, durationSeconds: number, cause: string | null, errorClass: string | null, location: string }>, alerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: AlertType, channel: string, providerName: string | null, status: AlertDeliveryStatus, sentAt: string, attempts: number, nextAttemptAt: string | null, error: string | null }> } } | null };

export type MonitorAlertRowFragment = { id: string, type: AlertType, channel: string, providerName: string | null, status: AlertDeliveryStatus, sentAt: string, attempts: number, nextAttemptAt: string | null, error: string | null };

export type MonitorOlderAlertsQueryVariables = Exact<{
  id: string;
  after: string;
}>;


export type MonitorOlderAlertsQuery = { monitor: { id: string, alerts: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, type: AlertType, channel: string, providerName: string | null, status: AlertDeliveryStatus, sentAt: string, attempts: number, nextAttemptAt: string | null, error: string | null }> } } | null };

export type MonitorResultsQueryVariables = Exact<{
  monitorId: string;
}>;


export type MonitorResultsQuery = { monitorResults: { totalCount: number, nodes: Array<{ id: string, checkedAt: string, location: string, status: MonitorResultStatus, responseTimeMs: number | null, isUp: boolean, details: unknown }> } };

export type MonitorResultRowFragment = { id: string, checkedAt: string, location: string, status: MonitorResultStatus, responseTimeMs: number | null, isUp: boolean, details: unknown };

export type ResponseTimesQueryVariables = Exact<{
  id: string;
  range: SeriesRange;
}>;


export type ResponseTimesQuery = { monitor: { id: string, responseTimes: Array<{ start: string, checks: number, failed: number, avgMs: number | null, p95Ms: number | null }> } | null };

export type MonitorResultAddedSubscriptionVariables = Exact<{
  monitorId: string;
}>;


export type MonitorResultAddedSubscription = { monitorResultAdded: { id: string, checkedAt: string, location: string, status: MonitorResultStatus, responseTimeMs: number | null, isUp: boolean, details: unknown } };

export type CheckMonitorNowMutationVariables = Exact<{
  id: string;
}>;


export type CheckMonitorNowMutation = { checkMonitorNow: { id: string, nextCheckAt: string | null } };

export type MuteMonitorMutationVariables = Exact<{
  id: string;
  until: string;
}>;


export type MuteMonitorMutation = { muteMonitor: { id: string, muted: boolean, mutedUntil: string | null } };

export type UnmuteMonitorMutationVariables = Exact<{
  id: string;
}>;


export type UnmuteMonitorMutation = { unmuteMonitor: { id: string, muted: boolean, mutedUntil: string | null } };

export type SetMonitorEnabledMutationVariables = Exact<{
  id: string;
  enabled: boolean;
}>;


export type SetMonitorEnabledMutation = { updateMonitor: { id: string, enabled: boolean, status: MonitorStatus } };

export type DeleteMonitorMutationVariables = Exact<{
  id: string;
}>;


export type DeleteMonitorMutation = { deleteMonitor: boolean };

export type RotateHeartbeatUrlMutationVariables = Exact<{
  id: string;
}>;


export type RotateHeartbeatUrlMutation = { rotateHeartbeatUrl: { id: string, heartbeatUrl: string | null } };

export type EditMonitorQueryVariables = Exact<{
  id: string;
}>;


export type EditMonitorQuery = { monitor: { id: string, name: string, description: string | null, type: MonitorType, target: string, frequencyMinutes: number, enabled: boolean, config: unknown, downIntervalSeconds: number | null, parentIds: Array<string>, notificationProviderIds: Array<string>, locations: Array<string>, aggregation: MonitorAggregation, tags: Array<{ id: string }>, alert: { enabled: boolean, failureThreshold: number, recoveryThreshold: number, alertOnFailure: boolean, alertOnRecovery: boolean, alertOnSslExpiration: boolean, alertOnTimeout: boolean, customMessage: string | null } } | null };

export type SyntheticTestChoicesQueryVariables = Exact<{
  projectId: string;
}>;


export type SyntheticTestChoicesQuery = { tests: { nodes: Array<{ id: string, title: string, runner: JobType }> } };

export type MonitorChoicesQueryVariables = Exact<{
  projectId: string;
}>;


export type MonitorChoicesQuery = { monitors: { nodes: Array<{ id: string, name: string }> } };

export type CreateMonitorMutationVariables = Exact<{
  input: CreateMonitorInput;
}>;


export type CreateMonitorMutation = { createMonitor: { id: string } };

export type UpdateMonitorMutationVariables = Exact<{
  id: string;
  input: UpdateMonitorInput;
}>;


export type UpdateMonitorMutation = { updateMonitor: { id: string, name: string, target: string, status: MonitorStatus, config: unknown } };

export type MonitorsQueryVariables = Exact<{
  projectId: string;
  filter?: MonitorFilter | null | undefined;
}>;


export type MonitorsQuery = { monitors: { totalCount: number, nodes: Array<{ id: string, name: string, type: MonitorType, target: string, status: MonitorStatus, enabled: boolean, muted: boolean, lastCheckAt: string | null, tags: Array<{ id: string, name: string, color: string | null }>, latestResult: { id: string, checkedAt: string, responseTimeMs: number | null } | null, uptimes: { day: number | null } }> } };

export type MonitorStatusChangedSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type MonitorStatusChangedSubscription = { monitorStatusChanged: { id: string, status: MonitorStatus, lastCheckAt: string | null, lastStatusChangeAt: string | null } };

export type ProjectMonitorResultAddedSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type ProjectMonitorResultAddedSubscription = { monitorResultAdded: { id: string, monitorId: string, checkedAt: string, responseTimeMs: number | null, status: MonitorResultStatus } };

export type InvitationQueryVariables = Exact<{
  id: string;
}>;


export type InvitationQuery = { invitation: { id: string, email: string, role: OrgRole, status: InvitationStatus, expiresAt: string, organizationId: string, organizationName: string, inviter: { id: string, name: string } | null } | null };

export type AcceptInvitationMutationVariables = Exact<{
  id: string;
}>;


export type AcceptInvitationMutation = { acceptInvitation: { id: string, organizationId: string } };

export type DeclineInvitationMutationVariables = Exact<{
  id: string;
}>;


export type DeclineInvitationMutation = { revokeInvitation: { id: string, status: InvitationStatus } };

export type CreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type CreateOrganizationMutation = { createOrganization: { id: string, name: string, projects: Array<{ id: string, isDefault: boolean }> } };

export type MyInvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyInvitationsQuery = { myInvitations: Array<{ id: string, organizationName: string, role: OrgRole }> };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject: { id: string, name: string } };

export type MembersQueryVariables = Exact<{
  organizationId: string;
}>;


export type MembersQuery = { members: { totalCount: number, nodes: Array<{ id: string, role: OrgRole, createdAt: string, user: { id: string, name: string, email: string } }> } };

export type UpdateMemberRoleMutationVariables = Exact<{
  memberId: string;
  role: OrgRole;
}>;


export type UpdateMemberRoleMutation = { updateMemberRole: { id: string, role: OrgRole } };

export type RemoveMemberMutationVariables = Exact<{
  memberId: string;
}>;


export type RemoveMemberMutation = { removeMember: boolean };

export type InvitationsQueryVariables = Exact<{
  organizationId: string;
}>;


export type InvitationsQuery = { invitations: { totalCount: number, nodes: Array<{ id: string, email: string, role: OrgRole, status: InvitationStatus, expiresAt: string, createdAt: string, projectIds: Array<string>, inviter: { id: string, name: string } | null }> } };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { inviteMember: { id: string } };

export type RevokeInvitationMutationVariables = Exact<{
  id: string;
}>;


export type RevokeInvitationMutation = { revokeInvitation: { id: string, status: InvitationStatus } };

export type AuditLogsQueryVariables = Exact<{
  organizationId: string;
  after?: string | null | undefined;
  filter?: AuditLogFilter | null | undefined;
}>;


export type AuditLogsQuery = { auditLogs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, action: string, details: unknown, createdAt: string, user: { id: string, name: string, email: string } | null }> } };

export type AuditEntryFragment = { id: string, action: string, details: unknown, createdAt: string, user: { id: string, name: string, email: string } | null };

export type AuditLogAddedSubscriptionVariables = Exact<{
  organizationId: string;
}>;


export type AuditLogAddedSubscription = { auditLogAdded: { id: string, action: string, details: unknown, createdAt: string, user: { id: string, name: string, email: string } | null } };

export type UpdateOrganizationMutationVariables = Exact<{
  id: string;
  input: UpdateOrganizationInput;
}>;


export type UpdateOrganizationMutation = { updateOrganization: { id: string, name: string, slug: string } };

export type DeleteOrganizationMutationVariables = Exact<{
  id: string;
}>;


export type DeleteOrganizationMutation = { deleteOrganization: boolean };

export type OrganizationSsoQueryVariables = Exact<{
  organizationId: string;
}>;


export type OrganizationSsoQuery = { organizationSso: { organizationId: string, required: boolean, providerId: string | null, providerName: string | null, requiredBy: string | null, available: boolean, unavailableReason: string | null }, ssoProviders: Array<{ id: string, name: string }> };

export type UpdateOrganizationSsoMutationVariables = Exact<{
  organizationId: string;
  input: UpdateOrganizationSsoInput;
}>;


export type UpdateOrganizationSsoMutation = { updateOrganizationSso: { organizationId: string, required: boolean, providerId: string | null, providerName: string | null, requiredBy: string | null, available: boolean, unavailableReason: string | null } };

export type BillingOverviewQueryVariables = Exact<{
  id: string;
}>;


export type BillingOverviewQuery = { serverInfo: { billingEnabled: boolean }, organization: { id: string, name: string, viewerRole: OrgRole | null, plan: { id: string, name: string, description: string | null, price: number, currency: string, interval: PlanInterval, features: Array<string>, isActive: boolean, stripePriceId: string | null, polarProductId: string | null, maxTriggers: number, limits: { tier: PlanTier, maxMonitors: number, minCheckIntervalMinutes: number, playwrightMinutesIncluded: number, k6VuMinutesIncluded: number, aiCreditsIncluded: number, runningCapacity: number, maxTeamMembers: number, maxProjects: number, maxStatusPages: number, customDomains: boolean, ssoEnabled: boolean, dataRetentionDays: number } }, subscription: { status: SubscriptionStatus, provider: BillingProvider, currentPeriodStart: string | null, currentPeriodEnd: string | null, cancelAtPeriodEnd: boolean, pastDueSince: string | null, graceEndsAt: string | null } | null } | null, plans: Array<{ id: string, name: string, description: string | null, price: number, currency: string, interval: PlanInterval, features: Array<string>, isActive: boolean, stripePriceId: string | null, polarProductId: string | null, maxTriggers: number, limits: { tier: PlanTier, maxMonitors: number, minCheckIntervalMinutes: number, playwrightMinutesIncluded: number, k6VuMinutesIncluded: number, aiCreditsIncluded: number, runningCapacity: number, maxTeamMembers: number, maxProjects: number, maxStatusPages: number, customDomains: boolean, ssoEnabled: boolean, dataRetentionDays: number } }> };

export type BillingPlanFragment = { id: string, name: string, description: string | null, price: number, currency: string, interval: PlanInterval, features: Array<string>, isActive: boolean, stripePriceId: string | null, polarProductId: string | null, maxTriggers: number, limits: { tier: PlanTier, maxMonitors: number, minCheckIntervalMinutes: number, playwrightMinutesIncluded: number, k6VuMinutesIncluded: number, aiCreditsIncluded: number, runningCapacity: number, maxTeamMembers: number, maxProjects: number, maxStatusPages: number, customDomains: boolean, ssoEnabled: boolean, dataRetentionDays: number } };

export type CreateCheckoutSessionMutationVariables = Exact<{
  organizationId: string;
  planId: string;
}>;


export type CreateCheckoutSessionMutation = { createCheckoutSession: string };

export type CreatePolarCheckoutMutationVariables = Exact<{
  organizationId: string;
  planId: string;
}>;


export type CreatePolarCheckoutMutation = { createPolarCheckout: string };

export type CreateBillingPortalSessionMutationVariables = Exact<{
  organizationId: string;
}>;


export type CreateBillingPortalSessionMutation = { createBillingPortalSession: string };

export type CreatePolarPortalSessionMutationVariables = Exact<{
  organizationId: string;
}>;


export type CreatePolarPortalSessionMutation = { createPolarPortalSession: string };

export type OrganizationUsageQueryVariables = Exact<{
  id: string;
}>;


export type OrganizationUsageQuery = { organization: { id: string, usage: { periodStart: string, periodEnd: string, overageCents: number, spendingLimitCents: number | null, hardStopped: boolean, hardStopReason: string | null, meters: Array<{ meter: UsageMeterKind, used: number, included: number | null, unit: string, overageUnits: number, overageCents: number }> } } | null };

export type OrganizationBillingSettingsQueryVariables = Exact<{
  id: string;
}>;


export type OrganizationBillingSettingsQuery = { organization: { id: string, billingSettings: { enableSpendingLimit: boolean, monthlySpendingLimitCents: number | null, hardStopOnLimit: boolean, notifyAt50Percent: boolean, notifyAt80Percent: boolean, notifyAt90Percent: boolean, notifyAt100Percent: boolean, notificationEmails: Array<string> } } | null };

export type BillingSettingsFieldsFragment = { enableSpendingLimit: boolean, monthlySpendingLimitCents: number | null, hardStopOnLimit: boolean, notifyAt50Percent: boolean, notifyAt80Percent: boolean, notifyAt90Percent: boolean, notifyAt100Percent: boolean, notificationEmails: Array<string> };

export type UpdateBillingSettingsMutationVariables = Exact<{
  organizationId: string;
  input: UpdateBillingSettingsInput;
}>;


export type UpdateBillingSettingsMutation = { updateBillingSettings: { enableSpendingLimit: boolean, monthlySpendingLimitCents: number | null, hardStopOnLimit: boolean, notifyAt50Percent: boolean, notifyAt80Percent: boolean, notifyAt90Percent: boolean, notifyAt100Percent: boolean, notificationEmails: Array<string> } };

export type ProjectOverviewQueryVariables = Exact<{
  projectId: string;
}>;


export type ProjectOverviewQuery = { projectOverview: { testCount: number, jobCount: number, callbackCount: number, statusPageCount: number, monitorCounts: Array<{ status: MonitorStatus, count: number }>, failingMonitors: Array<{ id: string, name: string, target: string, status: MonitorStatus, lastStatusChangeAt: string | null }>, openIncidents: Array<{ id: string, statusPageId: string, title: string, status: IncidentStatus, impact: IncidentImpact, createdAt: string }>, failingJobs: Array<{ id: string, name: string, status: JobStatus, lastRunAt: string | null }>, recentRuns: Array<{ id: string, status: RunStatus, trigger: RunTrigger, createdAt: string, durationMs: number | null, testId: string | null, job: { id: string, name: string } | null }>, triggers: { windowHours: number, total: number, failed: number, errorRate: number | null } } };

export type OverviewMonitorStatusSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type OverviewMonitorStatusSubscription = { monitorStatusChanged: { id: string, status: MonitorStatus } };

export type OverviewRunUpdatedSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type OverviewRunUpdatedSubscription = { runUpdated: { id: string, status: RunStatus } };

export type OverviewCallbackLogAddedSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type OverviewCallbackLogAddedSubscription = { callbackLogAdded: { id: string, success: boolean } };

export type RunsQueryVariables = Exact<{
  projectId: string;
  filter?: RunFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type RunsQuery = { runs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType } | null }> } };

export type JobNamesQueryVariables = Exact<{
  projectId: string;
}>;


export type JobNamesQuery = { jobs: { nodes: Array<{ id: string, name: string }> } };

export type RunRowFragment = { id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType } | null };

export type RunDetailFragment = { location: string | null, logs: string | null, logLines: number | null, errorDetails: string | null, exitCode: number | null, attempt: number, reportUrl: string | null, logsUrl: string | null, videoUrl: string | null, id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, artifacts: Array<{ kind: string, path: string, url: string }>, k6Results: Array<{ id: string, testId: string | null, status: RunStatus, durationMs: number | null, thresholdsPassed: boolean | null, totalRequests: number | null, failedRequests: number | null, requestRate: number | null, avgResponseTimeMs: number | null, p95ResponseTimeMs: number | null, p99ResponseTimeMs: number | null, errorDetails: string | null, reportUrl: string | null, consoleUrl: string | null, summaryUrl: string | null }>, job: { id: string, name: string, jobType: JobType } | null };

export type RunQueryVariables = Exact<{
  id: string;
}>;


export type RunQuery = { run: { location: string | null, logs: string | null, logLines: number | null, errorDetails: string | null, exitCode: number | null, attempt: number, reportUrl: string | null, logsUrl: string | null, videoUrl: string | null, id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType, tests: Array<{ id: string, title: string }> } | null, artifacts: Array<{ kind: string, path: string, url: string }>, k6Results: Array<{ id: string, testId: string | null, status: RunStatus, durationMs: number | null, thresholdsPassed: boolean | null, totalRequests: number | null, failedRequests: number | null, requestRate: number | null, avgResponseTimeMs: number | null, p95ResponseTimeMs: number | null, p99ResponseTimeMs: number | null, errorDetails: string | null, reportUrl: string | null, consoleUrl: string | null, summaryUrl: string | null }> } | null };

export type RunUpdatedSubscriptionVariables = Exact<{
  runId: string;
}>;


export type RunUpdatedSubscription = { runUpdated: { location: string | null, logs: string | null, logLines: number | null, errorDetails: string | null, exitCode: number | null, attempt: number, reportUrl: string | null, logsUrl: string | null, videoUrl: string | null, id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, artifacts: Array<{ kind: string, path: string, url: string }>, k6Results: Array<{ id: string, testId: string | null, status: RunStatus, durationMs: number | null, thresholdsPassed: boolean | null, totalRequests: number | null, failedRequests: number | null, requestRate: number | null, avgResponseTimeMs: number | null, p95ResponseTimeMs: number | null, p99ResponseTimeMs: number | null, errorDetails: string | null, reportUrl: string | null, consoleUrl: string | null, summaryUrl: string | null }>, job: { id: string, name: string, jobType: JobType } | null } };

export type ProjectRunUpdatedSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type ProjectRunUpdatedSubscription = { runUpdated: { id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType } | null } };

export type RunLogSubscriptionVariables = Exact<{
  runId: string;
}>;


export type RunLogSubscription = { runLog: { runId: string, number: number, line: string } };

export type CancelRunMutationVariables = Exact<{
  id: string;
}>;


export type CancelRunMutation = { cancelRun: { id: string, status: RunStatus, cancelRequested: boolean } };

export type TriggerJobMutationVariables = Exact<{
  id: string;
}>;


export type TriggerJobMutation = { triggerJob: { id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType } | null } };

export type RunTestMutationVariables = Exact<{
  id: string;
  script?: string | null | undefined;
}>;


export type RunTestMutation = { runTest: { id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType } | null } };

export type TestTitlesQueryVariables = Exact<{
  projectId: string;
}>;


export type TestTitlesQuery = { tests: { nodes: Array<{ id: string, title: string }> } };

export type ServiceCredentialsQueryVariables = Exact<{
  projectId: string;
}>;


export type ServiceCredentialsQuery = { serviceCredentials: { totalCount: number, nodes: Array<{ id: string, name: string, provider: ServiceProvider, meta: unknown, updatedAt: string }> } };

export type CreateServiceCredentialMutationVariables = Exact<{
  input: CreateServiceCredentialInput;
}>;


export type CreateServiceCredentialMutation = { createServiceCredential: { id: string } };

export type DeleteServiceCredentialMutationVariables = Exact<{
  id: string;
}>;


export type DeleteServiceCredentialMutation = { deleteServiceCredential: boolean };

export type UpdateProjectMutationVariables = Exact<{
  id: string;
  input: UpdateProjectInput;
}>;


export type UpdateProjectMutation = { updateProject: { id: string, name: string, slug: string, description: string | null, status: ProjectStatus } };

export type DeleteProjectMutationVariables = Exact<{
  id: string;
}>;


export type DeleteProjectMutation = { deleteProject: boolean };

export type ProviderFieldsFragment = { id: string, name: string, type: NotificationProviderType, isEnabled: boolean, config: unknown, projectId: string | null, organizationId: string };

export type NotificationProvidersQueryVariables = Exact<{
  projectId: string;
}>;


export type NotificationProvidersQuery = { notificationProviders: { totalCount: number, nodes: Array<{ id: string, name: string, type: NotificationProviderType, isEnabled: boolean, config: unknown, projectId: string | null, organizationId: string }> } };

export type OrganizationNotificationProvidersQueryVariables = Exact<{
  organizationId: string;
}>;


export type OrganizationNotificationProvidersQuery = { organizationNotificationProviders: { totalCount: number, nodes: Array<{ id: string, name: string, type: NotificationProviderType, isEnabled: boolean, config: unknown, projectId: string | null, organizationId: string }> } };

export type CreateNotificationProviderMutationVariables = Exact<{
  input: CreateNotificationProviderInput;
}>;


export type CreateNotificationProviderMutation = { createNotificationProvider: { id: string, name: string, generatedSecret: string | null } };

export type UpdateNotificationProviderMutationVariables = Exact<{
  id: string;
  input: UpdateNotificationProviderInput;
}>;


export type UpdateNotificationProviderMutation = { updateNotificationProvider: { id: string, name: string, isEnabled: boolean, generatedSecret: string | null } };

export type DeleteNotificationProviderMutationVariables = Exact<{
  id: string;
}>;


export type DeleteNotificationProviderMutation = { deleteNotificationProvider: boolean };

export type TestNotificationProviderMutationVariables = Exact<{
  id: string;
}>;


export type TestNotificationProviderMutation = { testNotificationProvider: { success: boolean, attempts: number, error: string | null } };

export type ProjectMembersQueryVariables = Exact<{
  id: string;
  organizationId: string;
}>;


export type ProjectMembersQuery = { project: { id: string, members: Array<{ id: string, role: ProjectRole, user: { id: string, name: string, email: string } }> } | null, members: { nodes: Array<{ id: string, role: OrgRole, user: { id: string, name: string, email: string } }> } };

export type SetProjectMemberMutationVariables = Exact<{
  input: SetProjectMemberInput;
}>;


export type SetProjectMemberMutation = { setProjectMember: { id: string, role: ProjectRole } };

export type RemoveProjectMemberMutationVariables = Exact<{
  projectId: string;
  userId: string;
}>;


export type RemoveProjectMemberMutation = { removeProjectMember: boolean };

export type TagsQueryVariables = Exact<{
  projectId: string;
}>;


export type TagsQuery = { tags: { totalCount: number, nodes: Array<{ id: string, name: string, color: string | null }> } };

export type CreateTagMutationVariables = Exact<{
  input: CreateTagInput;
}>;


export type CreateTagMutation = { createTag: { id: string } };

export type DeleteTagMutationVariables = Exact<{
  id: string;
}>;


export type DeleteTagMutation = { deleteTag: boolean };

export type ProjectVariablesQueryVariables = Exact<{
  projectId: string;
}>;


export type ProjectVariablesQuery = { projectVariables: { totalCount: number, nodes: Array<{ id: string, key: string, value: string | null, isSecret: boolean, description: string | null, updatedAt: string }> } };

export type CreateProjectVariableMutationVariables = Exact<{
  input: CreateProjectVariableInput;
}>;


export type CreateProjectVariableMutation = { createProjectVariable: { id: string } };

export type UpdateProjectVariableMutationVariables = Exact<{
  id: string;
  input: UpdateProjectVariableInput;
}>;


export type UpdateProjectVariableMutation = { updateProjectVariable: { id: string, value: string | null } };

export type DeleteProjectVariableMutationVariables = Exact<{
  id: string;
}>;


export type DeleteProjectVariableMutation = { deleteProjectVariable: boolean };

export type StatusPageSubscribersQueryVariables = Exact<{
  statusPageId: string;
  first: number;
  after?: string | null | undefined;
  filter?: StatusPageSubscriberFilter | null | undefined;
}>;


export type StatusPageSubscribersQuery = { statusPageSubscribers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, mode: StatusPageSubscriberMode, state: StatusPageSubscriberState, email: string | null, phoneNumber: string | null, phoneCountry: string | null, endpoint: string | null, componentIds: Array<string>, incidentIds: Array<string>, confirmedAt: string | null, quarantinedAt: string | null, purgeAt: string | null, failedDeliveries: number, createdAt: string }> } };

export type SubscriberFieldsFragment = { id: string, mode: StatusPageSubscriberMode, state: StatusPageSubscriberState, email: string | null, phoneNumber: string | null, phoneCountry: string | null, endpoint: string | null, componentIds: Array<string>, incidentIds: Array<string>, confirmedAt: string | null, quarantinedAt: string | null, purgeAt: string | null, failedDeliveries: number, createdAt: string };

export type StatusPageSubscribersCsvQueryVariables = Exact<{
  statusPageId: string;
}>;


export type StatusPageSubscribersCsvQuery = { statusPageSubscribersCsv: string };

export type StatusPageMetricsQueryVariables = Exact<{
  id: string;
  days: number;
}>;


export type StatusPageMetricsQuery = { statusPage: { id: string, metrics: Array<{ date: string, pageViews: number, subscribers: number | null, pendingSubscribers: number | null, quarantinedSubscribers: number | null }> } | null };

export type AddStatusPageSubscriberMutationVariables = Exact<{
  input: AddStatusPageSubscriberInput;
}>;


export type AddStatusPageSubscriberMutation = { addStatusPageSubscriber: { signingSecret: string | null, subscriber: { id: string, mode: StatusPageSubscriberMode, state: StatusPageSubscriberState, email: string | null, phoneNumber: string | null, phoneCountry: string | null, endpoint: string | null, componentIds: Array<string>, incidentIds: Array<string>, confirmedAt: string | null, quarantinedAt: string | null, purgeAt: string | null, failedDeliveries: number, createdAt: string } } };

export type RemoveStatusPageSubscriberMutationVariables = Exact<{
  id: string;
}>;


export type RemoveStatusPageSubscriberMutation = { removeStatusPageSubscriber: boolean };

export type ClearStatusPageSubscriberQuarantineMutationVariables = Exact<{
  id: string;
}>;


export type ClearStatusPageSubscriberQuarantineMutation = { clearStatusPageSubscriberQuarantine: { id: string, mode: StatusPageSubscriberMode, state: StatusPageSubscriberState, email: string | null, phoneNumber: string | null, phoneCountry: string | null, endpoint: string | null, componentIds: Array<string>, incidentIds: Array<string>, confirmedAt: string | null, quarantinedAt: string | null, purgeAt: string | null, failedDeliveries: number, createdAt: string } };

export type StatusPageIncidentsQueryVariables = Exact<{
  statusPageId: string;
  first: number;
  after?: string | null | undefined;
  filter?: IncidentFilter | null | undefined;
}>;


export type StatusPageIncidentsQuery = { incidents: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: IncidentKind, title: string, status: IncidentStatus, impact: IncidentImpact, backfilled: boolean, backfilledAt: string | null, scheduledFor: string | null, scheduledUntil: string | null, remindPrior: boolean, reminderIntervals: Array<number>, resolvedAt: string | null, shortlink: string | null, createdAt: string, components: Array<{ componentId: string, newStatus: ComponentStatus }>, postmortem: { id: string, published: boolean } | null }> } };

export type IncidentSummaryFragment = { id: string, kind: IncidentKind, title: string, status: IncidentStatus, impact: IncidentImpact, backfilled: boolean, backfilledAt: string | null, scheduledFor: string | null, scheduledUntil: string | null, remindPrior: boolean, reminderIntervals: Array<number>, resolvedAt: string | null, shortlink: string | null, createdAt: string, components: Array<{ componentId: string, newStatus: ComponentStatus }>, postmortem: { id: string, published: boolean } | null };

export type StatusPageIncidentQueryVariables = Exact<{
  id: string;
}>;


export type StatusPageIncidentQuery = { incident: { id: string, statusPageId: string, kind: IncidentKind, title: string, status: IncidentStatus, impact: IncidentImpact, impactOverride: IncidentImpact | null, message: string | null, deliverNotifications: boolean, backfilled: boolean, backfilledAt: string | null, scheduledFor: string | null, scheduledUntil: string | null, remindPrior: boolean, reminderIntervals: Array<number>, remindersSent: Array<number>, autoInProgress: boolean, autoCompleted: boolean, autoTransitionToMaintenanceState: boolean, autoTransitionToOperationalState: boolean, notifyAtStart: boolean, notifyAtEnd: boolean, monitoringAt: string | null, resolvedAt: string | null, shortlink: string | null, createdAt: string, updatedAt: string, updates: Array<{ id: string, status: IncidentStatus, message: string, displayAt: string | null, deliverNotifications: boolean, createdAt: string }>, components: Array<{ componentId: string, oldStatus: ComponentStatus | null, newStatus: ComponentStatus, createdAt: string }>, postmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } | null } | null };

export type IncidentDetailFragment = { id: string, statusPageId: string, kind: IncidentKind, title: string, status: IncidentStatus, impact: IncidentImpact, impactOverride: IncidentImpact | null, message: string | null, deliverNotifications: boolean, backfilled: boolean, backfilledAt: string | null, scheduledFor: string | null, scheduledUntil: string | null, remindPrior: boolean, reminderIntervals: Array<number>, remindersSent: Array<number>, autoInProgress: boolean, autoCompleted: boolean, autoTransitionToMaintenanceState: boolean, autoTransitionToOperationalState: boolean, notifyAtStart: boolean, notifyAtEnd: boolean, monitoringAt: string | null, resolvedAt: string | null, shortlink: string | null, createdAt: string, updatedAt: string, updates: Array<{ id: string, status: IncidentStatus, message: string, displayAt: string | null, deliverNotifications: boolean, createdAt: string }>, components: Array<{ componentId: string, oldStatus: ComponentStatus | null, newStatus: ComponentStatus, createdAt: string }>, postmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } | null };

export type PostmortemFieldsFragment = { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string };

export type IncidentTemplatesQueryVariables = Exact<{
  statusPageId: string;
}>;


export type IncidentTemplatesQuery = { incidentTemplates: { totalCount: number, nodes: Array<{ id: string, name: string, title: string, body: string, status: IncidentStatus, shouldSendNotifications: boolean, componentIds: Array<string> }> } };

export type IncidentTemplateFieldsFragment = { id: string, name: string, title: string, body: string, status: IncidentStatus, shouldSendNotifications: boolean, componentIds: Array<string> };

export type CreateIncidentMutationVariables = Exact<{
  input: CreateIncidentInput;
}>;


export type CreateIncidentMutation = { createIncident: { id: string } };

export type AddIncidentUpdateMutationVariables = Exact<{
  input: AddIncidentUpdateInput;
}>;


export type AddIncidentUpdateMutation = { addIncidentUpdate: { id: string } };

export type UpdateIncidentMutationVariables = Exact<{
  id: string;
  input: UpdateIncidentInput;
}>;


export type UpdateIncidentMutation = { updateIncident: { id: string, statusPageId: string, kind: IncidentKind, title: string, status: IncidentStatus, impact: IncidentImpact, impactOverride: IncidentImpact | null, message: string | null, deliverNotifications: boolean, backfilled: boolean, backfilledAt: string | null, scheduledFor: string | null, scheduledUntil: string | null, remindPrior: boolean, reminderIntervals: Array<number>, remindersSent: Array<number>, autoInProgress: boolean, autoCompleted: boolean, autoTransitionToMaintenanceState: boolean, autoTransitionToOperationalState: boolean, notifyAtStart: boolean, notifyAtEnd: boolean, monitoringAt: string | null, resolvedAt: string | null, shortlink: string | null, createdAt: string, updatedAt: string, updates: Array<{ id: string, status: IncidentStatus, message: string, displayAt: string | null, deliverNotifications: boolean, createdAt: string }>, components: Array<{ componentId: string, oldStatus: ComponentStatus | null, newStatus: ComponentStatus, createdAt: string }>, postmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } | null } };

export type ResolveIncidentMutationVariables = Exact<{
  id: string;
  message?: string | null | undefined;
}>;


export type ResolveIncidentMutation = { resolveIncident: { id: string, statusPageId: string, kind: IncidentKind, title: string, status: IncidentStatus, impact: IncidentImpact, impactOverride: IncidentImpact | null, message: string | null, deliverNotifications: boolean, backfilled: boolean, backfilledAt: string | null, scheduledFor: string | null, scheduledUntil: string | null, remindPrior: boolean, reminderIntervals: Array<number>, remindersSent: Array<number>, autoInProgress: boolean, autoCompleted: boolean, autoTransitionToMaintenanceState: boolean, autoTransitionToOperationalState: boolean, notifyAtStart: boolean, notifyAtEnd: boolean, monitoringAt: string | null, resolvedAt: string | null, shortlink: string | null, createdAt: string, updatedAt: string, updates: Array<{ id: string, status: IncidentStatus, message: string, displayAt: string | null, deliverNotifications: boolean, createdAt: string }>, components: Array<{ componentId: string, oldStatus: ComponentStatus | null, newStatus: ComponentStatus, createdAt: string }>, postmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } | null } };

export type DeleteIncidentMutationVariables = Exact<{
  id: string;
}>;


export type DeleteIncidentMutation = { deleteIncident: boolean };

export type CreateMaintenanceMutationVariables = Exact<{
  input: CreateMaintenanceInput;
}>;


export type CreateMaintenanceMutation = { createMaintenance: { id: string } };

export type UpdateMaintenanceMutationVariables = Exact<{
  id: string;
  input: UpdateMaintenanceInput;
}>;


export type UpdateMaintenanceMutation = { updateMaintenance: { id: string, statusPageId: string, kind: IncidentKind, title: string, status: IncidentStatus, impact: IncidentImpact, impactOverride: IncidentImpact | null, message: string | null, deliverNotifications: boolean, backfilled: boolean, backfilledAt: string | null, scheduledFor: string | null, scheduledUntil: string | null, remindPrior: boolean, reminderIntervals: Array<number>, remindersSent: Array<number>, autoInProgress: boolean, autoCompleted: boolean, autoTransitionToMaintenanceState: boolean, autoTransitionToOperationalState: boolean, notifyAtStart: boolean, notifyAtEnd: boolean, monitoringAt: string | null, resolvedAt: string | null, shortlink: string | null, createdAt: string, updatedAt: string, updates: Array<{ id: string, status: IncidentStatus, message: string, displayAt: string | null, deliverNotifications: boolean, createdAt: string }>, components: Array<{ componentId: string, oldStatus: ComponentStatus | null, newStatus: ComponentStatus, createdAt: string }>, postmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } | null } };

export type SavePostmortemMutationVariables = Exact<{
  incidentId: string;
  body: string;
}>;


export type SavePostmortemMutation = { savePostmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } };

export type PublishPostmortemMutationVariables = Exact<{
  incidentId: string;
  notifySubscribers: boolean;
}>;


export type PublishPostmortemMutation = { publishPostmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } };

export type UnpublishPostmortemMutationVariables = Exact<{
  incidentId: string;
}>;


export type UnpublishPostmortemMutation = { unpublishPostmortem: { id: string, incidentId: string, body: string, bodyLastUpdatedAt: string | null, published: boolean, publishedAt: string | null, notifiedSubscribers: boolean, updatedAt: string } };

export type CreateIncidentTemplateMutationVariables = Exact<{
  input: CreateIncidentTemplateInput;
}>;


export type CreateIncidentTemplateMutation = { createIncidentTemplate: { id: string, name: string, title: string, body: string, status: IncidentStatus, shouldSendNotifications: boolean, componentIds: Array<string> } };

export type UpdateIncidentTemplateMutationVariables = Exact<{
  id: string;
  input: UpdateIncidentTemplateInput;
}>;


export type UpdateIncidentTemplateMutation = { updateIncidentTemplate: { id: string, name: string, title: string, body: string, status: IncidentStatus, shouldSendNotifications: boolean, componentIds: Array<string> } };

export type DeleteIncidentTemplateMutationVariables = Exact<{
  id: string;
}>;


export type DeleteIncidentTemplateMutation = { deleteIncidentTemplate: boolean };

export type StatusPagesQueryVariables = Exact<{
  projectId: string;
}>;


export type StatusPagesQuery = { statusPages: { totalCount: number, nodes: Array<{ id: string, name: string, subdomain: string, url: string, published: boolean, customDomain: string | null, customDomainVerified: boolean, components: Array<{ id: string, status: ComponentStatus }> }> } };

export type StatusPageQueryVariables = Exact<{
  id: string;
}>;


export type StatusPageQuery = { statusPage: { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> } | null };

export type StatusPageFieldsFragment = { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> };

export type StatusPageComponentFieldsFragment = { id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> };

export type StatusPageUpdatedSubscriptionVariables = Exact<{
  statusPageId: string;
}>;


export type StatusPageUpdatedSubscription = { statusPageUpdated: { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> } };

export type StatusPageMonitorPickerQueryVariables = Exact<{
  projectId: string;
}>;


export type StatusPageMonitorPickerQuery = { monitors: { totalCount: number, nodes: Array<{ id: string, name: string, status: MonitorStatus }> } };

export type CreateStatusPageMutationVariables = Exact<{
  input: CreateStatusPageInput;
}>;


export type CreateStatusPageMutation = { createStatusPage: { id: string, subdomain: string, url: string, published: boolean } };

export type UpdateStatusPageMutationVariables = Exact<{
  id: string;
  input: UpdateStatusPageInput;
}>;


export type UpdateStatusPageMutation = { updateStatusPage: { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> } };

export type SetStatusPageImageMutationVariables = Exact<{
  id: string;
  kind: StatusPageImageKind;
  contentType?: string | null | undefined;
  dataBase64?: string | null | undefined;
}>;


export type SetStatusPageImageMutation = { setStatusPageImage: { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> } };

export type SetStatusPageCustomDomainMutationVariables = Exact<{
  id: string;
  domain?: string | null | undefined;
}>;


export type SetStatusPageCustomDomainMutation = { setStatusPageCustomDomain: { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> } };

export type VerifyStatusPageCustomDomainMutationVariables = Exact<{
  id: string;
}>;


export type VerifyStatusPageCustomDomainMutation = { verifyStatusPageCustomDomain: { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> } };

export type PublishStatusPageMutationVariables = Exact<{
  id: string;
}>;


export type PublishStatusPageMutation = { publishStatusPage: { id: string, published: boolean } };

export type UnpublishStatusPageMutationVariables = Exact<{
  id: string;
}>;


export type UnpublishStatusPageMutation = { unpublishStatusPage: { id: string, published: boolean } };

export type DeleteStatusPageMutationVariables = Exact<{
  id: string;
}>;


export type DeleteStatusPageMutation = { deleteStatusPage: boolean };

export type CreateStatusPageComponentMutationVariables = Exact<{
  input: CreateStatusPageComponentInput;
}>;


export type CreateStatusPageComponentMutation = { createStatusPageComponent: { id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> } };

export type UpdateStatusPageComponentMutationVariables = Exact<{
  id: string;
  input: UpdateStatusPageComponentInput;
}>;


export type UpdateStatusPageComponentMutation = { updateStatusPageComponent: { id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> } };

export type SetStatusPageComponentMonitorsMutationVariables = Exact<{
  componentId: string;
  monitors: Array<ComponentMonitorInput> | ComponentMonitorInput;
}>;


export type SetStatusPageComponentMonitorsMutation = { setStatusPageComponentMonitors: { id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> } };

export type DeleteStatusPageComponentMutationVariables = Exact<{
  id: string;
}>;


export type DeleteStatusPageComponentMutation = { deleteStatusPageComponent: boolean };

export type ReorderStatusPageComponentsMutationVariables = Exact<{
  statusPageId: string;
  componentIds: Array<string> | string;
}>;


export type ReorderStatusPageComponentsMutation = { reorderStatusPageComponents: { id: string, projectId: string, name: string, subdomain: string, url: string, published: boolean, headline: string | null, description: string | null, supportUrl: string | null, timezone: string | null, theme: StatusPageTheme, hiddenFromSearch: boolean, allowPageSubscribers: boolean, allowIncidentSubscribers: boolean, allowEmailSubscribers: boolean, allowSmsSubscribers: boolean, allowWebhookSubscribers: boolean, notificationsFromEmail: string | null, notificationsEmailFooter: string | null, cssBodyBackgroundColor: string | null, cssFontColor: string | null, cssLightFontColor: string | null, cssGreens: string | null, cssYellows: string | null, cssOranges: string | null, cssBlues: string | null, cssReds: string | null, cssBorderColor: string | null, cssGraphColor: string | null, cssLinkColor: string | null, cssNoData: string | null, faviconUrl: string | null, logoUrl: string | null, heroCoverUrl: string | null, emailLogoUrl: string | null, twitterLogoUrl: string | null, customDomain: string | null, customDomainVerified: boolean, createdAt: string, updatedAt: string, customDomainVerification: { recordName: string, recordValue: string } | null, components: Array<{ id: string, statusPageId: string, name: string, description: string | null, status: ComponentStatus, groupName: string | null, position: number, showcase: boolean, onlyShowIfDegraded: boolean, aggregationMethod: AggregationMethod, failureThreshold: number, startDate: string | null, monitors: Array<{ monitorId: string, weight: number }> }> } };

export type TestQueryVariables = Exact<{
  id: string;
}>;


export type TestQuery = { test: { id: string, title: string, description: string | null, type: TestType, priority: TestPriority, script: string, runner: JobType, tags: Array<{ id: string }>, runs: { totalCount: number, nodes: Array<{ id: string, jobId: string | null, testId: string | null, status: RunStatus, trigger: RunTrigger, createdAt: string, startedAt: string | null, completedAt: string | null, durationMs: number | null, duration: string | null, cancelRequested: boolean, job: { id: string, name: string, jobType: JobType } | null }> } } | null };

export type CreateTestMutationVariables = Exact<{
  input: CreateTestInput;
}>;


export type CreateTestMutation = { createTest: { id: string } };

export type UpdateTestMutationVariables = Exact<{
  id: string;
  input: UpdateTestInput;
}>;


export type UpdateTestMutation = { updateTest: { id: string, title: string, description: string | null, type: TestType, priority: TestPriority, script: string, runner: JobType, tags: Array<{ id: string }> } };

export type DeleteTestMutationVariables = Exact<{
  id: string;
}>;


export type DeleteTestMutation = { deleteTest: boolean };

export type TestsQueryVariables = Exact<{
  projectId: string;
  filter?: TestFilter | null | undefined;
}>;


export type TestsQuery = { tests: { totalCount: number, nodes: Array<{ id: string, title: string, type: TestType, priority: TestPriority, updatedAt: string, lastRun: { id: string, status: RunStatus, createdAt: string, completedAt: string | null } | null, tags: Array<{ id: string, name: string, color: string | null }> }> } };

export const AdminPlanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"stripePriceId"}},{"kind":"Field","name":{"kind":"Name","value":"polarProductId"}},{"kind":"Field","name":{"kind":"Name","value":"maxTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"maxTimeoutDuration"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]} as unknown as DocumentNode<AdminPlanFragment, unknown>;
export const AdminUserFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"banned"}},{"kind":"Field","name":{"kind":"Name","value":"banReason"}},{"kind":"Field","name":{"kind":"Name","value":"banExpires"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AdminUserFragment, unknown>;
export const ActionRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}}]}}]} as unknown as DocumentNode<ActionRowFragment, unknown>;
export const CallbackLogRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallbackLogRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallbackLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"responseTime"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"replayOf"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CallbackLogRowFragment, unknown>;
export const MonitorAlertRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitorAlertRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitorAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"providerName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<MonitorAlertRowFragment, unknown>;
export const MonitorResultRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitorResultRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"isUp"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]} as unknown as DocumentNode<MonitorResultRowFragment, unknown>;
export const AuditEntryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<AuditEntryFragment, unknown>;
export const BillingPlanFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"stripePriceId"}},{"kind":"Field","name":{"kind":"Name","value":"polarProductId"}},{"kind":"Field","name":{"kind":"Name","value":"maxTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"maxMonitors"}},{"kind":"Field","name":{"kind":"Name","value":"minCheckIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"playwrightMinutesIncluded"}},{"kind":"Field","name":{"kind":"Name","value":"k6VuMinutesIncluded"}},{"kind":"Field","name":{"kind":"Name","value":"aiCreditsIncluded"}},{"kind":"Field","name":{"kind":"Name","value":"runningCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"maxTeamMembers"}},{"kind":"Field","name":{"kind":"Name","value":"maxProjects"}},{"kind":"Field","name":{"kind":"Name","value":"maxStatusPages"}},{"kind":"Field","name":{"kind":"Name","value":"customDomains"}},{"kind":"Field","name":{"kind":"Name","value":"ssoEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"dataRetentionDays"}}]}}]}}]} as unknown as DocumentNode<BillingPlanFragment, unknown>;
export const BillingSettingsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillingSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableSpendingLimit"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpendingLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"hardStopOnLimit"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt50Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt80Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt90Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt100Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notificationEmails"}}]}}]} as unknown as DocumentNode<BillingSettingsFieldsFragment, unknown>;
export const RunRowFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<RunRowFragment, unknown>;
export const RunDetailFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"logs"}},{"kind":"Field","name":{"kind":"Name","value":"logLines"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logsUrl"}},{"kind":"Field","name":{"kind":"Name","value":"videoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"k6Results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdsPassed"}},{"kind":"Field","name":{"kind":"Name","value":"totalRequests"}},{"kind":"Field","name":{"kind":"Name","value":"failedRequests"}},{"kind":"Field","name":{"kind":"Name","value":"requestRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"p95ResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"p99ResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"consoleUrl"}},{"kind":"Field","name":{"kind":"Name","value":"summaryUrl"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<RunDetailFragment, unknown>;
export const ProviderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProviderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationProvider"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}}]}}]} as unknown as DocumentNode<ProviderFieldsFragment, unknown>;
export const SubscriberFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubscriberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageSubscriber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneCountry"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}},{"kind":"Field","name":{"kind":"Name","value":"incidentIds"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"quarantinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"purgeAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<SubscriberFieldsFragment, unknown>;
export const IncidentSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"backfilled"}},{"kind":"Field","name":{"kind":"Name","value":"backfilledAt"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"remindPrior"}},{"kind":"Field","name":{"kind":"Name","value":"reminderIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shortlink"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentId"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postmortem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}}]} as unknown as DocumentNode<IncidentSummaryFragment, unknown>;
export const PostmortemFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PostmortemFieldsFragment, unknown>;
export const IncidentDetailFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"impactOverride"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"backfilled"}},{"kind":"Field","name":{"kind":"Name","value":"backfilledAt"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"remindPrior"}},{"kind":"Field","name":{"kind":"Name","value":"reminderIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"remindersSent"}},{"kind":"Field","name":{"kind":"Name","value":"autoInProgress"}},{"kind":"Field","name":{"kind":"Name","value":"autoCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToMaintenanceState"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToOperationalState"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtStart"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"monitoringAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shortlink"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"displayAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentId"}},{"kind":"Field","name":{"kind":"Name","value":"oldStatus"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postmortem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<IncidentDetailFragment, unknown>;
export const IncidentTemplateFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentTemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shouldSendNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}}]}}]} as unknown as DocumentNode<IncidentTemplateFieldsFragment, unknown>;
export const StatusPageComponentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<StatusPageComponentFieldsFragment, unknown>;
export const StatusPageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<StatusPageFieldsFragment, unknown>;
export const PaletteSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PaletteSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"query"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"search"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"query"},"value":{"kind":"Variable","name":{"kind":"Name","value":"query"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]} as unknown as DocumentNode<PaletteSearchQuery, PaletteSearchQueryVariables>;
export const SignOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signOut"}}]}}]} as unknown as DocumentNode<SignOutMutation, SignOutMutationVariables>;
export const InboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"15"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"unread"},"name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"unreadOnly"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<InboxQuery, InboxQueryVariables>;
export const NotificationAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const OrganizationBillingModeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationBillingMode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationBillingModeQuery, OrganizationBillingModeQueryVariables>;
export const OrganizationQuotasDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationQuotas"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quotas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationQuotasQuery, OrganizationQuotasQueryVariables>;
export const RunnerStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RunnerStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runnerStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"problems"}}]}}]}}]} as unknown as DocumentNode<RunnerStatusQuery, RunnerStatusQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const WorkspaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeOrganizationId"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjectId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceQuery, WorkspaceQueryVariables>;
export const SetActiveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetActive"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetActiveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setActive"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activeOrganizationId"}},{"kind":"Field","name":{"kind":"Name","value":"activeProjectId"}}]}}]}}]} as unknown as DocumentNode<SetActiveMutation, SetActiveMutationVariables>;
export const ProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Project"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"viewerLevel"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}}]}}]} as unknown as DocumentNode<ProjectQuery, ProjectQueryVariables>;
export const ImpersonationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Impersonation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentSession"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"impersonatedBy"}}]}}]}}]} as unknown as DocumentNode<ImpersonationQuery, ImpersonationQueryVariables>;
export const StopImpersonatingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StopImpersonating"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stopImpersonating"}}]}}]} as unknown as DocumentNode<StopImpersonatingMutation, StopImpersonatingMutationVariables>;
export const ResendEmailVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendEmailVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEmailVerification"}}]}}]} as unknown as DocumentNode<ResendEmailVerificationMutation, ResendEmailVerificationMutationVariables>;
export const ApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"permission"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRequest"}},{"kind":"Field","name":{"kind":"Name","value":"requestCount"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitMax"}},{"kind":"Field","name":{"kind":"Name","value":"rateLimitWindowSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const UpdateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]} as unknown as DocumentNode<UpdateApiKeyMutation, UpdateApiKeyMutationVariables>;
export const DeleteApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteApiKeyMutation, DeleteApiKeyMutationVariables>;
export const LinkedAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LinkedAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"linkedAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerName"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<LinkedAccountsQuery, LinkedAccountsQueryVariables>;
export const UnlinkAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnlinkAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unlinkAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}]}]}}]} as unknown as DocumentNode<UnlinkAccountMutation, UnlinkAccountMutationVariables>;
export const UpdateProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const RequestEmailVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestEmailVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEmailVerification"}}]}}]} as unknown as DocumentNode<RequestEmailVerificationMutation, RequestEmailVerificationMutationVariables>;
export const ChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const EnrollTotpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EnrollTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enrollTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"uri"}}]}}]}}]} as unknown as DocumentNode<EnrollTotpMutation, EnrollTotpMutationVariables>;
export const ConfirmTotpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]} as unknown as DocumentNode<ConfirmTotpMutation, ConfirmTotpMutationVariables>;
export const DisableTotpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableTotp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"password"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableTotp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"password"},"value":{"kind":"Variable","name":{"kind":"Name","value":"password"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]} as unknown as DocumentNode<DisableTotpMutation, DisableTotpMutationVariables>;
export const SessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"ipAddress"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"current"}}]}}]}}]} as unknown as DocumentNode<SessionsQuery, SessionsQueryVariables>;
export const RevokeSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const AdminPlansDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeInactive"},"value":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminPlan"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"stripePriceId"}},{"kind":"Field","name":{"kind":"Name","value":"polarProductId"}},{"kind":"Field","name":{"kind":"Name","value":"maxTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"maxTimeoutDuration"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]} as unknown as DocumentNode<AdminPlansQuery, AdminPlansQueryVariables>;
export const CreatePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminPlan"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"stripePriceId"}},{"kind":"Field","name":{"kind":"Name","value":"polarProductId"}},{"kind":"Field","name":{"kind":"Name","value":"maxTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"maxTimeoutDuration"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]} as unknown as DocumentNode<CreatePlanMutation, CreatePlanMutationVariables>;
export const UpdatePlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdatePlanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminPlan"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"stripePriceId"}},{"kind":"Field","name":{"kind":"Name","value":"polarProductId"}},{"kind":"Field","name":{"kind":"Name","value":"maxTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"maxTimeoutDuration"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}}]}}]}}]} as unknown as DocumentNode<UpdatePlanMutation, UpdatePlanMutationVariables>;
export const SetOrganizationPlanDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetOrganizationPlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setOrganizationPlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SetOrganizationPlanMutation, SetOrganizationPlanMutationVariables>;
export const AdminUsersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminUsers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UserFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminUser"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"banned"}},{"kind":"Field","name":{"kind":"Name","value":"banReason"}},{"kind":"Field","name":{"kind":"Name","value":"banExpires"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AdminUsersQuery, AdminUsersQueryVariables>;
export const BanUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BanUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BanUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"banUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminUser"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"banned"}},{"kind":"Field","name":{"kind":"Name","value":"banReason"}},{"kind":"Field","name":{"kind":"Name","value":"banExpires"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<BanUserMutation, BanUserMutationVariables>;
export const UnbanUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnbanUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unbanUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminUser"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"banned"}},{"kind":"Field","name":{"kind":"Name","value":"banReason"}},{"kind":"Field","name":{"kind":"Name","value":"banExpires"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<UnbanUserMutation, UnbanUserMutationVariables>;
export const SetUserRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetUserRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setUserRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AdminUser"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AdminUser"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"banned"}},{"kind":"Field","name":{"kind":"Name","value":"banReason"}},{"kind":"Field","name":{"kind":"Name","value":"banExpires"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const ImpersonateUserDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImpersonateUser"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"impersonateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]}}]} as unknown as DocumentNode<ImpersonateUserMutation, ImpersonateUserMutationVariables>;
export const VerifyEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const SsoProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SsoProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ssoProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SsoProvidersQuery, SsoProvidersQueryVariables>;
export const CallbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Callback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"activeStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customPath"}},{"kind":"Field","name":{"kind":"Name","value":"customUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutDuration"}},{"kind":"Field","name":{"kind":"Name","value":"cachePeriod"}},{"kind":"Field","name":{"kind":"Name","value":"actions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}}]}}]} as unknown as DocumentNode<CallbackQuery, CallbackQueryVariables>;
export const CallbackLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallbackLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callbackLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callbackId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallbackLogRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallbackLogRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallbackLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"responseTime"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"replayOf"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CallbackLogsQuery, CallbackLogsQueryVariables>;
export const CallbackLogAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CallbackLogAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callbackLogAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callbackId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CallbackLogRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CallbackLogRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CallbackLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"responseTime"}},{"kind":"Field","name":{"kind":"Name","value":"request"}},{"kind":"Field","name":{"kind":"Name","value":"response"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"replayOf"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<CallbackLogAddedSubscription, CallbackLogAddedSubscriptionVariables>;
export const ActionExecutionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ActionExecutions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"actionExecutions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"callbackId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"actionId"}},{"kind":"Field","name":{"kind":"Name","value":"callbackLogId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ActionExecutionsQuery, ActionExecutionsQueryVariables>;
export const CallbackStatsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallbackStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hours"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"successful"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"p95ResponseTimeMs"}}]}}]}}]}}]} as unknown as DocumentNode<CallbackStatsQuery, CallbackStatsQueryVariables>;
export const StoredPayloadsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StoredPayloads"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"storedPayloads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"callbackId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"callbackLogId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<StoredPayloadsQuery, StoredPayloadsQueryVariables>;
export const QueuedMessagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"QueuedMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"queueMessages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"callbackId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"callbackId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"queue"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"}},{"kind":"Field","name":{"kind":"Name","value":"leaseUntil"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<QueuedMessagesQuery, QueuedMessagesQueryVariables>;
export const CredentialChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CredentialChoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCredentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<CredentialChoicesQuery, CredentialChoicesQueryVariables>;
export const ReplayCallbackLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayCallbackLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayCallbackLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ReplayCallbackLogMutation, ReplayCallbackLogMutationVariables>;
export const RotateTriggerTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateTriggerToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateTriggerToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"triggerUrl"}},{"kind":"Field","name":{"kind":"Name","value":"triggerToken"}}]}}]}}]} as unknown as DocumentNode<RotateTriggerTokenMutation, RotateTriggerTokenMutationVariables>;
export const DeleteCallbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteCallback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCallback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteCallbackMutation, DeleteCallbackMutationVariables>;
export const CreateActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionRow"}},{"kind":"Field","name":{"kind":"Name","value":"generatedSecret"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}}]}}]} as unknown as DocumentNode<CreateActionMutation, CreateActionMutationVariables>;
export const UpdateActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActionRow"}},{"kind":"Field","name":{"kind":"Name","value":"generatedSecret"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActionRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Action"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"order"}},{"kind":"Field","name":{"kind":"Name","value":"parallel"}}]}}]} as unknown as DocumentNode<UpdateActionMutation, UpdateActionMutationVariables>;
export const DeleteActionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAction"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAction"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteActionMutation, DeleteActionMutationVariables>;
export const EditCallbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditCallback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"activeStatus"}},{"kind":"Field","name":{"kind":"Name","value":"customPath"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutDuration"}},{"kind":"Field","name":{"kind":"Name","value":"cachePeriod"}},{"kind":"Field","name":{"kind":"Name","value":"signature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"secretConfigured"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"encoding"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}}]}}]}}]} as unknown as DocumentNode<EditCallbackQuery, EditCallbackQueryVariables>;
export const CreateCallbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCallback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCallbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCallback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateCallbackMutation, CreateCallbackMutationVariables>;
export const UpdateCallbackDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCallback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateCallbackInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCallback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"activeStatus"}},{"kind":"Field","name":{"kind":"Name","value":"customPath"}},{"kind":"Field","name":{"kind":"Name","value":"customUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutDuration"}},{"kind":"Field","name":{"kind":"Name","value":"cachePeriod"}},{"kind":"Field","name":{"kind":"Name","value":"signature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"secretConfigured"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateCallbackMutation, UpdateCallbackMutationVariables>;
export const CallbacksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Callbacks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callbacks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"callbackUrl"}},{"kind":"Field","name":{"kind":"Name","value":"activeStatus"}},{"kind":"Field","name":{"kind":"Name","value":"triggerUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customPath"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"hours"},"value":{"kind":"IntValue","value":"24"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponseTimeMs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CallbacksQuery, CallbacksQueryVariables>;
export const NodeProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Monitor"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Callback"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Test"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectId"}}]}}]}}]}}]} as unknown as DocumentNode<NodeProjectQuery, NodeProjectQueryVariables>;
export const JobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Job"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"cronSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"schedulePaused"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"triggerUrl"}},{"kind":"Field","name":{"kind":"Name","value":"alertConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"onFailure"}},{"kind":"Field","name":{"kind":"Name","value":"onSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeout"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notificationProviderIds"}},{"kind":"Field","name":{"kind":"Name","value":"tests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<JobQuery, JobQueryVariables>;
export const PauseJobScheduleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PauseJobSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pauseJobSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"schedulePaused"}}]}}]}}]} as unknown as DocumentNode<PauseJobScheduleMutation, PauseJobScheduleMutationVariables>;
export const ResumeJobScheduleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResumeJobSchedule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resumeJobSchedule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"schedulePaused"}}]}}]}}]} as unknown as DocumentNode<ResumeJobScheduleMutation, ResumeJobScheduleMutationVariables>;
export const DeleteJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteJobMutation, DeleteJobMutationVariables>;
export const CreateJobKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateJobKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateJobKeyMutation, CreateJobKeyMutationVariables>;
export const EditJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"cronSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"tests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alertConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"onFailure"}},{"kind":"Field","name":{"kind":"Name","value":"onSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notificationProviderIds"}}]}}]}}]} as unknown as DocumentNode<EditJobQuery, EditJobQueryVariables>;
export const PickTestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PickTests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]} as unknown as DocumentNode<PickTestsQuery, PickTestsQueryVariables>;
export const CronPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CronPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expression"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cronPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"expression"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expression"}}},{"kind":"Argument","name":{"kind":"Name","value":"count"},"value":{"kind":"IntValue","value":"3"}}]}]}}]} as unknown as DocumentNode<CronPreviewQuery, CronPreviewQueryVariables>;
export const CreateJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateJobMutation, CreateJobMutationVariables>;
export const UpdateJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateJobInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"cronSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeoutSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"tests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateJobMutation, UpdateJobMutationVariables>;
export const JobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Jobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cronSchedule"}},{"kind":"Field","name":{"kind":"Name","value":"nextRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"schedulePaused"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}},{"kind":"Field","name":{"kind":"Name","value":"tests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JobsQuery, JobsQueryVariables>;
export const MonitorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Monitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"mutedUntil"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusChangeAt"}},{"kind":"Field","name":{"kind":"Name","value":"heartbeatUrl"}},{"kind":"Field","name":{"kind":"Name","value":"locations"}},{"kind":"Field","name":{"kind":"Name","value":"uptimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"week"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"quarter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dailyUptime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"90"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"checks"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"uptime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"locationStatuses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"downtimes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"errorClass"}},{"kind":"Field","name":{"kind":"Name","value":"location"}}]}},{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MonitorAlertRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitorAlertRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitorAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"providerName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<MonitorQuery, MonitorQueryVariables>;
export const MonitorOlderAlertsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitorOlderAlerts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"alerts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MonitorAlertRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitorAlertRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitorAlert"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"providerName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode<MonitorOlderAlertsQuery, MonitorOlderAlertsQueryVariables>;
export const MonitorResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitorResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"monitorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorResults"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"monitorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"monitorId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MonitorResultRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitorResultRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"isUp"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]} as unknown as DocumentNode<MonitorResultsQuery, MonitorResultsQueryVariables>;
export const ResponseTimesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResponseTimes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"range"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SeriesRange"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"range"},"value":{"kind":"Variable","name":{"kind":"Name","value":"range"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"checks"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"avgMs"}},{"kind":"Field","name":{"kind":"Name","value":"p95Ms"}}]}}]}}]}}]} as unknown as DocumentNode<ResponseTimesQuery, ResponseTimesQueryVariables>;
export const MonitorResultAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MonitorResultAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"monitorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorResultAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"monitorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"monitorId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MonitorResultRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MonitorResultRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MonitorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"isUp"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]} as unknown as DocumentNode<MonitorResultAddedSubscription, MonitorResultAddedSubscriptionVariables>;
export const CheckMonitorNowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CheckMonitorNow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkMonitorNow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"nextCheckAt"}}]}}]}}]} as unknown as DocumentNode<CheckMonitorNowMutation, CheckMonitorNowMutationVariables>;
export const MuteMonitorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MuteMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"until"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"muteMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"until"},"value":{"kind":"Variable","name":{"kind":"Name","value":"until"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"mutedUntil"}}]}}]}}]} as unknown as DocumentNode<MuteMonitorMutation, MuteMonitorMutationVariables>;
export const UnmuteMonitorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnmuteMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unmuteMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"mutedUntil"}}]}}]}}]} as unknown as DocumentNode<UnmuteMonitorMutation, UnmuteMonitorMutationVariables>;
export const SetMonitorEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetMonitorEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"enabled"},"value":{"kind":"Variable","name":{"kind":"Name","value":"enabled"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SetMonitorEnabledMutation, SetMonitorEnabledMutationVariables>;
export const DeleteMonitorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteMonitorMutation, DeleteMonitorMutationVariables>;
export const RotateHeartbeatUrlDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateHeartbeatUrl"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateHeartbeatUrl"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"heartbeatUrl"}}]}}]}}]} as unknown as DocumentNode<RotateHeartbeatUrlMutation, RotateHeartbeatUrlMutationVariables>;
export const EditMonitorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"downIntervalSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"parentIds"}},{"kind":"Field","name":{"kind":"Name","value":"notificationProviderIds"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"locations"}},{"kind":"Field","name":{"kind":"Name","value":"aggregation"}},{"kind":"Field","name":{"kind":"Name","value":"alert"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"alertOnFailure"}},{"kind":"Field","name":{"kind":"Name","value":"alertOnRecovery"}},{"kind":"Field","name":{"kind":"Name","value":"alertOnSslExpiration"}},{"kind":"Field","name":{"kind":"Name","value":"alertOnTimeout"}},{"kind":"Field","name":{"kind":"Name","value":"customMessage"}}]}}]}}]}}]} as unknown as DocumentNode<EditMonitorQuery, EditMonitorQueryVariables>;
export const SyntheticTestChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SyntheticTestChoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"runner"}}]}}]}}]}}]} as unknown as DocumentNode<SyntheticTestChoicesQuery, SyntheticTestChoicesQueryVariables>;
export const MonitorChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MonitorChoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MonitorChoicesQuery, MonitorChoicesQueryVariables>;
export const CreateMonitorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMonitorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateMonitorMutation, CreateMonitorMutationVariables>;
export const UpdateMonitorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMonitor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMonitorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMonitor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"config"}}]}}]}}]} as unknown as DocumentNode<UpdateMonitorMutation, UpdateMonitorMutationVariables>;
export const MonitorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Monitors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MonitorFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"muted"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckAt"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestResult"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"uptimes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MonitorsQuery, MonitorsQueryVariables>;
export const MonitorStatusChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MonitorStatusChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusChangeAt"}}]}}]}}]} as unknown as DocumentNode<MonitorStatusChangedSubscription, MonitorStatusChangedSubscriptionVariables>;
export const ProjectMonitorResultAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProjectMonitorResultAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorResultAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"checkedAt"}},{"kind":"Field","name":{"kind":"Name","value":"responseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ProjectMonitorResultAddedSubscription, ProjectMonitorResultAddedSubscriptionVariables>;
export const InvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"inviter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<InvitationQuery, InvitationQueryVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const DeclineInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DeclineInvitationMutation, DeclineInvitationMutationVariables>;
export const CreateOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}}]}}]}}]}}]} as unknown as DocumentNode<CreateOrganizationMutation, CreateOrganizationMutationVariables>;
export const MyInvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myInvitations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"organizationName"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<MyInvitationsQuery, MyInvitationsQueryVariables>;
export const CreateProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateProjectMutation, CreateProjectMutationVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const UpdateMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrgRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<UpdateMemberRoleMutation, UpdateMemberRoleMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"memberId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"memberId"}}}]}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const InvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"projectIds"}},{"kind":"Field","name":{"kind":"Name","value":"inviter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const RevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const AuditLogsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLogs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLogs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntry"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<AuditLogsQuery, AuditLogsQueryVariables>;
export const AuditLogAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AuditLogAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLogAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntry"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLog"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<AuditLogAddedSubscription, AuditLogAddedSubscriptionVariables>;
export const UpdateOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<UpdateOrganizationMutation, UpdateOrganizationMutationVariables>;
export const DeleteOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteOrganizationMutation, DeleteOrganizationMutationVariables>;
export const OrganizationSsoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationSso"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationSso"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"providerName"}},{"kind":"Field","name":{"kind":"Name","value":"requiredBy"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ssoProviders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OrganizationSsoQuery, OrganizationSsoQueryVariables>;
export const UpdateOrganizationSsoDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateOrganizationSso"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateOrganizationSsoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateOrganizationSso"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationId"}},{"kind":"Field","name":{"kind":"Name","value":"required"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"providerName"}},{"kind":"Field","name":{"kind":"Name","value":"requiredBy"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"unavailableReason"}}]}}]}}]} as unknown as DocumentNode<UpdateOrganizationSsoMutation, UpdateOrganizationSsoMutationVariables>;
export const BillingOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serverInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"plan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingPlan"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodStart"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"pastDueSince"}},{"kind":"Field","name":{"kind":"Name","value":"graceEndsAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingPlan"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingPlan"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Plan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"stripePriceId"}},{"kind":"Field","name":{"kind":"Name","value":"polarProductId"}},{"kind":"Field","name":{"kind":"Name","value":"maxTriggers"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"maxMonitors"}},{"kind":"Field","name":{"kind":"Name","value":"minCheckIntervalMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"playwrightMinutesIncluded"}},{"kind":"Field","name":{"kind":"Name","value":"k6VuMinutesIncluded"}},{"kind":"Field","name":{"kind":"Name","value":"aiCreditsIncluded"}},{"kind":"Field","name":{"kind":"Name","value":"runningCapacity"}},{"kind":"Field","name":{"kind":"Name","value":"maxTeamMembers"}},{"kind":"Field","name":{"kind":"Name","value":"maxProjects"}},{"kind":"Field","name":{"kind":"Name","value":"maxStatusPages"}},{"kind":"Field","name":{"kind":"Name","value":"customDomains"}},{"kind":"Field","name":{"kind":"Name","value":"ssoEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"dataRetentionDays"}}]}}]}}]} as unknown as DocumentNode<BillingOverviewQuery, BillingOverviewQueryVariables>;
export const CreateCheckoutSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCheckoutSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCheckoutSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}}]}]}}]} as unknown as DocumentNode<CreateCheckoutSessionMutation, CreateCheckoutSessionMutationVariables>;
export const CreatePolarCheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePolarCheckout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"planId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPolarCheckout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"planId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"planId"}}}]}]}}]} as unknown as DocumentNode<CreatePolarCheckoutMutation, CreatePolarCheckoutMutationVariables>;
export const CreateBillingPortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBillingPortalSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBillingPortalSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}]}]}}]} as unknown as DocumentNode<CreateBillingPortalSessionMutation, CreateBillingPortalSessionMutationVariables>;
export const CreatePolarPortalSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePolarPortalSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPolarPortalSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}}]}]}}]} as unknown as DocumentNode<CreatePolarPortalSessionMutation, CreatePolarPortalSessionMutationVariables>;
export const OrganizationUsageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationUsage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"overageCents"}},{"kind":"Field","name":{"kind":"Name","value":"spendingLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"hardStopped"}},{"kind":"Field","name":{"kind":"Name","value":"hardStopReason"}},{"kind":"Field","name":{"kind":"Name","value":"meters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meter"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"included"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"overageUnits"}},{"kind":"Field","name":{"kind":"Name","value":"overageCents"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganizationUsageQuery, OrganizationUsageQueryVariables>;
export const OrganizationBillingSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationBillingSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billingSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingSettingsFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillingSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableSpendingLimit"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpendingLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"hardStopOnLimit"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt50Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt80Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt90Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt100Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notificationEmails"}}]}}]} as unknown as DocumentNode<OrganizationBillingSettingsQuery, OrganizationBillingSettingsQueryVariables>;
export const UpdateBillingSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateBillingSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateBillingSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BillingSettingsFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BillingSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BillingSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enableSpendingLimit"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpendingLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"hardStopOnLimit"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt50Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt80Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt90Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAt100Percent"}},{"kind":"Field","name":{"kind":"Name","value":"notificationEmails"}}]}}]} as unknown as DocumentNode<UpdateBillingSettingsMutation, UpdateBillingSettingsMutationVariables>;
export const ProjectOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failingMonitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusChangeAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openIncidents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"failingJobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"lastRunAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recentRuns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"testCount"}},{"kind":"Field","name":{"kind":"Name","value":"jobCount"}},{"kind":"Field","name":{"kind":"Name","value":"callbackCount"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageCount"}},{"kind":"Field","name":{"kind":"Name","value":"triggers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"windowHours"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"errorRate"}}]}}]}}]}}]} as unknown as DocumentNode<ProjectOverviewQuery, ProjectOverviewQueryVariables>;
export const OverviewMonitorStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OverviewMonitorStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<OverviewMonitorStatusSubscription, OverviewMonitorStatusSubscriptionVariables>;
export const OverviewRunUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OverviewRunUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<OverviewRunUpdatedSubscription, OverviewRunUpdatedSubscriptionVariables>;
export const OverviewCallbackLogAddedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OverviewCallbackLogAdded"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callbackLogAdded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"success"}}]}}]}}]} as unknown as DocumentNode<OverviewCallbackLogAddedSubscription, OverviewCallbackLogAddedSubscriptionVariables>;
export const RunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Runs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RunFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<RunsQuery, RunsQueryVariables>;
export const JobNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JobNames"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<JobNamesQuery, JobNamesQueryVariables>;
export const RunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Run"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunDetail"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}},{"kind":"Field","name":{"kind":"Name","value":"tests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"logs"}},{"kind":"Field","name":{"kind":"Name","value":"logLines"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logsUrl"}},{"kind":"Field","name":{"kind":"Name","value":"videoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"k6Results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdsPassed"}},{"kind":"Field","name":{"kind":"Name","value":"totalRequests"}},{"kind":"Field","name":{"kind":"Name","value":"failedRequests"}},{"kind":"Field","name":{"kind":"Name","value":"requestRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"p95ResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"p99ResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"consoleUrl"}},{"kind":"Field","name":{"kind":"Name","value":"summaryUrl"}}]}}]}}]} as unknown as DocumentNode<RunQuery, RunQueryVariables>;
export const RunUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RunUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"logs"}},{"kind":"Field","name":{"kind":"Name","value":"logLines"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"exitCode"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logsUrl"}},{"kind":"Field","name":{"kind":"Name","value":"videoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"artifacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"k6Results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"thresholdsPassed"}},{"kind":"Field","name":{"kind":"Name","value":"totalRequests"}},{"kind":"Field","name":{"kind":"Name","value":"failedRequests"}},{"kind":"Field","name":{"kind":"Name","value":"requestRate"}},{"kind":"Field","name":{"kind":"Name","value":"avgResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"p95ResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"p99ResponseTimeMs"}},{"kind":"Field","name":{"kind":"Name","value":"errorDetails"}},{"kind":"Field","name":{"kind":"Name","value":"reportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"consoleUrl"}},{"kind":"Field","name":{"kind":"Name","value":"summaryUrl"}}]}}]}}]} as unknown as DocumentNode<RunUpdatedSubscription, RunUpdatedSubscriptionVariables>;
export const ProjectRunUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ProjectRunUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<ProjectRunUpdatedSubscription, ProjectRunUpdatedSubscriptionVariables>;
export const RunLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RunLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"line"}}]}}]}}]} as unknown as DocumentNode<RunLogSubscription, RunLogSubscriptionVariables>;
export const CancelRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}}]}}]}}]} as unknown as DocumentNode<CancelRunMutation, CancelRunMutationVariables>;
export const TriggerJobDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TriggerJob"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triggerJob"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<TriggerJobMutation, TriggerJobMutationVariables>;
export const RunTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"script"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"script"},"value":{"kind":"Variable","name":{"kind":"Name","value":"script"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<RunTestMutation, RunTestMutationVariables>;
export const TestTitlesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TestTitles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]} as unknown as DocumentNode<TestTitlesQuery, TestTitlesQueryVariables>;
export const ServiceCredentialsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ServiceCredentials"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"serviceCredentials"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"meta"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ServiceCredentialsQuery, ServiceCredentialsQueryVariables>;
export const CreateServiceCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateServiceCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateServiceCredentialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createServiceCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateServiceCredentialMutation, CreateServiceCredentialMutationVariables>;
export const DeleteServiceCredentialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteServiceCredential"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteServiceCredential"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteServiceCredentialMutation, DeleteServiceCredentialMutationVariables>;
export const UpdateProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProjectInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<UpdateProjectMutation, UpdateProjectMutationVariables>;
export const DeleteProjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteProjectMutation, DeleteProjectMutationVariables>;
export const NotificationProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationProviders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationProviders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"includeOrganizationWide"},"value":{"kind":"BooleanValue","value":true}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProviderFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProviderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationProvider"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}}]}}]} as unknown as DocumentNode<NotificationProvidersQuery, NotificationProvidersQueryVariables>;
export const OrganizationNotificationProvidersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganizationNotificationProviders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizationNotificationProviders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProviderFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProviderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationProvider"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"organizationId"}}]}}]} as unknown as DocumentNode<OrganizationNotificationProvidersQuery, OrganizationNotificationProvidersQueryVariables>;
export const CreateNotificationProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateNotificationProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateNotificationProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createNotificationProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"generatedSecret"}}]}}]}}]} as unknown as DocumentNode<CreateNotificationProviderMutation, CreateNotificationProviderMutationVariables>;
export const UpdateNotificationProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNotificationProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateNotificationProviderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"generatedSecret"}}]}}]}}]} as unknown as DocumentNode<UpdateNotificationProviderMutation, UpdateNotificationProviderMutationVariables>;
export const DeleteNotificationProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteNotificationProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteNotificationProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteNotificationProviderMutation, DeleteNotificationProviderMutationVariables>;
export const TestNotificationProviderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestNotificationProvider"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testNotificationProvider"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"success"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<TestNotificationProviderMutation, TestNotificationProviderMutationVariables>;
export const ProjectMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"project"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organizationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organizationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectMembersQuery, ProjectMembersQueryVariables>;
export const SetProjectMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetProjectMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetProjectMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setProjectMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<SetProjectMemberMutation, SetProjectMemberMutationVariables>;
export const RemoveProjectMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveProjectMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeProjectMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}]}]}}]} as unknown as DocumentNode<RemoveProjectMemberMutation, RemoveProjectMemberMutationVariables>;
export const TagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]}}]} as unknown as DocumentNode<TagsQuery, TagsQueryVariables>;
export const CreateTagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateTagMutation, CreateTagMutationVariables>;
export const DeleteTagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteTagMutation, DeleteTagMutationVariables>;
export const ProjectVariablesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProjectVariables"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projectVariables"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"isSecret"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ProjectVariablesQuery, ProjectVariablesQueryVariables>;
export const CreateProjectVariableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProjectVariable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProjectVariableInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProjectVariable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateProjectVariableMutation, CreateProjectVariableMutationVariables>;
export const UpdateProjectVariableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProjectVariable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProjectVariableInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProjectVariable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]} as unknown as DocumentNode<UpdateProjectVariableMutation, UpdateProjectVariableMutationVariables>;
export const DeleteProjectVariableDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteProjectVariable"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteProjectVariable"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteProjectVariableMutation, DeleteProjectVariableMutationVariables>;
export const StatusPageSubscribersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPageSubscribers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageSubscriberFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusPageSubscribers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statusPageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubscriberFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubscriberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageSubscriber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneCountry"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}},{"kind":"Field","name":{"kind":"Name","value":"incidentIds"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"quarantinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"purgeAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<StatusPageSubscribersQuery, StatusPageSubscribersQueryVariables>;
export const StatusPageSubscribersCsvDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPageSubscribersCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusPageSubscribersCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statusPageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}}}]}]}}]} as unknown as DocumentNode<StatusPageSubscribersCsvQuery, StatusPageSubscribersCsvQueryVariables>;
export const StatusPageMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPageMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"pageViews"}},{"kind":"Field","name":{"kind":"Name","value":"subscribers"}},{"kind":"Field","name":{"kind":"Name","value":"pendingSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"quarantinedSubscribers"}}]}}]}}]}}]} as unknown as DocumentNode<StatusPageMetricsQuery, StatusPageMetricsQueryVariables>;
export const AddStatusPageSubscriberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddStatusPageSubscriber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddStatusPageSubscriberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addStatusPageSubscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingSecret"}},{"kind":"Field","name":{"kind":"Name","value":"subscriber"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubscriberFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubscriberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageSubscriber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneCountry"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}},{"kind":"Field","name":{"kind":"Name","value":"incidentIds"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"quarantinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"purgeAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<AddStatusPageSubscriberMutation, AddStatusPageSubscriberMutationVariables>;
export const RemoveStatusPageSubscriberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveStatusPageSubscriber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeStatusPageSubscriber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<RemoveStatusPageSubscriberMutation, RemoveStatusPageSubscriberMutationVariables>;
export const ClearStatusPageSubscriberQuarantineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ClearStatusPageSubscriberQuarantine"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clearStatusPageSubscriberQuarantine"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SubscriberFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SubscriberFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageSubscriber"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phoneNumber"}},{"kind":"Field","name":{"kind":"Name","value":"phoneCountry"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}},{"kind":"Field","name":{"kind":"Name","value":"incidentIds"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"quarantinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"purgeAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode<ClearStatusPageSubscriberQuarantineMutation, ClearStatusPageSubscriberQuarantineMutationVariables>;
export const StatusPageIncidentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPageIncidents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statusPageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"backfilled"}},{"kind":"Field","name":{"kind":"Name","value":"backfilledAt"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"remindPrior"}},{"kind":"Field","name":{"kind":"Name","value":"reminderIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shortlink"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentId"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postmortem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}}]} as unknown as DocumentNode<StatusPageIncidentsQuery, StatusPageIncidentsQueryVariables>;
export const StatusPageIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPageIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"impactOverride"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"backfilled"}},{"kind":"Field","name":{"kind":"Name","value":"backfilledAt"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"remindPrior"}},{"kind":"Field","name":{"kind":"Name","value":"reminderIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"remindersSent"}},{"kind":"Field","name":{"kind":"Name","value":"autoInProgress"}},{"kind":"Field","name":{"kind":"Name","value":"autoCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToMaintenanceState"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToOperationalState"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtStart"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"monitoringAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shortlink"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"displayAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentId"}},{"kind":"Field","name":{"kind":"Name","value":"oldStatus"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postmortem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<StatusPageIncidentQuery, StatusPageIncidentQueryVariables>;
export const IncidentTemplatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentTemplates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidentTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statusPageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentTemplateFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentTemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shouldSendNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}}]}}]} as unknown as DocumentNode<IncidentTemplatesQuery, IncidentTemplatesQueryVariables>;
export const CreateIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateIncidentMutation, CreateIncidentMutationVariables>;
export const AddIncidentUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddIncidentUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddIncidentUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addIncidentUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AddIncidentUpdateMutation, AddIncidentUpdateMutationVariables>;
export const UpdateIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"impactOverride"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"backfilled"}},{"kind":"Field","name":{"kind":"Name","value":"backfilledAt"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"remindPrior"}},{"kind":"Field","name":{"kind":"Name","value":"reminderIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"remindersSent"}},{"kind":"Field","name":{"kind":"Name","value":"autoInProgress"}},{"kind":"Field","name":{"kind":"Name","value":"autoCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToMaintenanceState"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToOperationalState"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtStart"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"monitoringAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shortlink"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"displayAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentId"}},{"kind":"Field","name":{"kind":"Name","value":"oldStatus"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postmortem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateIncidentMutation, UpdateIncidentMutationVariables>;
export const ResolveIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"impactOverride"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"backfilled"}},{"kind":"Field","name":{"kind":"Name","value":"backfilledAt"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"remindPrior"}},{"kind":"Field","name":{"kind":"Name","value":"reminderIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"remindersSent"}},{"kind":"Field","name":{"kind":"Name","value":"autoInProgress"}},{"kind":"Field","name":{"kind":"Name","value":"autoCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToMaintenanceState"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToOperationalState"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtStart"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"monitoringAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shortlink"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"displayAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentId"}},{"kind":"Field","name":{"kind":"Name","value":"oldStatus"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postmortem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ResolveIncidentMutation, ResolveIncidentMutationVariables>;
export const DeleteIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteIncidentMutation, DeleteIncidentMutationVariables>;
export const CreateMaintenanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateMaintenance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateMaintenanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createMaintenance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateMaintenanceMutation, CreateMaintenanceMutationVariables>;
export const UpdateMaintenanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMaintenance"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMaintenanceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMaintenance"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentDetail"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"impact"}},{"kind":"Field","name":{"kind":"Name","value":"impactOverride"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"backfilled"}},{"kind":"Field","name":{"kind":"Name","value":"backfilledAt"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledFor"}},{"kind":"Field","name":{"kind":"Name","value":"scheduledUntil"}},{"kind":"Field","name":{"kind":"Name","value":"remindPrior"}},{"kind":"Field","name":{"kind":"Name","value":"reminderIntervals"}},{"kind":"Field","name":{"kind":"Name","value":"remindersSent"}},{"kind":"Field","name":{"kind":"Name","value":"autoInProgress"}},{"kind":"Field","name":{"kind":"Name","value":"autoCompleted"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToMaintenanceState"}},{"kind":"Field","name":{"kind":"Name","value":"autoTransitionToOperationalState"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtStart"}},{"kind":"Field","name":{"kind":"Name","value":"notifyAtEnd"}},{"kind":"Field","name":{"kind":"Name","value":"monitoringAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"shortlink"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"displayAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliverNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"componentId"}},{"kind":"Field","name":{"kind":"Name","value":"oldStatus"}},{"kind":"Field","name":{"kind":"Name","value":"newStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"postmortem"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateMaintenanceMutation, UpdateMaintenanceMutationVariables>;
export const SavePostmortemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SavePostmortem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"body"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savePostmortem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"body"},"value":{"kind":"Variable","name":{"kind":"Name","value":"body"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SavePostmortemMutation, SavePostmortemMutationVariables>;
export const PublishPostmortemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishPostmortem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notifySubscribers"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishPostmortem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"notifySubscribers"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notifySubscribers"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PublishPostmortemMutation, PublishPostmortemMutationVariables>;
export const UnpublishPostmortemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnpublishPostmortem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpublishPostmortem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"incidentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"incidentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostmortemFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostmortemFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Postmortem"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"incidentId"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"bodyLastUpdatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"notifiedSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UnpublishPostmortemMutation, UnpublishPostmortemMutationVariables>;
export const CreateIncidentTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIncidentTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIncidentTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIncidentTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentTemplateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentTemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shouldSendNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}}]}}]} as unknown as DocumentNode<CreateIncidentTemplateMutation, CreateIncidentTemplateMutationVariables>;
export const UpdateIncidentTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateIncidentTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateIncidentTemplateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIncidentTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentTemplateFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentTemplateFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IncidentTemplate"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"shouldSendNotifications"}},{"kind":"Field","name":{"kind":"Name","value":"componentIds"}}]}}]} as unknown as DocumentNode<UpdateIncidentTemplateMutation, UpdateIncidentTemplateMutationVariables>;
export const DeleteIncidentTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteIncidentTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteIncidentTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteIncidentTemplateMutation, DeleteIncidentTemplateMutationVariables>;
export const StatusPagesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusPages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StatusPagesQuery, StatusPagesQueryVariables>;
export const StatusPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<StatusPageQuery, StatusPageQueryVariables>;
export const StatusPageUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StatusPageUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusPageUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statusPageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<StatusPageUpdatedSubscription, StatusPageUpdatedSubscriptionVariables>;
export const StatusPageMonitorPickerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StatusPageMonitorPicker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<StatusPageMonitorPickerQuery, StatusPageMonitorPickerQueryVariables>;
export const CreateStatusPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStatusPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStatusPageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStatusPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}}]} as unknown as DocumentNode<CreateStatusPageMutation, CreateStatusPageMutationVariables>;
export const UpdateStatusPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStatusPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStatusPageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStatusPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdateStatusPageMutation, UpdateStatusPageMutationVariables>;
export const SetStatusPageImageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetStatusPageImage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageImageKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contentType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dataBase64"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStatusPageImage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"contentType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contentType"}}},{"kind":"Argument","name":{"kind":"Name","value":"dataBase64"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dataBase64"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SetStatusPageImageMutation, SetStatusPageImageMutationVariables>;
export const SetStatusPageCustomDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetStatusPageCustomDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"domain"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStatusPageCustomDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"domain"},"value":{"kind":"Variable","name":{"kind":"Name","value":"domain"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<SetStatusPageCustomDomainMutation, SetStatusPageCustomDomainMutationVariables>;
export const VerifyStatusPageCustomDomainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyStatusPageCustomDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyStatusPageCustomDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<VerifyStatusPageCustomDomainMutation, VerifyStatusPageCustomDomainMutationVariables>;
export const PublishStatusPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishStatusPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"publishStatusPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}}]} as unknown as DocumentNode<PublishStatusPageMutation, PublishStatusPageMutationVariables>;
export const UnpublishStatusPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnpublishStatusPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unpublishStatusPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"published"}}]}}]}}]} as unknown as DocumentNode<UnpublishStatusPageMutation, UnpublishStatusPageMutationVariables>;
export const DeleteStatusPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteStatusPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteStatusPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteStatusPageMutation, DeleteStatusPageMutationVariables>;
export const CreateStatusPageComponentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateStatusPageComponent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStatusPageComponentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStatusPageComponent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<CreateStatusPageComponentMutation, CreateStatusPageComponentMutationVariables>;
export const UpdateStatusPageComponentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateStatusPageComponent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateStatusPageComponentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateStatusPageComponent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<UpdateStatusPageComponentMutation, UpdateStatusPageComponentMutationVariables>;
export const SetStatusPageComponentMonitorsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetStatusPageComponentMonitors"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"componentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"monitors"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ComponentMonitorInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setStatusPageComponentMonitors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"componentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"componentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"monitors"},"value":{"kind":"Variable","name":{"kind":"Name","value":"monitors"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}}]} as unknown as DocumentNode<SetStatusPageComponentMonitorsMutation, SetStatusPageComponentMonitorsMutationVariables>;
export const DeleteStatusPageComponentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteStatusPageComponent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteStatusPageComponent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteStatusPageComponentMutation, DeleteStatusPageComponentMutationVariables>;
export const ReorderStatusPageComponentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReorderStatusPageComponents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"componentIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reorderStatusPageComponents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"statusPageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"statusPageId"}}},{"kind":"Argument","name":{"kind":"Name","value":"componentIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"componentIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageComponentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPageComponent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusPageId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"groupName"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"showcase"}},{"kind":"Field","name":{"kind":"Name","value":"onlyShowIfDegraded"}},{"kind":"Field","name":{"kind":"Name","value":"aggregationMethod"}},{"kind":"Field","name":{"kind":"Name","value":"failureThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"monitors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"monitorId"}},{"kind":"Field","name":{"kind":"Name","value":"weight"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StatusPageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"StatusPage"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"projectId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"subdomain"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"published"}},{"kind":"Field","name":{"kind":"Name","value":"headline"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"hiddenFromSearch"}},{"kind":"Field","name":{"kind":"Name","value":"allowPageSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowIncidentSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowEmailSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowSmsSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"allowWebhookSubscribers"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsFromEmail"}},{"kind":"Field","name":{"kind":"Name","value":"notificationsEmailFooter"}},{"kind":"Field","name":{"kind":"Name","value":"cssBodyBackgroundColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLightFontColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGreens"}},{"kind":"Field","name":{"kind":"Name","value":"cssYellows"}},{"kind":"Field","name":{"kind":"Name","value":"cssOranges"}},{"kind":"Field","name":{"kind":"Name","value":"cssBlues"}},{"kind":"Field","name":{"kind":"Name","value":"cssReds"}},{"kind":"Field","name":{"kind":"Name","value":"cssBorderColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssGraphColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssLinkColor"}},{"kind":"Field","name":{"kind":"Name","value":"cssNoData"}},{"kind":"Field","name":{"kind":"Name","value":"faviconUrl"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"heroCoverUrl"}},{"kind":"Field","name":{"kind":"Name","value":"emailLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"twitterLogoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"customDomain"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerified"}},{"kind":"Field","name":{"kind":"Name","value":"customDomainVerification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordName"}},{"kind":"Field","name":{"kind":"Name","value":"recordValue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"components"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StatusPageComponentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<ReorderStatusPageComponentsMutation, ReorderStatusPageComponentsMutationVariables>;
export const TestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Test"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"test"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"script"}},{"kind":"Field","name":{"kind":"Name","value":"runner"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RunRow"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RunRow"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"jobId"}},{"kind":"Field","name":{"kind":"Name","value":"testId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"duration"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobType"}}]}}]}}]} as unknown as DocumentNode<TestQuery, TestQueryVariables>;
export const CreateTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateTestMutation, CreateTestMutationVariables>;
export const UpdateTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"script"}},{"kind":"Field","name":{"kind":"Name","value":"runner"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTestMutation, UpdateTestMutationVariables>;
export const DeleteTestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<DeleteTestMutation, DeleteTestMutationVariables>;
export const TestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TestFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"projectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"projectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TestsQuery, TestsQueryVariables>;