/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PaletteSearch($projectId: ID!, $query: String!) {\n    search(projectId: $projectId, query: $query, first: 5) {\n      kind\n      id\n      title\n      detail\n    }\n  }\n": typeof types.PaletteSearchDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Inbox {\n    notifications(first: 15) {\n      nodes {\n        id\n        kind\n        content\n        read\n        createdAt\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n": typeof types.InboxDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($id: ID) {\n    markNotificationsRead(id: $id)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query OrganizationBillingMode($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      plan {\n        id\n        limits {\n          tier\n        }\n      }\n    }\n  }\n": typeof types.OrganizationBillingModeDocument,
    "\n  query OrganizationQuotas($id: ID!) {\n    organization(id: $id) {\n      id\n      quotas {\n        limit\n        used\n        max\n      }\n    }\n  }\n": typeof types.OrganizationQuotasDocument,
    "\n  query RunnerStatus {\n    runnerStatus {\n      checked\n      problems\n    }\n  }\n": typeof types.RunnerStatusDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      role\n      twoFactorEnabled\n    }\n  }\n": typeof types.MeDocument,
    "\n  query Workspace {\n    currentSession {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n    organizations(first: 200) {\n      nodes {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          isDefault\n          status\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceDocument,
    "\n  mutation SetActive($input: SetActiveInput!) {\n    setActive(input: $input) {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n  }\n": typeof types.SetActiveDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      slug\n      description\n      isDefault\n      status\n      viewerLevel\n      organizationId\n      organization {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": typeof types.ProjectDocument,
    "\n  query Impersonation {\n    currentSession {\n      id\n      impersonatedBy\n    }\n  }\n": typeof types.ImpersonationDocument,
    "\n  mutation StopImpersonating {\n    stopImpersonating\n  }\n": typeof types.StopImpersonatingDocument,
    "\n  mutation ResendEmailVerification {\n    requestEmailVerification\n  }\n": typeof types.ResendEmailVerificationDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      start\n      permission\n      projectId\n      jobId\n      enabled\n      expiresAt\n      lastRequest\n      requestCount\n      rateLimitMax\n      rateLimitWindowSeconds\n      createdAt\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n": typeof types.UpdateApiKeyDocument,
    "\n  mutation DeleteApiKey($id: ID!) {\n    deleteApiKey(id: $id)\n  }\n": typeof types.DeleteApiKeyDocument,
    "\n  query LinkedAccounts {\n    me {\n      id\n      linkedAccounts {\n        provider\n        providerName\n        createdAt\n      }\n    }\n  }\n": typeof types.LinkedAccountsDocument,
    "\n  mutation UnlinkAccount($provider: String!) {\n    unlinkAccount(provider: $provider)\n  }\n": typeof types.UnlinkAccountDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.UpdateProfileDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n": typeof types.RequestEmailVerificationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation EnrollTotp($password: String!) {\n    enrollTotp(password: $password) {\n      secret\n      uri\n    }\n  }\n": typeof types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) {\n      id\n      twoFactorEnabled\n    }\n  }\n": typeof types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($password: String!) {\n    disableTotp(password: $password) {\n      id\n      twoFactorEnabled\n    }\n  }\n": typeof types.DisableTotpDocument,
    "\n  query Sessions {\n    sessions {\n      id\n      createdAt\n      expiresAt\n      ipAddress\n      userAgent\n      current\n    }\n  }\n": typeof types.SessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": typeof types.RevokeSessionDocument,
    "\n  query AdminPlans {\n    plans(includeInactive: true) {\n      ...AdminPlan\n    }\n  }\n  fragment AdminPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    maxTimeoutDuration\n    limits {\n      tier\n    }\n  }\n": typeof types.AdminPlansDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      ...AdminPlan\n    }\n  }\n": typeof types.CreatePlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...AdminPlan\n    }\n  }\n": typeof types.UpdatePlanDocument,
    "\n  mutation SetOrganizationPlan($organizationId: ID!, $planId: ID!) {\n    setOrganizationPlan(organizationId: $organizationId, planId: $planId) {\n      id\n      name\n      plan {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SetOrganizationPlanDocument,
    "\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminUser\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    name\n    email\n    emailVerified\n    role\n    banned\n    banReason\n    banExpires\n    twoFactorEnabled\n    createdAt\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation BanUser($input: BanUserInput!) {\n    banUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": typeof types.BanUserDocument,
    "\n  mutation UnbanUser($userId: ID!) {\n    unbanUser(userId: $userId) {\n      ...AdminUser\n    }\n  }\n": typeof types.UnbanUserDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: UserRole!) {\n    setUserRole(userId: $userId, role: $role) {\n      ...AdminUser\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  mutation ImpersonateUser($userId: ID!) {\n    impersonateUser(userId: $userId) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": typeof types.ImpersonateUserDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query SsoProviders {\n    ssoProviders {\n      id\n      name\n    }\n  }\n": typeof types.SsoProvidersDocument,
    "\n  query Callback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      triggerUrl\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      actions {\n        ...ActionRow\n      }\n    }\n  }\n  fragment ActionRow on Action {\n    id\n    type\n    config\n    enabled\n    order\n    parallel\n  }\n": typeof types.CallbackDocument,
    "\n  query CallbackLogs($callbackId: ID!) {\n    callbackLogs(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        ...CallbackLogRow\n      }\n    }\n  }\n  fragment CallbackLogRow on CallbackLog {\n    id\n    event\n    success\n    statusCode\n    responseTime\n    request\n    response\n    details\n    replayOf\n    createdAt\n  }\n": typeof types.CallbackLogsDocument,
    "\n  subscription CallbackLogAdded($callbackId: ID!) {\n    callbackLogAdded(callbackId: $callbackId) {\n      ...CallbackLogRow\n    }\n  }\n": typeof types.CallbackLogAddedDocument,
    "\n  query ActionExecutions($callbackId: ID!) {\n    actionExecutions(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        actionId\n        callbackLogId\n        status\n        attempt\n        step\n        error\n        durationMs\n        nextAttemptAt\n        createdAt\n      }\n    }\n  }\n": typeof types.ActionExecutionsDocument,
    "\n  query CallbackStats($id: ID!) {\n    callback(id: $id) {\n      id\n      stats(hours: 24) {\n        total\n        successful\n        failed\n        successRate\n        avgResponseTimeMs\n        p95ResponseTimeMs\n      }\n    }\n  }\n": typeof types.CallbackStatsDocument,
    "\n  query StoredPayloads($projectId: ID!, $callbackId: ID!) {\n    storedPayloads(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        key\n        payload\n        callbackLogId\n        createdAt\n      }\n    }\n  }\n": typeof types.StoredPayloadsDocument,
    "\n  query QueuedMessages($projectId: ID!, $callbackId: ID!) {\n    queueMessages(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        queue\n        payload\n        status\n        deliveries\n        leaseUntil\n        createdAt\n      }\n    }\n  }\n": typeof types.QueuedMessagesDocument,
    "\n  query CredentialChoices($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n        provider\n      }\n    }\n  }\n": typeof types.CredentialChoicesDocument,
    "\n  mutation ReplayCallbackLog($id: ID!) {\n    replayCallbackLog(id: $id) {\n      id\n    }\n  }\n": typeof types.ReplayCallbackLogDocument,
    "\n  mutation RotateTriggerToken($id: ID!) {\n    rotateTriggerToken(id: $id) {\n      id\n      triggerUrl\n      triggerToken\n    }\n  }\n": typeof types.RotateTriggerTokenDocument,
    "\n  mutation DeleteCallback($id: ID!) {\n    deleteCallback(id: $id)\n  }\n": typeof types.DeleteCallbackDocument,
    "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n": typeof types.CreateActionDocument,
    "\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n": typeof types.UpdateActionDocument,
    "\n  mutation DeleteAction($id: ID!) {\n    deleteAction(id: $id)\n  }\n": typeof types.DeleteActionDocument,
    "\n  query EditCallback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n        header\n        encoding\n        prefix\n      }\n    }\n  }\n": typeof types.EditCallbackDocument,
    "\n  mutation CreateCallback($input: CreateCallbackInput!) {\n    createCallback(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateCallbackDocument,
    "\n  mutation UpdateCallback($id: ID!, $input: UpdateCallbackInput!) {\n    updateCallback(id: $id, input: $input) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n      }\n    }\n  }\n": typeof types.UpdateCallbackDocument,
    "\n  query Callbacks($projectId: ID!) {\n    callbacks(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        callbackUrl\n        activeStatus\n        triggerUrl\n        customPath\n        stats(hours: 24) {\n          total\n          successRate\n          avgResponseTimeMs\n        }\n      }\n    }\n  }\n": typeof types.CallbacksDocument,
    "\n  query NodeProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Monitor {\n        projectId\n      }\n      ... on Callback {\n        projectId\n      }\n      ... on Job {\n        projectId\n      }\n      ... on Test {\n        projectId\n      }\n      ... on Run {\n        projectId\n      }\n      ... on StatusPage {\n        projectId\n      }\n    }\n  }\n": typeof types.NodeProjectDocument,
    "\n  query Job($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      nextRunAt\n      schedulePaused\n      lastRunAt\n      status\n      timeoutSeconds\n      triggerUrl\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n      }\n      notificationProviderIds\n      tests {\n        id\n        title\n        type\n      }\n      runs(first: 50) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n": typeof types.JobDocument,
    "\n  mutation PauseJobSchedule($id: ID!) {\n    pauseJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n": typeof types.PauseJobScheduleDocument,
    "\n  mutation ResumeJobSchedule($id: ID!) {\n    resumeJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n": typeof types.ResumeJobScheduleDocument,
    "\n  mutation DeleteJob($id: ID!) {\n    deleteJob(id: $id)\n  }\n": typeof types.DeleteJobDocument,
    "\n  mutation CreateJobKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateJobKeyDocument,
    "\n  query EditJob($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      timeoutSeconds\n      tests {\n        id\n      }\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n        customMessage\n      }\n      notificationProviderIds\n    }\n  }\n": typeof types.EditJobDocument,
    "\n  query PickTests($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n      }\n    }\n  }\n": typeof types.PickTestsDocument,
    "\n  query CronPreview($expression: String!) {\n    cronPreview(expression: $expression, count: 3)\n  }\n": typeof types.CronPreviewDocument,
    "\n  mutation CreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateJobDocument,
    "\n  mutation UpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      id\n      name\n      cronSchedule\n      nextRunAt\n      timeoutSeconds\n      tests {\n        id\n        title\n      }\n    }\n  }\n": typeof types.UpdateJobDocument,
    "\n  query Jobs($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        jobType\n        status\n        cronSchedule\n        nextRunAt\n        schedulePaused\n        lastRunAt\n        tests {\n          id\n        }\n      }\n    }\n  }\n": typeof types.JobsDocument,
    "\n  query Monitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      status\n      enabled\n      muted\n      mutedUntil\n      frequencyMinutes\n      lastCheckAt\n      nextCheckAt\n      lastStatusChangeAt\n      heartbeatUrl\n      locations\n      uptimes {\n        day\n        week\n        month\n        quarter\n      }\n      dailyUptime(days: 90) {\n        date\n        checks\n        failed\n        uptime\n      }\n      locationStatuses {\n        location\n        status\n        lastCheckedAt\n      }\n      downtimes(days: 30) {\n        start\n        end\n        durationSeconds\n        cause\n        errorClass\n        location\n      }\n      alerts(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n  fragment MonitorAlertRow on MonitorAlert {\n    id\n    type\n    channel\n    providerName\n    status\n    sentAt\n    attempts\n    nextAttemptAt\n    error\n  }\n": typeof types.MonitorDocument,
    "\n  query MonitorOlderAlerts($id: ID!, $after: String!) {\n    monitor(id: $id) {\n      id\n      alerts(first: 50, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n": typeof types.MonitorOlderAlertsDocument,
    "\n  query MonitorResults($monitorId: ID!) {\n    monitorResults(monitorId: $monitorId, first: 50) {\n      totalCount\n      nodes {\n        ...MonitorResultRow\n      }\n    }\n  }\n  fragment MonitorResultRow on MonitorResult {\n    id\n    checkedAt\n    location\n    status\n    responseTimeMs\n    isUp\n    details\n  }\n": typeof types.MonitorResultsDocument,
    "\n  query ResponseTimes($id: ID!, $range: SeriesRange!) {\n    monitor(id: $id) {\n      id\n      responseTimes(range: $range) {\n        start\n        checks\n        failed\n        avgMs\n        p95Ms\n      }\n    }\n  }\n": typeof types.ResponseTimesDocument,
    "\n  subscription MonitorResultAdded($monitorId: ID!) {\n    monitorResultAdded(monitorId: $monitorId) {\n      ...MonitorResultRow\n    }\n  }\n": typeof types.MonitorResultAddedDocument,
    "\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      id\n      nextCheckAt\n    }\n  }\n": typeof types.CheckMonitorNowDocument,
    "\n  mutation MuteMonitor($id: ID!, $until: DateTime!) {\n    muteMonitor(id: $id, until: $until) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n": typeof types.MuteMonitorDocument,
    "\n  mutation UnmuteMonitor($id: ID!) {\n    unmuteMonitor(id: $id) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n": typeof types.UnmuteMonitorDocument,
    "\n  mutation SetMonitorEnabled($id: ID!, $enabled: Boolean!) {\n    updateMonitor(id: $id, input: { enabled: $enabled }) {\n      id\n      enabled\n      status\n    }\n  }\n": typeof types.SetMonitorEnabledDocument,
    "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n": typeof types.DeleteMonitorDocument,
    "\n  mutation RotateHeartbeatUrl($id: ID!) {\n    rotateHeartbeatUrl(id: $id) {\n      id\n      heartbeatUrl\n    }\n  }\n": typeof types.RotateHeartbeatUrlDocument,
    "\n  query EditMonitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      frequencyMinutes\n      enabled\n      config\n      downIntervalSeconds\n      parentIds\n      notificationProviderIds\n      tags {\n        id\n      }\n      locations\n      aggregation\n      alert {\n        enabled\n        failureThreshold\n        recoveryThreshold\n        alertOnFailure\n        alertOnRecovery\n        alertOnSslExpiration\n        alertOnTimeout\n        customMessage\n      }\n    }\n  }\n": typeof types.EditMonitorDocument,
    "\n  query SyntheticTestChoices($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n        runner\n      }\n    }\n  }\n": typeof types.SyntheticTestChoicesDocument,
    "\n  query MonitorChoices($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.MonitorChoicesDocument,
    "\n  mutation CreateMonitor($input: CreateMonitorInput!) {\n    createMonitor(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateMonitorDocument,
    "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      id\n      name\n      target\n      status\n      config\n    }\n  }\n": typeof types.UpdateMonitorDocument,
    "\n  query Monitors($projectId: ID!, $filter: MonitorFilter) {\n    monitors(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        name\n        type\n        target\n        status\n        enabled\n        muted\n        lastCheckAt\n        tags {\n          id\n          name\n          color\n        }\n        latestResult {\n          id\n          checkedAt\n          responseTimeMs\n        }\n        uptimes {\n          day\n        }\n      }\n    }\n  }\n": typeof types.MonitorsDocument,
    "\n  subscription MonitorStatusChanged($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n      lastCheckAt\n      lastStatusChangeAt\n    }\n  }\n": typeof types.MonitorStatusChangedDocument,
    "\n  subscription ProjectMonitorResultAdded($projectId: ID!) {\n    monitorResultAdded(projectId: $projectId) {\n      id\n      monitorId\n      checkedAt\n      responseTimeMs\n      status\n    }\n  }\n": typeof types.ProjectMonitorResultAddedDocument,
    "\n  query Invitation($id: ID!) {\n    invitation(id: $id) {\n      id\n      email\n      role\n      status\n      expiresAt\n      organizationId\n      organizationName\n      inviter {\n        id\n        name\n      }\n    }\n  }\n": typeof types.InvitationDocument,
    "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n      organizationId\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      projects {\n        id\n        isDefault\n      }\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query MyInvitations {\n    myInvitations {\n      id\n      organizationName\n      role\n    }\n  }\n": typeof types.MyInvitationsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateProjectDocument,
    "\n  query Members($organizationId: ID!) {\n    members(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        id\n        role\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  mutation UpdateMemberRole($memberId: ID!, $role: OrgRole!) {\n    updateMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Invitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId, first: 100) {\n      totalCount\n      nodes {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n        projectIds\n        inviter {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  query AuditLogs($organizationId: ID!, $after: String, $filter: AuditLogFilter) {\n    auditLogs(organizationId: $organizationId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AuditEntry\n      }\n    }\n  }\n  fragment AuditEntry on AuditLog {\n    id\n    action\n    details\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AuditLogsDocument,
    "\n  subscription AuditLogAdded($organizationId: ID!) {\n    auditLogAdded(organizationId: $organizationId) {\n      ...AuditEntry\n    }\n  }\n": typeof types.AuditLogAddedDocument,
    "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": typeof types.UpdateOrganizationDocument,
    "\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n": typeof types.DeleteOrganizationDocument,
    "\n  query OrganizationSso($organizationId: ID!) {\n    organizationSso(organizationId: $organizationId) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n    ssoProviders {\n      id\n      name\n    }\n  }\n": typeof types.OrganizationSsoDocument,
    "\n  mutation UpdateOrganizationSso($organizationId: ID!, $input: UpdateOrganizationSsoInput!) {\n    updateOrganizationSso(organizationId: $organizationId, input: $input) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n  }\n": typeof types.UpdateOrganizationSsoDocument,
    "\n  query BillingOverview($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      plan {\n        ...BillingPlan\n      }\n      subscription {\n        status\n        provider\n        currentPeriodStart\n        currentPeriodEnd\n        cancelAtPeriodEnd\n        pastDueSince\n        graceEndsAt\n      }\n    }\n    plans {\n      ...BillingPlan\n    }\n  }\n  fragment BillingPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    limits {\n      tier\n      maxMonitors\n      minCheckIntervalMinutes\n      playwrightMinutesIncluded\n      k6VuMinutesIncluded\n      aiCreditsIncluded\n      runningCapacity\n      maxTeamMembers\n      maxProjects\n      maxStatusPages\n      customDomains\n      ssoEnabled\n      dataRetentionDays\n    }\n  }\n": typeof types.BillingOverviewDocument,
    "\n  mutation CreateCheckoutSession($organizationId: ID!, $planId: ID!) {\n    createCheckoutSession(organizationId: $organizationId, planId: $planId)\n  }\n": typeof types.CreateCheckoutSessionDocument,
    "\n  mutation CreatePolarCheckout($organizationId: ID!, $planId: ID!) {\n    createPolarCheckout(organizationId: $organizationId, planId: $planId)\n  }\n": typeof types.CreatePolarCheckoutDocument,
    "\n  mutation CreateBillingPortalSession($organizationId: ID!) {\n    createBillingPortalSession(organizationId: $organizationId)\n  }\n": typeof types.CreateBillingPortalSessionDocument,
    "\n  mutation CreatePolarPortalSession($organizationId: ID!) {\n    createPolarPortalSession(organizationId: $organizationId)\n  }\n": typeof types.CreatePolarPortalSessionDocument,
    "\n  query OrganizationUsage($id: ID!) {\n    organization(id: $id) {\n      id\n      usage {\n        periodStart\n        periodEnd\n        overageCents\n        spendingLimitCents\n        hardStopped\n        hardStopReason\n        meters {\n          meter\n          used\n          included\n          unit\n          overageUnits\n          overageCents\n        }\n      }\n    }\n  }\n": typeof types.OrganizationUsageDocument,
    "\n  query OrganizationBillingSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      billingSettings {\n        ...BillingSettingsFields\n      }\n    }\n  }\n  fragment BillingSettingsFields on BillingSettings {\n    enableSpendingLimit\n    monthlySpendingLimitCents\n    hardStopOnLimit\n    notifyAt50Percent\n    notifyAt80Percent\n    notifyAt90Percent\n    notifyAt100Percent\n    notificationEmails\n  }\n": typeof types.OrganizationBillingSettingsDocument,
    "\n  mutation UpdateBillingSettings($organizationId: ID!, $input: UpdateBillingSettingsInput!) {\n    updateBillingSettings(organizationId: $organizationId, input: $input) {\n      ...BillingSettingsFields\n    }\n  }\n": typeof types.UpdateBillingSettingsDocument,
    "\n  query ProjectOverview($projectId: ID!) {\n    projectOverview(projectId: $projectId) {\n      monitorCounts {\n        status\n        count\n      }\n      failingMonitors {\n        id\n        name\n        target\n        status\n        lastStatusChangeAt\n      }\n      openIncidents {\n        id\n        statusPageId\n        title\n        status\n        impact\n        createdAt\n      }\n      failingJobs {\n        id\n        name\n        status\n        lastRunAt\n      }\n      recentRuns {\n        id\n        status\n        trigger\n        createdAt\n        durationMs\n        testId\n        job {\n          id\n          name\n        }\n      }\n      testCount\n      jobCount\n      callbackCount\n      statusPageCount\n      triggers {\n        windowHours\n        total\n        failed\n        errorRate\n      }\n    }\n  }\n": typeof types.ProjectOverviewDocument,
    "\n  subscription OverviewMonitorStatus($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n    }\n  }\n": typeof types.OverviewMonitorStatusDocument,
    "\n  subscription OverviewRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      id\n      status\n    }\n  }\n": typeof types.OverviewRunUpdatedDocument,
    "\n  subscription OverviewCallbackLogAdded($projectId: ID!) {\n    callbackLogAdded(projectId: $projectId) {\n      id\n      success\n    }\n  }\n": typeof types.OverviewCallbackLogAddedDocument,
    "\n  query Runs($projectId: ID!, $filter: RunFilter, $after: String) {\n    runs(projectId: $projectId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n": typeof types.RunsDocument,
    "\n  query JobNames($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.JobNamesDocument,
    "\n  fragment RunRow on Run {\n    id\n    jobId\n    testId\n    status\n    trigger\n    createdAt\n    startedAt\n    completedAt\n    durationMs\n    duration\n    cancelRequested\n    job {\n      id\n      name\n      jobType\n    }\n  }\n": typeof types.RunRowFragmentDoc,
    "\n  fragment RunDetail on Run {\n    ...RunRow\n    location\n    logs\n    logLines\n    errorDetails\n    exitCode\n    attempt\n    reportUrl\n    logsUrl\n    videoUrl\n    artifacts {\n      kind\n      path\n      url\n    }\n    k6Results {\n      id\n      testId\n      status\n      durationMs\n      thresholdsPassed\n      totalRequests\n      failedRequests\n      requestRate\n      avgResponseTimeMs\n      p95ResponseTimeMs\n      p99ResponseTimeMs\n      errorDetails\n      reportUrl\n      consoleUrl\n      summaryUrl\n    }\n  }\n": typeof types.RunDetailFragmentDoc,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetail\n      job {\n        id\n        name\n        jobType\n        tests {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.RunDocument,
    "\n  subscription RunUpdated($runId: ID!) {\n    runUpdated(runId: $runId) {\n      ...RunDetail\n    }\n  }\n": typeof types.RunUpdatedDocument,
    "\n  subscription ProjectRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      ...RunRow\n    }\n  }\n": typeof types.ProjectRunUpdatedDocument,
    "\n  subscription RunLog($runId: ID!) {\n    runLog(runId: $runId) {\n      runId\n      number\n      line\n    }\n  }\n": typeof types.RunLogDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  mutation TriggerJob($id: ID!) {\n    triggerJob(id: $id) {\n      ...RunRow\n    }\n  }\n": typeof types.TriggerJobDocument,
    "\n  mutation RunTest($id: ID!, $script: String) {\n    runTest(id: $id, script: $script) {\n      ...RunRow\n    }\n  }\n": typeof types.RunTestDocument,
    "\n  query TestTitles($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": typeof types.TestTitlesDocument,
    "\n  query ServiceCredentials($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        provider\n        meta\n        updatedAt\n      }\n    }\n  }\n": typeof types.ServiceCredentialsDocument,
    "\n  mutation CreateServiceCredential($input: CreateServiceCredentialInput!) {\n    createServiceCredential(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateServiceCredentialDocument,
    "\n  mutation DeleteServiceCredential($id: ID!) {\n    deleteServiceCredential(id: $id)\n  }\n": typeof types.DeleteServiceCredentialDocument,
    "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {\n    updateProject(id: $id, input: $input) {\n      id\n      name\n      slug\n      description\n      status\n    }\n  }\n": typeof types.UpdateProjectDocument,
    "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id)\n  }\n": typeof types.DeleteProjectDocument,
    "\n  fragment ProviderFields on NotificationProvider {\n    id\n    name\n    type\n    isEnabled\n    config\n    projectId\n    organizationId\n  }\n": typeof types.ProviderFieldsFragmentDoc,
    "\n  query NotificationProviders($projectId: ID!) {\n    notificationProviders(projectId: $projectId, includeOrganizationWide: true, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n": typeof types.NotificationProvidersDocument,
    "\n  query OrganizationNotificationProviders($organizationId: ID!) {\n    organizationNotificationProviders(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n": typeof types.OrganizationNotificationProvidersDocument,
    "\n  mutation CreateNotificationProvider($input: CreateNotificationProviderInput!) {\n    createNotificationProvider(input: $input) {\n      id\n      name\n      generatedSecret\n    }\n  }\n": typeof types.CreateNotificationProviderDocument,
    "\n  mutation UpdateNotificationProvider($id: ID!, $input: UpdateNotificationProviderInput!) {\n    updateNotificationProvider(id: $id, input: $input) {\n      id\n      name\n      isEnabled\n      generatedSecret\n    }\n  }\n": typeof types.UpdateNotificationProviderDocument,
    "\n  mutation DeleteNotificationProvider($id: ID!) {\n    deleteNotificationProvider(id: $id)\n  }\n": typeof types.DeleteNotificationProviderDocument,
    "\n  mutation TestNotificationProvider($id: ID!) {\n    testNotificationProvider(id: $id) {\n      success\n      attempts\n      error\n    }\n  }\n": typeof types.TestNotificationProviderDocument,
    "\n  query ProjectMembers($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      members {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n    members(organizationId: $organizationId, first: 200) {\n      nodes {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.ProjectMembersDocument,
    "\n  mutation SetProjectMember($input: SetProjectMemberInput!) {\n    setProjectMember(input: $input) {\n      id\n      role\n    }\n  }\n": typeof types.SetProjectMemberDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": typeof types.RemoveProjectMemberDocument,
    "\n  query Tags($projectId: ID!) {\n    tags(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        color\n      }\n    }\n  }\n": typeof types.TagsDocument,
    "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateTagDocument,
    "\n  mutation DeleteTag($id: ID!) {\n    deleteTag(id: $id)\n  }\n": typeof types.DeleteTagDocument,
    "\n  query ProjectVariables($projectId: ID!) {\n    projectVariables(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        key\n        value\n        isSecret\n        description\n        updatedAt\n      }\n    }\n  }\n": typeof types.ProjectVariablesDocument,
    "\n  mutation CreateProjectVariable($input: CreateProjectVariableInput!) {\n    createProjectVariable(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProjectVariableDocument,
    "\n  mutation UpdateProjectVariable($id: ID!, $input: UpdateProjectVariableInput!) {\n    updateProjectVariable(id: $id, input: $input) {\n      id\n      value\n    }\n  }\n": typeof types.UpdateProjectVariableDocument,
    "\n  mutation DeleteProjectVariable($id: ID!) {\n    deleteProjectVariable(id: $id)\n  }\n": typeof types.DeleteProjectVariableDocument,
    "\n  query StatusPageSubscribers($statusPageId: ID!, $first: Int!, $after: String, $filter: StatusPageSubscriberFilter) {\n    statusPageSubscribers(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SubscriberFields\n      }\n    }\n  }\n  fragment SubscriberFields on StatusPageSubscriber {\n    id\n    mode\n    state\n    email\n    phoneNumber\n    phoneCountry\n    endpoint\n    componentIds\n    incidentIds\n    confirmedAt\n    quarantinedAt\n    purgeAt\n    failedDeliveries\n    createdAt\n  }\n": typeof types.StatusPageSubscribersDocument,
    "\n  query StatusPageSubscribersCsv($statusPageId: ID!) {\n    statusPageSubscribersCsv(statusPageId: $statusPageId)\n  }\n": typeof types.StatusPageSubscribersCsvDocument,
    "\n  query StatusPageMetrics($id: ID!, $days: Int!) {\n    statusPage(id: $id) {\n      id\n      metrics(days: $days) {\n        date\n        pageViews\n        subscribers\n        pendingSubscribers\n        quarantinedSubscribers\n      }\n    }\n  }\n": typeof types.StatusPageMetricsDocument,
    "\n  mutation AddStatusPageSubscriber($input: AddStatusPageSubscriberInput!) {\n    addStatusPageSubscriber(input: $input) {\n      signingSecret\n      subscriber {\n        ...SubscriberFields\n      }\n    }\n  }\n": typeof types.AddStatusPageSubscriberDocument,
    "\n  mutation RemoveStatusPageSubscriber($id: ID!) {\n    removeStatusPageSubscriber(id: $id)\n  }\n": typeof types.RemoveStatusPageSubscriberDocument,
    "\n  mutation ClearStatusPageSubscriberQuarantine($id: ID!) {\n    clearStatusPageSubscriberQuarantine(id: $id) {\n      ...SubscriberFields\n    }\n  }\n": typeof types.ClearStatusPageSubscriberQuarantineDocument,
    "\n  query StatusPageIncidents($statusPageId: ID!, $first: Int!, $after: String, $filter: IncidentFilter) {\n    incidents(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...IncidentSummary\n      }\n    }\n  }\n  fragment IncidentSummary on Incident {\n    id\n    kind\n    title\n    status\n    impact\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    resolvedAt\n    shortlink\n    createdAt\n    components {\n      componentId\n      newStatus\n    }\n    postmortem {\n      id\n      published\n    }\n  }\n": typeof types.StatusPageIncidentsDocument,
    "\n  query StatusPageIncident($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetail\n    }\n  }\n  fragment IncidentDetail on Incident {\n    id\n    statusPageId\n    kind\n    title\n    status\n    impact\n    impactOverride\n    message\n    deliverNotifications\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    remindersSent\n    autoInProgress\n    autoCompleted\n    autoTransitionToMaintenanceState\n    autoTransitionToOperationalState\n    notifyAtStart\n    notifyAtEnd\n    monitoringAt\n    resolvedAt\n    shortlink\n    updates {\n      id\n      status\n      message\n      displayAt\n      deliverNotifications\n      createdAt\n    }\n    components {\n      componentId\n      oldStatus\n      newStatus\n      createdAt\n    }\n    postmortem {\n      ...PostmortemFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment PostmortemFields on Postmortem {\n    id\n    incidentId\n    body\n    bodyLastUpdatedAt\n    published\n    publishedAt\n    notifiedSubscribers\n    updatedAt\n  }\n": typeof types.StatusPageIncidentDocument,
    "\n  query IncidentTemplates($statusPageId: ID!) {\n    incidentTemplates(statusPageId: $statusPageId, first: 200) {\n      totalCount\n      nodes {\n        ...IncidentTemplateFields\n      }\n    }\n  }\n  fragment IncidentTemplateFields on IncidentTemplate {\n    id\n    name\n    title\n    body\n    status\n    shouldSendNotifications\n    componentIds\n  }\n": typeof types.IncidentTemplatesDocument,
    "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateIncidentDocument,
    "\n  mutation AddIncidentUpdate($input: AddIncidentUpdateInput!) {\n    addIncidentUpdate(input: $input) {\n      id\n    }\n  }\n": typeof types.AddIncidentUpdateDocument,
    "\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.UpdateIncidentDocument,
    "\n  mutation ResolveIncident($id: ID!, $message: String) {\n    resolveIncident(id: $id, message: $message) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.ResolveIncidentDocument,
    "\n  mutation DeleteIncident($id: ID!) {\n    deleteIncident(id: $id)\n  }\n": typeof types.DeleteIncidentDocument,
    "\n  mutation CreateMaintenance($input: CreateMaintenanceInput!) {\n    createMaintenance(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateMaintenanceDocument,
    "\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n": typeof types.UpdateMaintenanceDocument,
    "\n  mutation SavePostmortem($incidentId: ID!, $body: String!) {\n    savePostmortem(incidentId: $incidentId, body: $body) {\n      ...PostmortemFields\n    }\n  }\n": typeof types.SavePostmortemDocument,
    "\n  mutation PublishPostmortem($incidentId: ID!, $notifySubscribers: Boolean!) {\n    publishPostmortem(incidentId: $incidentId, notifySubscribers: $notifySubscribers) {\n      ...PostmortemFields\n    }\n  }\n": typeof types.PublishPostmortemDocument,
    "\n  mutation UnpublishPostmortem($incidentId: ID!) {\n    unpublishPostmortem(incidentId: $incidentId) {\n      ...PostmortemFields\n    }\n  }\n": typeof types.UnpublishPostmortemDocument,
    "\n  mutation CreateIncidentTemplate($input: CreateIncidentTemplateInput!) {\n    createIncidentTemplate(input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n": typeof types.CreateIncidentTemplateDocument,
    "\n  mutation UpdateIncidentTemplate($id: ID!, $input: UpdateIncidentTemplateInput!) {\n    updateIncidentTemplate(id: $id, input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n": typeof types.UpdateIncidentTemplateDocument,
    "\n  mutation DeleteIncidentTemplate($id: ID!) {\n    deleteIncidentTemplate(id: $id)\n  }\n": typeof types.DeleteIncidentTemplateDocument,
    "\n  query StatusPages($projectId: ID!) {\n    statusPages(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        subdomain\n        url\n        published\n        customDomain\n        customDomainVerified\n        components {\n          id\n          status\n        }\n      }\n    }\n  }\n": typeof types.StatusPagesDocument,
    "\n  query StatusPage($id: ID!) {\n    statusPage(id: $id) {\n      ...StatusPageFields\n    }\n  }\n  fragment StatusPageFields on StatusPage {\n    id\n    projectId\n    name\n    subdomain\n    url\n    published\n    headline\n    description\n    supportUrl\n    timezone\n    theme\n    hiddenFromSearch\n    allowPageSubscribers\n    allowIncidentSubscribers\n    allowEmailSubscribers\n    allowSmsSubscribers\n    allowWebhookSubscribers\n    notificationsFromEmail\n    notificationsEmailFooter\n    cssBodyBackgroundColor\n    cssFontColor\n    cssLightFontColor\n    cssGreens\n    cssYellows\n    cssOranges\n    cssBlues\n    cssReds\n    cssBorderColor\n    cssGraphColor\n    cssLinkColor\n    cssNoData\n    faviconUrl\n    logoUrl\n    heroCoverUrl\n    emailLogoUrl\n    twitterLogoUrl\n    customDomain\n    customDomainVerified\n    customDomainVerification {\n      recordName\n      recordValue\n    }\n    components {\n      ...StatusPageComponentFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment StatusPageComponentFields on StatusPageComponent {\n    id\n    statusPageId\n    name\n    description\n    status\n    groupName\n    position\n    showcase\n    onlyShowIfDegraded\n    aggregationMethod\n    failureThreshold\n    startDate\n    monitors {\n      monitorId\n      weight\n    }\n  }\n": typeof types.StatusPageDocument,
    "\n  subscription StatusPageUpdated($statusPageId: ID!) {\n    statusPageUpdated(statusPageId: $statusPageId) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.StatusPageUpdatedDocument,
    "\n  query StatusPageMonitorPicker($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n": typeof types.StatusPageMonitorPickerDocument,
    "\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      id\n      subdomain\n      url\n      published\n    }\n  }\n": typeof types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.UpdateStatusPageDocument,
    "\n  mutation SetStatusPageImage($id: ID!, $kind: StatusPageImageKind!, $contentType: String, $dataBase64: String) {\n    setStatusPageImage(id: $id, kind: $kind, contentType: $contentType, dataBase64: $dataBase64) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.SetStatusPageImageDocument,
    "\n  mutation SetStatusPageCustomDomain($id: ID!, $domain: String) {\n    setStatusPageCustomDomain(id: $id, domain: $domain) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.SetStatusPageCustomDomainDocument,
    "\n  mutation VerifyStatusPageCustomDomain($id: ID!) {\n    verifyStatusPageCustomDomain(id: $id) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.VerifyStatusPageCustomDomainDocument,
    "\n  mutation PublishStatusPage($id: ID!) {\n    publishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n": typeof types.PublishStatusPageDocument,
    "\n  mutation UnpublishStatusPage($id: ID!) {\n    unpublishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n": typeof types.UnpublishStatusPageDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n": typeof types.DeleteStatusPageDocument,
    "\n  mutation CreateStatusPageComponent($input: CreateStatusPageComponentInput!) {\n    createStatusPageComponent(input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n": typeof types.CreateStatusPageComponentDocument,
    "\n  mutation UpdateStatusPageComponent($id: ID!, $input: UpdateStatusPageComponentInput!) {\n    updateStatusPageComponent(id: $id, input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n": typeof types.UpdateStatusPageComponentDocument,
    "\n  mutation SetStatusPageComponentMonitors($componentId: ID!, $monitors: [ComponentMonitorInput!]!) {\n    setStatusPageComponentMonitors(componentId: $componentId, monitors: $monitors) {\n      ...StatusPageComponentFields\n    }\n  }\n": typeof types.SetStatusPageComponentMonitorsDocument,
    "\n  mutation DeleteStatusPageComponent($id: ID!) {\n    deleteStatusPageComponent(id: $id)\n  }\n": typeof types.DeleteStatusPageComponentDocument,
    "\n  mutation ReorderStatusPageComponents($statusPageId: ID!, $componentIds: [ID!]!) {\n    reorderStatusPageComponents(statusPageId: $statusPageId, componentIds: $componentIds) {\n      ...StatusPageFields\n    }\n  }\n": typeof types.ReorderStatusPageComponentsDocument,
    "\n  query Test($id: ID!) {\n    test(id: $id) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n": typeof types.TestDocument,
    "\n  mutation CreateTest($input: CreateTestInput!) {\n    createTest(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateTestDocument,
    "\n  mutation UpdateTest($id: ID!, $input: UpdateTestInput!) {\n    updateTest(id: $id, input: $input) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n    }\n  }\n": typeof types.UpdateTestDocument,
    "\n  mutation DeleteTest($id: ID!) {\n    deleteTest(id: $id)\n  }\n": typeof types.DeleteTestDocument,
    "\n  query Tests($projectId: ID!, $filter: TestFilter) {\n    tests(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n        priority\n        updatedAt\n        lastRun {\n          id\n          status\n          createdAt\n          completedAt\n        }\n        tags {\n          id\n          name\n          color\n        }\n      }\n    }\n  }\n": typeof types.TestsDocument,
};
const documents: Documents = {
    "\n  query PaletteSearch($projectId: ID!, $query: String!) {\n    search(projectId: $projectId, query: $query, first: 5) {\n      kind\n      id\n      title\n      detail\n    }\n  }\n": types.PaletteSearchDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Inbox {\n    notifications(first: 15) {\n      nodes {\n        id\n        kind\n        content\n        read\n        createdAt\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n": types.InboxDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($id: ID) {\n    markNotificationsRead(id: $id)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query OrganizationBillingMode($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      plan {\n        id\n        limits {\n          tier\n        }\n      }\n    }\n  }\n": types.OrganizationBillingModeDocument,
    "\n  query OrganizationQuotas($id: ID!) {\n    organization(id: $id) {\n      id\n      quotas {\n        limit\n        used\n        max\n      }\n    }\n  }\n": types.OrganizationQuotasDocument,
    "\n  query RunnerStatus {\n    runnerStatus {\n      checked\n      problems\n    }\n  }\n": types.RunnerStatusDocument,
    "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      role\n      twoFactorEnabled\n    }\n  }\n": types.MeDocument,
    "\n  query Workspace {\n    currentSession {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n    organizations(first: 200) {\n      nodes {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          isDefault\n          status\n        }\n      }\n    }\n  }\n": types.WorkspaceDocument,
    "\n  mutation SetActive($input: SetActiveInput!) {\n    setActive(input: $input) {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n  }\n": types.SetActiveDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      slug\n      description\n      isDefault\n      status\n      viewerLevel\n      organizationId\n      organization {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n": types.ProjectDocument,
    "\n  query Impersonation {\n    currentSession {\n      id\n      impersonatedBy\n    }\n  }\n": types.ImpersonationDocument,
    "\n  mutation StopImpersonating {\n    stopImpersonating\n  }\n": types.StopImpersonatingDocument,
    "\n  mutation ResendEmailVerification {\n    requestEmailVerification\n  }\n": types.ResendEmailVerificationDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      start\n      permission\n      projectId\n      jobId\n      enabled\n      expiresAt\n      lastRequest\n      requestCount\n      rateLimitMax\n      rateLimitWindowSeconds\n      createdAt\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n": types.UpdateApiKeyDocument,
    "\n  mutation DeleteApiKey($id: ID!) {\n    deleteApiKey(id: $id)\n  }\n": types.DeleteApiKeyDocument,
    "\n  query LinkedAccounts {\n    me {\n      id\n      linkedAccounts {\n        provider\n        providerName\n        createdAt\n      }\n    }\n  }\n": types.LinkedAccountsDocument,
    "\n  mutation UnlinkAccount($provider: String!) {\n    unlinkAccount(provider: $provider)\n  }\n": types.UnlinkAccountDocument,
    "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n": types.UpdateProfileDocument,
    "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n": types.RequestEmailVerificationDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation EnrollTotp($password: String!) {\n    enrollTotp(password: $password) {\n      secret\n      uri\n    }\n  }\n": types.EnrollTotpDocument,
    "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) {\n      id\n      twoFactorEnabled\n    }\n  }\n": types.ConfirmTotpDocument,
    "\n  mutation DisableTotp($password: String!) {\n    disableTotp(password: $password) {\n      id\n      twoFactorEnabled\n    }\n  }\n": types.DisableTotpDocument,
    "\n  query Sessions {\n    sessions {\n      id\n      createdAt\n      expiresAt\n      ipAddress\n      userAgent\n      current\n    }\n  }\n": types.SessionsDocument,
    "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n": types.RevokeSessionDocument,
    "\n  query AdminPlans {\n    plans(includeInactive: true) {\n      ...AdminPlan\n    }\n  }\n  fragment AdminPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    maxTimeoutDuration\n    limits {\n      tier\n    }\n  }\n": types.AdminPlansDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      ...AdminPlan\n    }\n  }\n": types.CreatePlanDocument,
    "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...AdminPlan\n    }\n  }\n": types.UpdatePlanDocument,
    "\n  mutation SetOrganizationPlan($organizationId: ID!, $planId: ID!) {\n    setOrganizationPlan(organizationId: $organizationId, planId: $planId) {\n      id\n      name\n      plan {\n        id\n        name\n      }\n    }\n  }\n": types.SetOrganizationPlanDocument,
    "\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminUser\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    name\n    email\n    emailVerified\n    role\n    banned\n    banReason\n    banExpires\n    twoFactorEnabled\n    createdAt\n  }\n": types.AdminUsersDocument,
    "\n  mutation BanUser($input: BanUserInput!) {\n    banUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": types.BanUserDocument,
    "\n  mutation UnbanUser($userId: ID!) {\n    unbanUser(userId: $userId) {\n      ...AdminUser\n    }\n  }\n": types.UnbanUserDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: UserRole!) {\n    setUserRole(userId: $userId, role: $role) {\n      ...AdminUser\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  mutation ImpersonateUser($userId: ID!) {\n    impersonateUser(userId: $userId) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": types.ImpersonateUserDocument,
    "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query SsoProviders {\n    ssoProviders {\n      id\n      name\n    }\n  }\n": types.SsoProvidersDocument,
    "\n  query Callback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      triggerUrl\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      actions {\n        ...ActionRow\n      }\n    }\n  }\n  fragment ActionRow on Action {\n    id\n    type\n    config\n    enabled\n    order\n    parallel\n  }\n": types.CallbackDocument,
    "\n  query CallbackLogs($callbackId: ID!) {\n    callbackLogs(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        ...CallbackLogRow\n      }\n    }\n  }\n  fragment CallbackLogRow on CallbackLog {\n    id\n    event\n    success\n    statusCode\n    responseTime\n    request\n    response\n    details\n    replayOf\n    createdAt\n  }\n": types.CallbackLogsDocument,
    "\n  subscription CallbackLogAdded($callbackId: ID!) {\n    callbackLogAdded(callbackId: $callbackId) {\n      ...CallbackLogRow\n    }\n  }\n": types.CallbackLogAddedDocument,
    "\n  query ActionExecutions($callbackId: ID!) {\n    actionExecutions(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        actionId\n        callbackLogId\n        status\n        attempt\n        step\n        error\n        durationMs\n        nextAttemptAt\n        createdAt\n      }\n    }\n  }\n": types.ActionExecutionsDocument,
    "\n  query CallbackStats($id: ID!) {\n    callback(id: $id) {\n      id\n      stats(hours: 24) {\n        total\n        successful\n        failed\n        successRate\n        avgResponseTimeMs\n        p95ResponseTimeMs\n      }\n    }\n  }\n": types.CallbackStatsDocument,
    "\n  query StoredPayloads($projectId: ID!, $callbackId: ID!) {\n    storedPayloads(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        key\n        payload\n        callbackLogId\n        createdAt\n      }\n    }\n  }\n": types.StoredPayloadsDocument,
    "\n  query QueuedMessages($projectId: ID!, $callbackId: ID!) {\n    queueMessages(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        queue\n        payload\n        status\n        deliveries\n        leaseUntil\n        createdAt\n      }\n    }\n  }\n": types.QueuedMessagesDocument,
    "\n  query CredentialChoices($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n        provider\n      }\n    }\n  }\n": types.CredentialChoicesDocument,
    "\n  mutation ReplayCallbackLog($id: ID!) {\n    replayCallbackLog(id: $id) {\n      id\n    }\n  }\n": types.ReplayCallbackLogDocument,
    "\n  mutation RotateTriggerToken($id: ID!) {\n    rotateTriggerToken(id: $id) {\n      id\n      triggerUrl\n      triggerToken\n    }\n  }\n": types.RotateTriggerTokenDocument,
    "\n  mutation DeleteCallback($id: ID!) {\n    deleteCallback(id: $id)\n  }\n": types.DeleteCallbackDocument,
    "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n": types.CreateActionDocument,
    "\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n": types.UpdateActionDocument,
    "\n  mutation DeleteAction($id: ID!) {\n    deleteAction(id: $id)\n  }\n": types.DeleteActionDocument,
    "\n  query EditCallback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n        header\n        encoding\n        prefix\n      }\n    }\n  }\n": types.EditCallbackDocument,
    "\n  mutation CreateCallback($input: CreateCallbackInput!) {\n    createCallback(input: $input) {\n      id\n    }\n  }\n": types.CreateCallbackDocument,
    "\n  mutation UpdateCallback($id: ID!, $input: UpdateCallbackInput!) {\n    updateCallback(id: $id, input: $input) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n      }\n    }\n  }\n": types.UpdateCallbackDocument,
    "\n  query Callbacks($projectId: ID!) {\n    callbacks(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        callbackUrl\n        activeStatus\n        triggerUrl\n        customPath\n        stats(hours: 24) {\n          total\n          successRate\n          avgResponseTimeMs\n        }\n      }\n    }\n  }\n": types.CallbacksDocument,
    "\n  query NodeProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Monitor {\n        projectId\n      }\n      ... on Callback {\n        projectId\n      }\n      ... on Job {\n        projectId\n      }\n      ... on Test {\n        projectId\n      }\n      ... on Run {\n        projectId\n      }\n      ... on StatusPage {\n        projectId\n      }\n    }\n  }\n": types.NodeProjectDocument,
    "\n  query Job($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      nextRunAt\n      schedulePaused\n      lastRunAt\n      status\n      timeoutSeconds\n      triggerUrl\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n      }\n      notificationProviderIds\n      tests {\n        id\n        title\n        type\n      }\n      runs(first: 50) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n": types.JobDocument,
    "\n  mutation PauseJobSchedule($id: ID!) {\n    pauseJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n": types.PauseJobScheduleDocument,
    "\n  mutation ResumeJobSchedule($id: ID!) {\n    resumeJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n": types.ResumeJobScheduleDocument,
    "\n  mutation DeleteJob($id: ID!) {\n    deleteJob(id: $id)\n  }\n": types.DeleteJobDocument,
    "\n  mutation CreateJobKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateJobKeyDocument,
    "\n  query EditJob($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      timeoutSeconds\n      tests {\n        id\n      }\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n        customMessage\n      }\n      notificationProviderIds\n    }\n  }\n": types.EditJobDocument,
    "\n  query PickTests($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n      }\n    }\n  }\n": types.PickTestsDocument,
    "\n  query CronPreview($expression: String!) {\n    cronPreview(expression: $expression, count: 3)\n  }\n": types.CronPreviewDocument,
    "\n  mutation CreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      id\n    }\n  }\n": types.CreateJobDocument,
    "\n  mutation UpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      id\n      name\n      cronSchedule\n      nextRunAt\n      timeoutSeconds\n      tests {\n        id\n        title\n      }\n    }\n  }\n": types.UpdateJobDocument,
    "\n  query Jobs($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        jobType\n        status\n        cronSchedule\n        nextRunAt\n        schedulePaused\n        lastRunAt\n        tests {\n          id\n        }\n      }\n    }\n  }\n": types.JobsDocument,
    "\n  query Monitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      status\n      enabled\n      muted\n      mutedUntil\n      frequencyMinutes\n      lastCheckAt\n      nextCheckAt\n      lastStatusChangeAt\n      heartbeatUrl\n      locations\n      uptimes {\n        day\n        week\n        month\n        quarter\n      }\n      dailyUptime(days: 90) {\n        date\n        checks\n        failed\n        uptime\n      }\n      locationStatuses {\n        location\n        status\n        lastCheckedAt\n      }\n      downtimes(days: 30) {\n        start\n        end\n        durationSeconds\n        cause\n        errorClass\n        location\n      }\n      alerts(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n  fragment MonitorAlertRow on MonitorAlert {\n    id\n    type\n    channel\n    providerName\n    status\n    sentAt\n    attempts\n    nextAttemptAt\n    error\n  }\n": types.MonitorDocument,
    "\n  query MonitorOlderAlerts($id: ID!, $after: String!) {\n    monitor(id: $id) {\n      id\n      alerts(first: 50, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n": types.MonitorOlderAlertsDocument,
    "\n  query MonitorResults($monitorId: ID!) {\n    monitorResults(monitorId: $monitorId, first: 50) {\n      totalCount\n      nodes {\n        ...MonitorResultRow\n      }\n    }\n  }\n  fragment MonitorResultRow on MonitorResult {\n    id\n    checkedAt\n    location\n    status\n    responseTimeMs\n    isUp\n    details\n  }\n": types.MonitorResultsDocument,
    "\n  query ResponseTimes($id: ID!, $range: SeriesRange!) {\n    monitor(id: $id) {\n      id\n      responseTimes(range: $range) {\n        start\n        checks\n        failed\n        avgMs\n        p95Ms\n      }\n    }\n  }\n": types.ResponseTimesDocument,
    "\n  subscription MonitorResultAdded($monitorId: ID!) {\n    monitorResultAdded(monitorId: $monitorId) {\n      ...MonitorResultRow\n    }\n  }\n": types.MonitorResultAddedDocument,
    "\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      id\n      nextCheckAt\n    }\n  }\n": types.CheckMonitorNowDocument,
    "\n  mutation MuteMonitor($id: ID!, $until: DateTime!) {\n    muteMonitor(id: $id, until: $until) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n": types.MuteMonitorDocument,
    "\n  mutation UnmuteMonitor($id: ID!) {\n    unmuteMonitor(id: $id) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n": types.UnmuteMonitorDocument,
    "\n  mutation SetMonitorEnabled($id: ID!, $enabled: Boolean!) {\n    updateMonitor(id: $id, input: { enabled: $enabled }) {\n      id\n      enabled\n      status\n    }\n  }\n": types.SetMonitorEnabledDocument,
    "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n": types.DeleteMonitorDocument,
    "\n  mutation RotateHeartbeatUrl($id: ID!) {\n    rotateHeartbeatUrl(id: $id) {\n      id\n      heartbeatUrl\n    }\n  }\n": types.RotateHeartbeatUrlDocument,
    "\n  query EditMonitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      frequencyMinutes\n      enabled\n      config\n      downIntervalSeconds\n      parentIds\n      notificationProviderIds\n      tags {\n        id\n      }\n      locations\n      aggregation\n      alert {\n        enabled\n        failureThreshold\n        recoveryThreshold\n        alertOnFailure\n        alertOnRecovery\n        alertOnSslExpiration\n        alertOnTimeout\n        customMessage\n      }\n    }\n  }\n": types.EditMonitorDocument,
    "\n  query SyntheticTestChoices($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n        runner\n      }\n    }\n  }\n": types.SyntheticTestChoicesDocument,
    "\n  query MonitorChoices($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.MonitorChoicesDocument,
    "\n  mutation CreateMonitor($input: CreateMonitorInput!) {\n    createMonitor(input: $input) {\n      id\n    }\n  }\n": types.CreateMonitorDocument,
    "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      id\n      name\n      target\n      status\n      config\n    }\n  }\n": types.UpdateMonitorDocument,
    "\n  query Monitors($projectId: ID!, $filter: MonitorFilter) {\n    monitors(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        name\n        type\n        target\n        status\n        enabled\n        muted\n        lastCheckAt\n        tags {\n          id\n          name\n          color\n        }\n        latestResult {\n          id\n          checkedAt\n          responseTimeMs\n        }\n        uptimes {\n          day\n        }\n      }\n    }\n  }\n": types.MonitorsDocument,
    "\n  subscription MonitorStatusChanged($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n      lastCheckAt\n      lastStatusChangeAt\n    }\n  }\n": types.MonitorStatusChangedDocument,
    "\n  subscription ProjectMonitorResultAdded($projectId: ID!) {\n    monitorResultAdded(projectId: $projectId) {\n      id\n      monitorId\n      checkedAt\n      responseTimeMs\n      status\n    }\n  }\n": types.ProjectMonitorResultAddedDocument,
    "\n  query Invitation($id: ID!) {\n    invitation(id: $id) {\n      id\n      email\n      role\n      status\n      expiresAt\n      organizationId\n      organizationName\n      inviter {\n        id\n        name\n      }\n    }\n  }\n": types.InvitationDocument,
    "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n      organizationId\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.DeclineInvitationDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      projects {\n        id\n        isDefault\n      }\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query MyInvitations {\n    myInvitations {\n      id\n      organizationName\n      role\n    }\n  }\n": types.MyInvitationsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateProjectDocument,
    "\n  query Members($organizationId: ID!) {\n    members(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        id\n        role\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  mutation UpdateMemberRole($memberId: ID!, $role: OrgRole!) {\n    updateMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n": types.RemoveMemberDocument,
    "\n  query Invitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId, first: 100) {\n      totalCount\n      nodes {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n        projectIds\n        inviter {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  query AuditLogs($organizationId: ID!, $after: String, $filter: AuditLogFilter) {\n    auditLogs(organizationId: $organizationId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AuditEntry\n      }\n    }\n  }\n  fragment AuditEntry on AuditLog {\n    id\n    action\n    details\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n": types.AuditLogsDocument,
    "\n  subscription AuditLogAdded($organizationId: ID!) {\n    auditLogAdded(organizationId: $organizationId) {\n      ...AuditEntry\n    }\n  }\n": types.AuditLogAddedDocument,
    "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      id\n      name\n      slug\n    }\n  }\n": types.UpdateOrganizationDocument,
    "\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n": types.DeleteOrganizationDocument,
    "\n  query OrganizationSso($organizationId: ID!) {\n    organizationSso(organizationId: $organizationId) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n    ssoProviders {\n      id\n      name\n    }\n  }\n": types.OrganizationSsoDocument,
    "\n  mutation UpdateOrganizationSso($organizationId: ID!, $input: UpdateOrganizationSsoInput!) {\n    updateOrganizationSso(organizationId: $organizationId, input: $input) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n  }\n": types.UpdateOrganizationSsoDocument,
    "\n  query BillingOverview($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      plan {\n        ...BillingPlan\n      }\n      subscription {\n        status\n        provider\n        currentPeriodStart\n        currentPeriodEnd\n        cancelAtPeriodEnd\n        pastDueSince\n        graceEndsAt\n      }\n    }\n    plans {\n      ...BillingPlan\n    }\n  }\n  fragment BillingPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    limits {\n      tier\n      maxMonitors\n      minCheckIntervalMinutes\n      playwrightMinutesIncluded\n      k6VuMinutesIncluded\n      aiCreditsIncluded\n      runningCapacity\n      maxTeamMembers\n      maxProjects\n      maxStatusPages\n      customDomains\n      ssoEnabled\n      dataRetentionDays\n    }\n  }\n": types.BillingOverviewDocument,
    "\n  mutation CreateCheckoutSession($organizationId: ID!, $planId: ID!) {\n    createCheckoutSession(organizationId: $organizationId, planId: $planId)\n  }\n": types.CreateCheckoutSessionDocument,
    "\n  mutation CreatePolarCheckout($organizationId: ID!, $planId: ID!) {\n    createPolarCheckout(organizationId: $organizationId, planId: $planId)\n  }\n": types.CreatePolarCheckoutDocument,
    "\n  mutation CreateBillingPortalSession($organizationId: ID!) {\n    createBillingPortalSession(organizationId: $organizationId)\n  }\n": types.CreateBillingPortalSessionDocument,
    "\n  mutation CreatePolarPortalSession($organizationId: ID!) {\n    createPolarPortalSession(organizationId: $organizationId)\n  }\n": types.CreatePolarPortalSessionDocument,
    "\n  query OrganizationUsage($id: ID!) {\n    organization(id: $id) {\n      id\n      usage {\n        periodStart\n        periodEnd\n        overageCents\n        spendingLimitCents\n        hardStopped\n        hardStopReason\n        meters {\n          meter\n          used\n          included\n          unit\n          overageUnits\n          overageCents\n        }\n      }\n    }\n  }\n": types.OrganizationUsageDocument,
    "\n  query OrganizationBillingSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      billingSettings {\n        ...BillingSettingsFields\n      }\n    }\n  }\n  fragment BillingSettingsFields on BillingSettings {\n    enableSpendingLimit\n    monthlySpendingLimitCents\n    hardStopOnLimit\n    notifyAt50Percent\n    notifyAt80Percent\n    notifyAt90Percent\n    notifyAt100Percent\n    notificationEmails\n  }\n": types.OrganizationBillingSettingsDocument,
    "\n  mutation UpdateBillingSettings($organizationId: ID!, $input: UpdateBillingSettingsInput!) {\n    updateBillingSettings(organizationId: $organizationId, input: $input) {\n      ...BillingSettingsFields\n    }\n  }\n": types.UpdateBillingSettingsDocument,
    "\n  query ProjectOverview($projectId: ID!) {\n    projectOverview(projectId: $projectId) {\n      monitorCounts {\n        status\n        count\n      }\n      failingMonitors {\n        id\n        name\n        target\n        status\n        lastStatusChangeAt\n      }\n      openIncidents {\n        id\n        statusPageId\n        title\n        status\n        impact\n        createdAt\n      }\n      failingJobs {\n        id\n        name\n        status\n        lastRunAt\n      }\n      recentRuns {\n        id\n        status\n        trigger\n        createdAt\n        durationMs\n        testId\n        job {\n          id\n          name\n        }\n      }\n      testCount\n      jobCount\n      callbackCount\n      statusPageCount\n      triggers {\n        windowHours\n        total\n        failed\n        errorRate\n      }\n    }\n  }\n": types.ProjectOverviewDocument,
    "\n  subscription OverviewMonitorStatus($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n    }\n  }\n": types.OverviewMonitorStatusDocument,
    "\n  subscription OverviewRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      id\n      status\n    }\n  }\n": types.OverviewRunUpdatedDocument,
    "\n  subscription OverviewCallbackLogAdded($projectId: ID!) {\n    callbackLogAdded(projectId: $projectId) {\n      id\n      success\n    }\n  }\n": types.OverviewCallbackLogAddedDocument,
    "\n  query Runs($projectId: ID!, $filter: RunFilter, $after: String) {\n    runs(projectId: $projectId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n": types.RunsDocument,
    "\n  query JobNames($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.JobNamesDocument,
    "\n  fragment RunRow on Run {\n    id\n    jobId\n    testId\n    status\n    trigger\n    createdAt\n    startedAt\n    completedAt\n    durationMs\n    duration\n    cancelRequested\n    job {\n      id\n      name\n      jobType\n    }\n  }\n": types.RunRowFragmentDoc,
    "\n  fragment RunDetail on Run {\n    ...RunRow\n    location\n    logs\n    logLines\n    errorDetails\n    exitCode\n    attempt\n    reportUrl\n    logsUrl\n    videoUrl\n    artifacts {\n      kind\n      path\n      url\n    }\n    k6Results {\n      id\n      testId\n      status\n      durationMs\n      thresholdsPassed\n      totalRequests\n      failedRequests\n      requestRate\n      avgResponseTimeMs\n      p95ResponseTimeMs\n      p99ResponseTimeMs\n      errorDetails\n      reportUrl\n      consoleUrl\n      summaryUrl\n    }\n  }\n": types.RunDetailFragmentDoc,
    "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetail\n      job {\n        id\n        name\n        jobType\n        tests {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.RunDocument,
    "\n  subscription RunUpdated($runId: ID!) {\n    runUpdated(runId: $runId) {\n      ...RunDetail\n    }\n  }\n": types.RunUpdatedDocument,
    "\n  subscription ProjectRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      ...RunRow\n    }\n  }\n": types.ProjectRunUpdatedDocument,
    "\n  subscription RunLog($runId: ID!) {\n    runLog(runId: $runId) {\n      runId\n      number\n      line\n    }\n  }\n": types.RunLogDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n": types.CancelRunDocument,
    "\n  mutation TriggerJob($id: ID!) {\n    triggerJob(id: $id) {\n      ...RunRow\n    }\n  }\n": types.TriggerJobDocument,
    "\n  mutation RunTest($id: ID!, $script: String) {\n    runTest(id: $id, script: $script) {\n      ...RunRow\n    }\n  }\n": types.RunTestDocument,
    "\n  query TestTitles($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": types.TestTitlesDocument,
    "\n  query ServiceCredentials($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        provider\n        meta\n        updatedAt\n      }\n    }\n  }\n": types.ServiceCredentialsDocument,
    "\n  mutation CreateServiceCredential($input: CreateServiceCredentialInput!) {\n    createServiceCredential(input: $input) {\n      id\n    }\n  }\n": types.CreateServiceCredentialDocument,
    "\n  mutation DeleteServiceCredential($id: ID!) {\n    deleteServiceCredential(id: $id)\n  }\n": types.DeleteServiceCredentialDocument,
    "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {\n    updateProject(id: $id, input: $input) {\n      id\n      name\n      slug\n      description\n      status\n    }\n  }\n": types.UpdateProjectDocument,
    "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id)\n  }\n": types.DeleteProjectDocument,
    "\n  fragment ProviderFields on NotificationProvider {\n    id\n    name\n    type\n    isEnabled\n    config\n    projectId\n    organizationId\n  }\n": types.ProviderFieldsFragmentDoc,
    "\n  query NotificationProviders($projectId: ID!) {\n    notificationProviders(projectId: $projectId, includeOrganizationWide: true, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n": types.NotificationProvidersDocument,
    "\n  query OrganizationNotificationProviders($organizationId: ID!) {\n    organizationNotificationProviders(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n": types.OrganizationNotificationProvidersDocument,
    "\n  mutation CreateNotificationProvider($input: CreateNotificationProviderInput!) {\n    createNotificationProvider(input: $input) {\n      id\n      name\n      generatedSecret\n    }\n  }\n": types.CreateNotificationProviderDocument,
    "\n  mutation UpdateNotificationProvider($id: ID!, $input: UpdateNotificationProviderInput!) {\n    updateNotificationProvider(id: $id, input: $input) {\n      id\n      name\n      isEnabled\n      generatedSecret\n    }\n  }\n": types.UpdateNotificationProviderDocument,
    "\n  mutation DeleteNotificationProvider($id: ID!) {\n    deleteNotificationProvider(id: $id)\n  }\n": types.DeleteNotificationProviderDocument,
    "\n  mutation TestNotificationProvider($id: ID!) {\n    testNotificationProvider(id: $id) {\n      success\n      attempts\n      error\n    }\n  }\n": types.TestNotificationProviderDocument,
    "\n  query ProjectMembers($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      members {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n    members(organizationId: $organizationId, first: 200) {\n      nodes {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.ProjectMembersDocument,
    "\n  mutation SetProjectMember($input: SetProjectMemberInput!) {\n    setProjectMember(input: $input) {\n      id\n      role\n    }\n  }\n": types.SetProjectMemberDocument,
    "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n": types.RemoveProjectMemberDocument,
    "\n  query Tags($projectId: ID!) {\n    tags(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        color\n      }\n    }\n  }\n": types.TagsDocument,
    "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      id\n    }\n  }\n": types.CreateTagDocument,
    "\n  mutation DeleteTag($id: ID!) {\n    deleteTag(id: $id)\n  }\n": types.DeleteTagDocument,
    "\n  query ProjectVariables($projectId: ID!) {\n    projectVariables(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        key\n        value\n        isSecret\n        description\n        updatedAt\n      }\n    }\n  }\n": types.ProjectVariablesDocument,
    "\n  mutation CreateProjectVariable($input: CreateProjectVariableInput!) {\n    createProjectVariable(input: $input) {\n      id\n    }\n  }\n": types.CreateProjectVariableDocument,
    "\n  mutation UpdateProjectVariable($id: ID!, $input: UpdateProjectVariableInput!) {\n    updateProjectVariable(id: $id, input: $input) {\n      id\n      value\n    }\n  }\n": types.UpdateProjectVariableDocument,
    "\n  mutation DeleteProjectVariable($id: ID!) {\n    deleteProjectVariable(id: $id)\n  }\n": types.DeleteProjectVariableDocument,
    "\n  query StatusPageSubscribers($statusPageId: ID!, $first: Int!, $after: String, $filter: StatusPageSubscriberFilter) {\n    statusPageSubscribers(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SubscriberFields\n      }\n    }\n  }\n  fragment SubscriberFields on StatusPageSubscriber {\n    id\n    mode\n    state\n    email\n    phoneNumber\n    phoneCountry\n    endpoint\n    componentIds\n    incidentIds\n    confirmedAt\n    quarantinedAt\n    purgeAt\n    failedDeliveries\n    createdAt\n  }\n": types.StatusPageSubscribersDocument,
    "\n  query StatusPageSubscribersCsv($statusPageId: ID!) {\n    statusPageSubscribersCsv(statusPageId: $statusPageId)\n  }\n": types.StatusPageSubscribersCsvDocument,
    "\n  query StatusPageMetrics($id: ID!, $days: Int!) {\n    statusPage(id: $id) {\n      id\n      metrics(days: $days) {\n        date\n        pageViews\n        subscribers\n        pendingSubscribers\n        quarantinedSubscribers\n      }\n    }\n  }\n": types.StatusPageMetricsDocument,
    "\n  mutation AddStatusPageSubscriber($input: AddStatusPageSubscriberInput!) {\n    addStatusPageSubscriber(input: $input) {\n      signingSecret\n      subscriber {\n        ...SubscriberFields\n      }\n    }\n  }\n": types.AddStatusPageSubscriberDocument,
    "\n  mutation RemoveStatusPageSubscriber($id: ID!) {\n    removeStatusPageSubscriber(id: $id)\n  }\n": types.RemoveStatusPageSubscriberDocument,
    "\n  mutation ClearStatusPageSubscriberQuarantine($id: ID!) {\n    clearStatusPageSubscriberQuarantine(id: $id) {\n      ...SubscriberFields\n    }\n  }\n": types.ClearStatusPageSubscriberQuarantineDocument,
    "\n  query StatusPageIncidents($statusPageId: ID!, $first: Int!, $after: String, $filter: IncidentFilter) {\n    incidents(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...IncidentSummary\n      }\n    }\n  }\n  fragment IncidentSummary on Incident {\n    id\n    kind\n    title\n    status\n    impact\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    resolvedAt\n    shortlink\n    createdAt\n    components {\n      componentId\n      newStatus\n    }\n    postmortem {\n      id\n      published\n    }\n  }\n": types.StatusPageIncidentsDocument,
    "\n  query StatusPageIncident($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetail\n    }\n  }\n  fragment IncidentDetail on Incident {\n    id\n    statusPageId\n    kind\n    title\n    status\n    impact\n    impactOverride\n    message\n    deliverNotifications\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    remindersSent\n    autoInProgress\n    autoCompleted\n    autoTransitionToMaintenanceState\n    autoTransitionToOperationalState\n    notifyAtStart\n    notifyAtEnd\n    monitoringAt\n    resolvedAt\n    shortlink\n    updates {\n      id\n      status\n      message\n      displayAt\n      deliverNotifications\n      createdAt\n    }\n    components {\n      componentId\n      oldStatus\n      newStatus\n      createdAt\n    }\n    postmortem {\n      ...PostmortemFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment PostmortemFields on Postmortem {\n    id\n    incidentId\n    body\n    bodyLastUpdatedAt\n    published\n    publishedAt\n    notifiedSubscribers\n    updatedAt\n  }\n": types.StatusPageIncidentDocument,
    "\n  query IncidentTemplates($statusPageId: ID!) {\n    incidentTemplates(statusPageId: $statusPageId, first: 200) {\n      totalCount\n      nodes {\n        ...IncidentTemplateFields\n      }\n    }\n  }\n  fragment IncidentTemplateFields on IncidentTemplate {\n    id\n    name\n    title\n    body\n    status\n    shouldSendNotifications\n    componentIds\n  }\n": types.IncidentTemplatesDocument,
    "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n    }\n  }\n": types.CreateIncidentDocument,
    "\n  mutation AddIncidentUpdate($input: AddIncidentUpdateInput!) {\n    addIncidentUpdate(input: $input) {\n      id\n    }\n  }\n": types.AddIncidentUpdateDocument,
    "\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n": types.UpdateIncidentDocument,
    "\n  mutation ResolveIncident($id: ID!, $message: String) {\n    resolveIncident(id: $id, message: $message) {\n      ...IncidentDetail\n    }\n  }\n": types.ResolveIncidentDocument,
    "\n  mutation DeleteIncident($id: ID!) {\n    deleteIncident(id: $id)\n  }\n": types.DeleteIncidentDocument,
    "\n  mutation CreateMaintenance($input: CreateMaintenanceInput!) {\n    createMaintenance(input: $input) {\n      id\n    }\n  }\n": types.CreateMaintenanceDocument,
    "\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n": types.UpdateMaintenanceDocument,
    "\n  mutation SavePostmortem($incidentId: ID!, $body: String!) {\n    savePostmortem(incidentId: $incidentId, body: $body) {\n      ...PostmortemFields\n    }\n  }\n": types.SavePostmortemDocument,
    "\n  mutation PublishPostmortem($incidentId: ID!, $notifySubscribers: Boolean!) {\n    publishPostmortem(incidentId: $incidentId, notifySubscribers: $notifySubscribers) {\n      ...PostmortemFields\n    }\n  }\n": types.PublishPostmortemDocument,
    "\n  mutation UnpublishPostmortem($incidentId: ID!) {\n    unpublishPostmortem(incidentId: $incidentId) {\n      ...PostmortemFields\n    }\n  }\n": types.UnpublishPostmortemDocument,
    "\n  mutation CreateIncidentTemplate($input: CreateIncidentTemplateInput!) {\n    createIncidentTemplate(input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n": types.CreateIncidentTemplateDocument,
    "\n  mutation UpdateIncidentTemplate($id: ID!, $input: UpdateIncidentTemplateInput!) {\n    updateIncidentTemplate(id: $id, input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n": types.UpdateIncidentTemplateDocument,
    "\n  mutation DeleteIncidentTemplate($id: ID!) {\n    deleteIncidentTemplate(id: $id)\n  }\n": types.DeleteIncidentTemplateDocument,
    "\n  query StatusPages($projectId: ID!) {\n    statusPages(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        subdomain\n        url\n        published\n        customDomain\n        customDomainVerified\n        components {\n          id\n          status\n        }\n      }\n    }\n  }\n": types.StatusPagesDocument,
    "\n  query StatusPage($id: ID!) {\n    statusPage(id: $id) {\n      ...StatusPageFields\n    }\n  }\n  fragment StatusPageFields on StatusPage {\n    id\n    projectId\n    name\n    subdomain\n    url\n    published\n    headline\n    description\n    supportUrl\n    timezone\n    theme\n    hiddenFromSearch\n    allowPageSubscribers\n    allowIncidentSubscribers\n    allowEmailSubscribers\n    allowSmsSubscribers\n    allowWebhookSubscribers\n    notificationsFromEmail\n    notificationsEmailFooter\n    cssBodyBackgroundColor\n    cssFontColor\n    cssLightFontColor\n    cssGreens\n    cssYellows\n    cssOranges\n    cssBlues\n    cssReds\n    cssBorderColor\n    cssGraphColor\n    cssLinkColor\n    cssNoData\n    faviconUrl\n    logoUrl\n    heroCoverUrl\n    emailLogoUrl\n    twitterLogoUrl\n    customDomain\n    customDomainVerified\n    customDomainVerification {\n      recordName\n      recordValue\n    }\n    components {\n      ...StatusPageComponentFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment StatusPageComponentFields on StatusPageComponent {\n    id\n    statusPageId\n    name\n    description\n    status\n    groupName\n    position\n    showcase\n    onlyShowIfDegraded\n    aggregationMethod\n    failureThreshold\n    startDate\n    monitors {\n      monitorId\n      weight\n    }\n  }\n": types.StatusPageDocument,
    "\n  subscription StatusPageUpdated($statusPageId: ID!) {\n    statusPageUpdated(statusPageId: $statusPageId) {\n      ...StatusPageFields\n    }\n  }\n": types.StatusPageUpdatedDocument,
    "\n  query StatusPageMonitorPicker($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n": types.StatusPageMonitorPickerDocument,
    "\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      id\n      subdomain\n      url\n      published\n    }\n  }\n": types.CreateStatusPageDocument,
    "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n": types.UpdateStatusPageDocument,
    "\n  mutation SetStatusPageImage($id: ID!, $kind: StatusPageImageKind!, $contentType: String, $dataBase64: String) {\n    setStatusPageImage(id: $id, kind: $kind, contentType: $contentType, dataBase64: $dataBase64) {\n      ...StatusPageFields\n    }\n  }\n": types.SetStatusPageImageDocument,
    "\n  mutation SetStatusPageCustomDomain($id: ID!, $domain: String) {\n    setStatusPageCustomDomain(id: $id, domain: $domain) {\n      ...StatusPageFields\n    }\n  }\n": types.SetStatusPageCustomDomainDocument,
    "\n  mutation VerifyStatusPageCustomDomain($id: ID!) {\n    verifyStatusPageCustomDomain(id: $id) {\n      ...StatusPageFields\n    }\n  }\n": types.VerifyStatusPageCustomDomainDocument,
    "\n  mutation PublishStatusPage($id: ID!) {\n    publishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n": types.PublishStatusPageDocument,
    "\n  mutation UnpublishStatusPage($id: ID!) {\n    unpublishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n": types.UnpublishStatusPageDocument,
    "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n": types.DeleteStatusPageDocument,
    "\n  mutation CreateStatusPageComponent($input: CreateStatusPageComponentInput!) {\n    createStatusPageComponent(input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n": types.CreateStatusPageComponentDocument,
    "\n  mutation UpdateStatusPageComponent($id: ID!, $input: UpdateStatusPageComponentInput!) {\n    updateStatusPageComponent(id: $id, input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n": types.UpdateStatusPageComponentDocument,
    "\n  mutation SetStatusPageComponentMonitors($componentId: ID!, $monitors: [ComponentMonitorInput!]!) {\n    setStatusPageComponentMonitors(componentId: $componentId, monitors: $monitors) {\n      ...StatusPageComponentFields\n    }\n  }\n": types.SetStatusPageComponentMonitorsDocument,
    "\n  mutation DeleteStatusPageComponent($id: ID!) {\n    deleteStatusPageComponent(id: $id)\n  }\n": types.DeleteStatusPageComponentDocument,
    "\n  mutation ReorderStatusPageComponents($statusPageId: ID!, $componentIds: [ID!]!) {\n    reorderStatusPageComponents(statusPageId: $statusPageId, componentIds: $componentIds) {\n      ...StatusPageFields\n    }\n  }\n": types.ReorderStatusPageComponentsDocument,
    "\n  query Test($id: ID!) {\n    test(id: $id) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n": types.TestDocument,
    "\n  mutation CreateTest($input: CreateTestInput!) {\n    createTest(input: $input) {\n      id\n    }\n  }\n": types.CreateTestDocument,
    "\n  mutation UpdateTest($id: ID!, $input: UpdateTestInput!) {\n    updateTest(id: $id, input: $input) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n    }\n  }\n": types.UpdateTestDocument,
    "\n  mutation DeleteTest($id: ID!) {\n    deleteTest(id: $id)\n  }\n": types.DeleteTestDocument,
    "\n  query Tests($projectId: ID!, $filter: TestFilter) {\n    tests(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n        priority\n        updatedAt\n        lastRun {\n          id\n          status\n          createdAt\n          completedAt\n        }\n        tags {\n          id\n          name\n          color\n        }\n      }\n    }\n  }\n": types.TestsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PaletteSearch($projectId: ID!, $query: String!) {\n    search(projectId: $projectId, query: $query, first: 5) {\n      kind\n      id\n      title\n      detail\n    }\n  }\n"): (typeof documents)["\n  query PaletteSearch($projectId: ID!, $query: String!) {\n    search(projectId: $projectId, query: $query, first: 5) {\n      kind\n      id\n      title\n      detail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox {\n    notifications(first: 15) {\n      nodes {\n        id\n        kind\n        content\n        read\n        createdAt\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Inbox {\n    notifications(first: 15) {\n      nodes {\n        id\n        kind\n        content\n        read\n        createdAt\n      }\n    }\n    unread: notifications(first: 1, unreadOnly: true) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($id: ID) {\n    markNotificationsRead(id: $id)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($id: ID) {\n    markNotificationsRead(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationBillingMode($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      plan {\n        id\n        limits {\n          tier\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationBillingMode($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      plan {\n        id\n        limits {\n          tier\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationQuotas($id: ID!) {\n    organization(id: $id) {\n      id\n      quotas {\n        limit\n        used\n        max\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationQuotas($id: ID!) {\n    organization(id: $id) {\n      id\n      quotas {\n        limit\n        used\n        max\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunnerStatus {\n    runnerStatus {\n      checked\n      problems\n    }\n  }\n"): (typeof documents)["\n  query RunnerStatus {\n    runnerStatus {\n      checked\n      problems\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      role\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      email\n      emailVerified\n      role\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspace {\n    currentSession {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n    organizations(first: 200) {\n      nodes {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          isDefault\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Workspace {\n    currentSession {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n    organizations(first: 200) {\n      nodes {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          isDefault\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetActive($input: SetActiveInput!) {\n    setActive(input: $input) {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n  }\n"): (typeof documents)["\n  mutation SetActive($input: SetActiveInput!) {\n    setActive(input: $input) {\n      id\n      activeOrganizationId\n      activeProjectId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      slug\n      description\n      isDefault\n      status\n      viewerLevel\n      organizationId\n      organization {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"): (typeof documents)["\n  query Project($id: ID!) {\n    project(id: $id) {\n      id\n      name\n      slug\n      description\n      isDefault\n      status\n      viewerLevel\n      organizationId\n      organization {\n        id\n        name\n        viewerRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Impersonation {\n    currentSession {\n      id\n      impersonatedBy\n    }\n  }\n"): (typeof documents)["\n  query Impersonation {\n    currentSession {\n      id\n      impersonatedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopImpersonating {\n    stopImpersonating\n  }\n"): (typeof documents)["\n  mutation StopImpersonating {\n    stopImpersonating\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendEmailVerification {\n    requestEmailVerification\n  }\n"): (typeof documents)["\n  mutation ResendEmailVerification {\n    requestEmailVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      start\n      permission\n      projectId\n      jobId\n      enabled\n      expiresAt\n      lastRequest\n      requestCount\n      rateLimitMax\n      rateLimitWindowSeconds\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      start\n      permission\n      projectId\n      jobId\n      enabled\n      expiresAt\n      lastRequest\n      requestCount\n      rateLimitMax\n      rateLimitWindowSeconds\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {\n    updateApiKey(id: $id, input: $input) {\n      id\n      enabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApiKey($id: ID!) {\n    deleteApiKey(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteApiKey($id: ID!) {\n    deleteApiKey(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LinkedAccounts {\n    me {\n      id\n      linkedAccounts {\n        provider\n        providerName\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query LinkedAccounts {\n    me {\n      id\n      linkedAccounts {\n        provider\n        providerName\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlinkAccount($provider: String!) {\n    unlinkAccount(provider: $provider)\n  }\n"): (typeof documents)["\n  mutation UnlinkAccount($provider: String!) {\n    unlinkAccount(provider: $provider)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProfile($input: UpdateProfileInput!) {\n    updateProfile(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n"): (typeof documents)["\n  mutation RequestEmailVerification {\n    requestEmailVerification\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnrollTotp($password: String!) {\n    enrollTotp(password: $password) {\n      secret\n      uri\n    }\n  }\n"): (typeof documents)["\n  mutation EnrollTotp($password: String!) {\n    enrollTotp(password: $password) {\n      secret\n      uri\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) {\n      id\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmTotp($code: String!) {\n    confirmTotp(code: $code) {\n      id\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableTotp($password: String!) {\n    disableTotp(password: $password) {\n      id\n      twoFactorEnabled\n    }\n  }\n"): (typeof documents)["\n  mutation DisableTotp($password: String!) {\n    disableTotp(password: $password) {\n      id\n      twoFactorEnabled\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sessions {\n    sessions {\n      id\n      createdAt\n      expiresAt\n      ipAddress\n      userAgent\n      current\n    }\n  }\n"): (typeof documents)["\n  query Sessions {\n    sessions {\n      id\n      createdAt\n      expiresAt\n      ipAddress\n      userAgent\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPlans {\n    plans(includeInactive: true) {\n      ...AdminPlan\n    }\n  }\n  fragment AdminPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    maxTimeoutDuration\n    limits {\n      tier\n    }\n  }\n"): (typeof documents)["\n  query AdminPlans {\n    plans(includeInactive: true) {\n      ...AdminPlan\n    }\n  }\n  fragment AdminPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    maxTimeoutDuration\n    limits {\n      tier\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      ...AdminPlan\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      ...AdminPlan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...AdminPlan\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlan($id: ID!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, input: $input) {\n      ...AdminPlan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrganizationPlan($organizationId: ID!, $planId: ID!) {\n    setOrganizationPlan(organizationId: $organizationId, planId: $planId) {\n      id\n      name\n      plan {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetOrganizationPlan($organizationId: ID!, $planId: ID!) {\n    setOrganizationPlan(organizationId: $organizationId, planId: $planId) {\n      id\n      name\n      plan {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminUser\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    name\n    email\n    emailVerified\n    role\n    banned\n    banReason\n    banExpires\n    twoFactorEnabled\n    createdAt\n  }\n"): (typeof documents)["\n  query AdminUsers($filter: UserFilter, $after: String) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AdminUser\n      }\n    }\n  }\n  fragment AdminUser on User {\n    id\n    name\n    email\n    emailVerified\n    role\n    banned\n    banReason\n    banExpires\n    twoFactorEnabled\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BanUser($input: BanUserInput!) {\n    banUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation BanUser($input: BanUserInput!) {\n    banUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnbanUser($userId: ID!) {\n    unbanUser(userId: $userId) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation UnbanUser($userId: ID!) {\n    unbanUser(userId: $userId) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($userId: ID!, $role: UserRole!) {\n    setUserRole(userId: $userId, role: $role) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($userId: ID!, $role: UserRole!) {\n    setUserRole(userId: $userId, role: $role) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImpersonateUser($userId: ID!) {\n    impersonateUser(userId: $userId) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImpersonateUser($userId: ID!) {\n    impersonateUser(userId: $userId) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n        email\n        emailVerified\n        role\n        twoFactorEnabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoProviders {\n    ssoProviders {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query SsoProviders {\n    ssoProviders {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Callback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      triggerUrl\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      actions {\n        ...ActionRow\n      }\n    }\n  }\n  fragment ActionRow on Action {\n    id\n    type\n    config\n    enabled\n    order\n    parallel\n  }\n"): (typeof documents)["\n  query Callback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      triggerUrl\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      actions {\n        ...ActionRow\n      }\n    }\n  }\n  fragment ActionRow on Action {\n    id\n    type\n    config\n    enabled\n    order\n    parallel\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallbackLogs($callbackId: ID!) {\n    callbackLogs(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        ...CallbackLogRow\n      }\n    }\n  }\n  fragment CallbackLogRow on CallbackLog {\n    id\n    event\n    success\n    statusCode\n    responseTime\n    request\n    response\n    details\n    replayOf\n    createdAt\n  }\n"): (typeof documents)["\n  query CallbackLogs($callbackId: ID!) {\n    callbackLogs(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        ...CallbackLogRow\n      }\n    }\n  }\n  fragment CallbackLogRow on CallbackLog {\n    id\n    event\n    success\n    statusCode\n    responseTime\n    request\n    response\n    details\n    replayOf\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CallbackLogAdded($callbackId: ID!) {\n    callbackLogAdded(callbackId: $callbackId) {\n      ...CallbackLogRow\n    }\n  }\n"): (typeof documents)["\n  subscription CallbackLogAdded($callbackId: ID!) {\n    callbackLogAdded(callbackId: $callbackId) {\n      ...CallbackLogRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActionExecutions($callbackId: ID!) {\n    actionExecutions(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        actionId\n        callbackLogId\n        status\n        attempt\n        step\n        error\n        durationMs\n        nextAttemptAt\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActionExecutions($callbackId: ID!) {\n    actionExecutions(callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        actionId\n        callbackLogId\n        status\n        attempt\n        step\n        error\n        durationMs\n        nextAttemptAt\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallbackStats($id: ID!) {\n    callback(id: $id) {\n      id\n      stats(hours: 24) {\n        total\n        successful\n        failed\n        successRate\n        avgResponseTimeMs\n        p95ResponseTimeMs\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallbackStats($id: ID!) {\n    callback(id: $id) {\n      id\n      stats(hours: 24) {\n        total\n        successful\n        failed\n        successRate\n        avgResponseTimeMs\n        p95ResponseTimeMs\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StoredPayloads($projectId: ID!, $callbackId: ID!) {\n    storedPayloads(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        key\n        payload\n        callbackLogId\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query StoredPayloads($projectId: ID!, $callbackId: ID!) {\n    storedPayloads(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        key\n        payload\n        callbackLogId\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueuedMessages($projectId: ID!, $callbackId: ID!) {\n    queueMessages(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        queue\n        payload\n        status\n        deliveries\n        leaseUntil\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query QueuedMessages($projectId: ID!, $callbackId: ID!) {\n    queueMessages(projectId: $projectId, callbackId: $callbackId, first: 50) {\n      totalCount\n      nodes {\n        id\n        queue\n        payload\n        status\n        deliveries\n        leaseUntil\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CredentialChoices($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n        provider\n      }\n    }\n  }\n"): (typeof documents)["\n  query CredentialChoices($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n        provider\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayCallbackLog($id: ID!) {\n    replayCallbackLog(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ReplayCallbackLog($id: ID!) {\n    replayCallbackLog(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateTriggerToken($id: ID!) {\n    rotateTriggerToken(id: $id) {\n      id\n      triggerUrl\n      triggerToken\n    }\n  }\n"): (typeof documents)["\n  mutation RotateTriggerToken($id: ID!) {\n    rotateTriggerToken(id: $id) {\n      id\n      triggerUrl\n      triggerToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCallback($id: ID!) {\n    deleteCallback(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCallback($id: ID!) {\n    deleteCallback(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAction($input: CreateActionInput!) {\n    createAction(input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAction($id: ID!, $input: UpdateActionInput!) {\n    updateAction(id: $id, input: $input) {\n      ...ActionRow\n      generatedSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAction($id: ID!) {\n    deleteAction(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteAction($id: ID!) {\n    deleteAction(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditCallback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n        header\n        encoding\n        prefix\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditCallback($id: ID!) {\n    callback(id: $id) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n        header\n        encoding\n        prefix\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCallback($input: CreateCallbackInput!) {\n    createCallback(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCallback($input: CreateCallbackInput!) {\n    createCallback(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCallback($id: ID!, $input: UpdateCallbackInput!) {\n    updateCallback(id: $id, input: $input) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCallback($id: ID!, $input: UpdateCallbackInput!) {\n    updateCallback(id: $id, input: $input) {\n      id\n      name\n      callbackUrl\n      activeStatus\n      customPath\n      customUrl\n      timeoutDuration\n      cachePeriod\n      signature {\n        mode\n        secretConfigured\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Callbacks($projectId: ID!) {\n    callbacks(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        callbackUrl\n        activeStatus\n        triggerUrl\n        customPath\n        stats(hours: 24) {\n          total\n          successRate\n          avgResponseTimeMs\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Callbacks($projectId: ID!) {\n    callbacks(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        callbackUrl\n        activeStatus\n        triggerUrl\n        customPath\n        stats(hours: 24) {\n          total\n          successRate\n          avgResponseTimeMs\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Monitor {\n        projectId\n      }\n      ... on Callback {\n        projectId\n      }\n      ... on Job {\n        projectId\n      }\n      ... on Test {\n        projectId\n      }\n      ... on Run {\n        projectId\n      }\n      ... on StatusPage {\n        projectId\n      }\n    }\n  }\n"): (typeof documents)["\n  query NodeProject($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Monitor {\n        projectId\n      }\n      ... on Callback {\n        projectId\n      }\n      ... on Job {\n        projectId\n      }\n      ... on Test {\n        projectId\n      }\n      ... on Run {\n        projectId\n      }\n      ... on StatusPage {\n        projectId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Job($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      nextRunAt\n      schedulePaused\n      lastRunAt\n      status\n      timeoutSeconds\n      triggerUrl\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n      }\n      notificationProviderIds\n      tests {\n        id\n        title\n        type\n      }\n      runs(first: 50) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Job($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      nextRunAt\n      schedulePaused\n      lastRunAt\n      status\n      timeoutSeconds\n      triggerUrl\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n      }\n      notificationProviderIds\n      tests {\n        id\n        title\n        type\n      }\n      runs(first: 50) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseJobSchedule($id: ID!) {\n    pauseJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n"): (typeof documents)["\n  mutation PauseJobSchedule($id: ID!) {\n    pauseJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeJobSchedule($id: ID!) {\n    resumeJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n"): (typeof documents)["\n  mutation ResumeJobSchedule($id: ID!) {\n    resumeJobSchedule(id: $id) {\n      id\n      nextRunAt\n      schedulePaused\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteJob($id: ID!) {\n    deleteJob(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteJob($id: ID!) {\n    deleteJob(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateJobKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateJobKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditJob($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      timeoutSeconds\n      tests {\n        id\n      }\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n        customMessage\n      }\n      notificationProviderIds\n    }\n  }\n"): (typeof documents)["\n  query EditJob($id: ID!) {\n    job(id: $id) {\n      id\n      name\n      description\n      jobType\n      cronSchedule\n      timeoutSeconds\n      tests {\n        id\n      }\n      alertConfig {\n        enabled\n        onFailure\n        onSuccess\n        onTimeout\n        customMessage\n      }\n      notificationProviderIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickTests($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query PickTests($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CronPreview($expression: String!) {\n    cronPreview(expression: $expression, count: 3)\n  }\n"): (typeof documents)["\n  query CronPreview($expression: String!) {\n    cronPreview(expression: $expression, count: 3)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateJob($input: CreateJobInput!) {\n    createJob(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      id\n      name\n      cronSchedule\n      nextRunAt\n      timeoutSeconds\n      tests {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateJob($id: ID!, $input: UpdateJobInput!) {\n    updateJob(id: $id, input: $input) {\n      id\n      name\n      cronSchedule\n      nextRunAt\n      timeoutSeconds\n      tests {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        jobType\n        status\n        cronSchedule\n        nextRunAt\n        schedulePaused\n        lastRunAt\n        tests {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Jobs($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        jobType\n        status\n        cronSchedule\n        nextRunAt\n        schedulePaused\n        lastRunAt\n        tests {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Monitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      status\n      enabled\n      muted\n      mutedUntil\n      frequencyMinutes\n      lastCheckAt\n      nextCheckAt\n      lastStatusChangeAt\n      heartbeatUrl\n      locations\n      uptimes {\n        day\n        week\n        month\n        quarter\n      }\n      dailyUptime(days: 90) {\n        date\n        checks\n        failed\n        uptime\n      }\n      locationStatuses {\n        location\n        status\n        lastCheckedAt\n      }\n      downtimes(days: 30) {\n        start\n        end\n        durationSeconds\n        cause\n        errorClass\n        location\n      }\n      alerts(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n  fragment MonitorAlertRow on MonitorAlert {\n    id\n    type\n    channel\n    providerName\n    status\n    sentAt\n    attempts\n    nextAttemptAt\n    error\n  }\n"): (typeof documents)["\n  query Monitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      status\n      enabled\n      muted\n      mutedUntil\n      frequencyMinutes\n      lastCheckAt\n      nextCheckAt\n      lastStatusChangeAt\n      heartbeatUrl\n      locations\n      uptimes {\n        day\n        week\n        month\n        quarter\n      }\n      dailyUptime(days: 90) {\n        date\n        checks\n        failed\n        uptime\n      }\n      locationStatuses {\n        location\n        status\n        lastCheckedAt\n      }\n      downtimes(days: 30) {\n        start\n        end\n        durationSeconds\n        cause\n        errorClass\n        location\n      }\n      alerts(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n  fragment MonitorAlertRow on MonitorAlert {\n    id\n    type\n    channel\n    providerName\n    status\n    sentAt\n    attempts\n    nextAttemptAt\n    error\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitorOlderAlerts($id: ID!, $after: String!) {\n    monitor(id: $id) {\n      id\n      alerts(first: 50, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MonitorOlderAlerts($id: ID!, $after: String!) {\n    monitor(id: $id) {\n      id\n      alerts(first: 50, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          ...MonitorAlertRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitorResults($monitorId: ID!) {\n    monitorResults(monitorId: $monitorId, first: 50) {\n      totalCount\n      nodes {\n        ...MonitorResultRow\n      }\n    }\n  }\n  fragment MonitorResultRow on MonitorResult {\n    id\n    checkedAt\n    location\n    status\n    responseTimeMs\n    isUp\n    details\n  }\n"): (typeof documents)["\n  query MonitorResults($monitorId: ID!) {\n    monitorResults(monitorId: $monitorId, first: 50) {\n      totalCount\n      nodes {\n        ...MonitorResultRow\n      }\n    }\n  }\n  fragment MonitorResultRow on MonitorResult {\n    id\n    checkedAt\n    location\n    status\n    responseTimeMs\n    isUp\n    details\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponseTimes($id: ID!, $range: SeriesRange!) {\n    monitor(id: $id) {\n      id\n      responseTimes(range: $range) {\n        start\n        checks\n        failed\n        avgMs\n        p95Ms\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResponseTimes($id: ID!, $range: SeriesRange!) {\n    monitor(id: $id) {\n      id\n      responseTimes(range: $range) {\n        start\n        checks\n        failed\n        avgMs\n        p95Ms\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MonitorResultAdded($monitorId: ID!) {\n    monitorResultAdded(monitorId: $monitorId) {\n      ...MonitorResultRow\n    }\n  }\n"): (typeof documents)["\n  subscription MonitorResultAdded($monitorId: ID!) {\n    monitorResultAdded(monitorId: $monitorId) {\n      ...MonitorResultRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      id\n      nextCheckAt\n    }\n  }\n"): (typeof documents)["\n  mutation CheckMonitorNow($id: ID!) {\n    checkMonitorNow(id: $id) {\n      id\n      nextCheckAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MuteMonitor($id: ID!, $until: DateTime!) {\n    muteMonitor(id: $id, until: $until) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n"): (typeof documents)["\n  mutation MuteMonitor($id: ID!, $until: DateTime!) {\n    muteMonitor(id: $id, until: $until) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnmuteMonitor($id: ID!) {\n    unmuteMonitor(id: $id) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n"): (typeof documents)["\n  mutation UnmuteMonitor($id: ID!) {\n    unmuteMonitor(id: $id) {\n      id\n      muted\n      mutedUntil\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMonitorEnabled($id: ID!, $enabled: Boolean!) {\n    updateMonitor(id: $id, input: { enabled: $enabled }) {\n      id\n      enabled\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SetMonitorEnabled($id: ID!, $enabled: Boolean!) {\n    updateMonitor(id: $id, input: { enabled: $enabled }) {\n      id\n      enabled\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteMonitor($id: ID!) {\n    deleteMonitor(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateHeartbeatUrl($id: ID!) {\n    rotateHeartbeatUrl(id: $id) {\n      id\n      heartbeatUrl\n    }\n  }\n"): (typeof documents)["\n  mutation RotateHeartbeatUrl($id: ID!) {\n    rotateHeartbeatUrl(id: $id) {\n      id\n      heartbeatUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditMonitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      frequencyMinutes\n      enabled\n      config\n      downIntervalSeconds\n      parentIds\n      notificationProviderIds\n      tags {\n        id\n      }\n      locations\n      aggregation\n      alert {\n        enabled\n        failureThreshold\n        recoveryThreshold\n        alertOnFailure\n        alertOnRecovery\n        alertOnSslExpiration\n        alertOnTimeout\n        customMessage\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditMonitor($id: ID!) {\n    monitor(id: $id) {\n      id\n      name\n      description\n      type\n      target\n      frequencyMinutes\n      enabled\n      config\n      downIntervalSeconds\n      parentIds\n      notificationProviderIds\n      tags {\n        id\n      }\n      locations\n      aggregation\n      alert {\n        enabled\n        failureThreshold\n        recoveryThreshold\n        alertOnFailure\n        alertOnRecovery\n        alertOnSslExpiration\n        alertOnTimeout\n        customMessage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyntheticTestChoices($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n        runner\n      }\n    }\n  }\n"): (typeof documents)["\n  query SyntheticTestChoices($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n        runner\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonitorChoices($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query MonitorChoices($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMonitor($input: CreateMonitorInput!) {\n    createMonitor(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMonitor($input: CreateMonitorInput!) {\n    createMonitor(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      id\n      name\n      target\n      status\n      config\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMonitor($id: ID!, $input: UpdateMonitorInput!) {\n    updateMonitor(id: $id, input: $input) {\n      id\n      name\n      target\n      status\n      config\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Monitors($projectId: ID!, $filter: MonitorFilter) {\n    monitors(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        name\n        type\n        target\n        status\n        enabled\n        muted\n        lastCheckAt\n        tags {\n          id\n          name\n          color\n        }\n        latestResult {\n          id\n          checkedAt\n          responseTimeMs\n        }\n        uptimes {\n          day\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Monitors($projectId: ID!, $filter: MonitorFilter) {\n    monitors(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        name\n        type\n        target\n        status\n        enabled\n        muted\n        lastCheckAt\n        tags {\n          id\n          name\n          color\n        }\n        latestResult {\n          id\n          checkedAt\n          responseTimeMs\n        }\n        uptimes {\n          day\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MonitorStatusChanged($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n      lastCheckAt\n      lastStatusChangeAt\n    }\n  }\n"): (typeof documents)["\n  subscription MonitorStatusChanged($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n      lastCheckAt\n      lastStatusChangeAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectMonitorResultAdded($projectId: ID!) {\n    monitorResultAdded(projectId: $projectId) {\n      id\n      monitorId\n      checkedAt\n      responseTimeMs\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectMonitorResultAdded($projectId: ID!) {\n    monitorResultAdded(projectId: $projectId) {\n      id\n      monitorId\n      checkedAt\n      responseTimeMs\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitation($id: ID!) {\n    invitation(id: $id) {\n      id\n      email\n      role\n      status\n      expiresAt\n      organizationId\n      organizationName\n      inviter {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitation($id: ID!) {\n    invitation(id: $id) {\n      id\n      email\n      role\n      status\n      expiresAt\n      organizationId\n      organizationName\n      inviter {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n      organizationId\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n      organizationId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      projects {\n        id\n        isDefault\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      projects {\n        id\n        isDefault\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyInvitations {\n    myInvitations {\n      id\n      organizationName\n      role\n    }\n  }\n"): (typeof documents)["\n  query MyInvitations {\n    myInvitations {\n      id\n      organizationName\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($organizationId: ID!) {\n    members(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        id\n        role\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($organizationId: ID!) {\n    members(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        id\n        role\n        createdAt\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRole($memberId: ID!, $role: OrgRole!) {\n    updateMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRole($memberId: ID!, $role: OrgRole!) {\n    updateMemberRole(memberId: $memberId, role: $role) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($memberId: ID!) {\n    removeMember(memberId: $memberId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId, first: 100) {\n      totalCount\n      nodes {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n        projectIds\n        inviter {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($organizationId: ID!) {\n    invitations(organizationId: $organizationId, first: 100) {\n      totalCount\n      nodes {\n        id\n        email\n        role\n        status\n        expiresAt\n        createdAt\n        projectIds\n        inviter {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLogs($organizationId: ID!, $after: String, $filter: AuditLogFilter) {\n    auditLogs(organizationId: $organizationId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AuditEntry\n      }\n    }\n  }\n  fragment AuditEntry on AuditLog {\n    id\n    action\n    details\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  query AuditLogs($organizationId: ID!, $after: String, $filter: AuditLogFilter) {\n    auditLogs(organizationId: $organizationId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...AuditEntry\n      }\n    }\n  }\n  fragment AuditEntry on AuditLog {\n    id\n    action\n    details\n    createdAt\n    user {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuditLogAdded($organizationId: ID!) {\n    auditLogAdded(organizationId: $organizationId) {\n      ...AuditEntry\n    }\n  }\n"): (typeof documents)["\n  subscription AuditLogAdded($organizationId: ID!) {\n    auditLogAdded(organizationId: $organizationId) {\n      ...AuditEntry\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {\n    updateOrganization(id: $id, input: $input) {\n      id\n      name\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteOrganization($id: ID!) {\n    deleteOrganization(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationSso($organizationId: ID!) {\n    organizationSso(organizationId: $organizationId) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n    ssoProviders {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query OrganizationSso($organizationId: ID!) {\n    organizationSso(organizationId: $organizationId) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n    ssoProviders {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganizationSso($organizationId: ID!, $input: UpdateOrganizationSsoInput!) {\n    updateOrganizationSso(organizationId: $organizationId, input: $input) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateOrganizationSso($organizationId: ID!, $input: UpdateOrganizationSsoInput!) {\n    updateOrganizationSso(organizationId: $organizationId, input: $input) {\n      organizationId\n      required\n      providerId\n      providerName\n      requiredBy\n      available\n      unavailableReason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingOverview($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      plan {\n        ...BillingPlan\n      }\n      subscription {\n        status\n        provider\n        currentPeriodStart\n        currentPeriodEnd\n        cancelAtPeriodEnd\n        pastDueSince\n        graceEndsAt\n      }\n    }\n    plans {\n      ...BillingPlan\n    }\n  }\n  fragment BillingPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    limits {\n      tier\n      maxMonitors\n      minCheckIntervalMinutes\n      playwrightMinutesIncluded\n      k6VuMinutesIncluded\n      aiCreditsIncluded\n      runningCapacity\n      maxTeamMembers\n      maxProjects\n      maxStatusPages\n      customDomains\n      ssoEnabled\n      dataRetentionDays\n    }\n  }\n"): (typeof documents)["\n  query BillingOverview($id: ID!) {\n    serverInfo {\n      billingEnabled\n    }\n    organization(id: $id) {\n      id\n      name\n      viewerRole\n      plan {\n        ...BillingPlan\n      }\n      subscription {\n        status\n        provider\n        currentPeriodStart\n        currentPeriodEnd\n        cancelAtPeriodEnd\n        pastDueSince\n        graceEndsAt\n      }\n    }\n    plans {\n      ...BillingPlan\n    }\n  }\n  fragment BillingPlan on Plan {\n    id\n    name\n    description\n    price\n    currency\n    interval\n    features\n    isActive\n    stripePriceId\n    polarProductId\n    maxTriggers\n    limits {\n      tier\n      maxMonitors\n      minCheckIntervalMinutes\n      playwrightMinutesIncluded\n      k6VuMinutesIncluded\n      aiCreditsIncluded\n      runningCapacity\n      maxTeamMembers\n      maxProjects\n      maxStatusPages\n      customDomains\n      ssoEnabled\n      dataRetentionDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCheckoutSession($organizationId: ID!, $planId: ID!) {\n    createCheckoutSession(organizationId: $organizationId, planId: $planId)\n  }\n"): (typeof documents)["\n  mutation CreateCheckoutSession($organizationId: ID!, $planId: ID!) {\n    createCheckoutSession(organizationId: $organizationId, planId: $planId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePolarCheckout($organizationId: ID!, $planId: ID!) {\n    createPolarCheckout(organizationId: $organizationId, planId: $planId)\n  }\n"): (typeof documents)["\n  mutation CreatePolarCheckout($organizationId: ID!, $planId: ID!) {\n    createPolarCheckout(organizationId: $organizationId, planId: $planId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBillingPortalSession($organizationId: ID!) {\n    createBillingPortalSession(organizationId: $organizationId)\n  }\n"): (typeof documents)["\n  mutation CreateBillingPortalSession($organizationId: ID!) {\n    createBillingPortalSession(organizationId: $organizationId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePolarPortalSession($organizationId: ID!) {\n    createPolarPortalSession(organizationId: $organizationId)\n  }\n"): (typeof documents)["\n  mutation CreatePolarPortalSession($organizationId: ID!) {\n    createPolarPortalSession(organizationId: $organizationId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationUsage($id: ID!) {\n    organization(id: $id) {\n      id\n      usage {\n        periodStart\n        periodEnd\n        overageCents\n        spendingLimitCents\n        hardStopped\n        hardStopReason\n        meters {\n          meter\n          used\n          included\n          unit\n          overageUnits\n          overageCents\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationUsage($id: ID!) {\n    organization(id: $id) {\n      id\n      usage {\n        periodStart\n        periodEnd\n        overageCents\n        spendingLimitCents\n        hardStopped\n        hardStopReason\n        meters {\n          meter\n          used\n          included\n          unit\n          overageUnits\n          overageCents\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationBillingSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      billingSettings {\n        ...BillingSettingsFields\n      }\n    }\n  }\n  fragment BillingSettingsFields on BillingSettings {\n    enableSpendingLimit\n    monthlySpendingLimitCents\n    hardStopOnLimit\n    notifyAt50Percent\n    notifyAt80Percent\n    notifyAt90Percent\n    notifyAt100Percent\n    notificationEmails\n  }\n"): (typeof documents)["\n  query OrganizationBillingSettings($id: ID!) {\n    organization(id: $id) {\n      id\n      billingSettings {\n        ...BillingSettingsFields\n      }\n    }\n  }\n  fragment BillingSettingsFields on BillingSettings {\n    enableSpendingLimit\n    monthlySpendingLimitCents\n    hardStopOnLimit\n    notifyAt50Percent\n    notifyAt80Percent\n    notifyAt90Percent\n    notifyAt100Percent\n    notificationEmails\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBillingSettings($organizationId: ID!, $input: UpdateBillingSettingsInput!) {\n    updateBillingSettings(organizationId: $organizationId, input: $input) {\n      ...BillingSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBillingSettings($organizationId: ID!, $input: UpdateBillingSettingsInput!) {\n    updateBillingSettings(organizationId: $organizationId, input: $input) {\n      ...BillingSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectOverview($projectId: ID!) {\n    projectOverview(projectId: $projectId) {\n      monitorCounts {\n        status\n        count\n      }\n      failingMonitors {\n        id\n        name\n        target\n        status\n        lastStatusChangeAt\n      }\n      openIncidents {\n        id\n        statusPageId\n        title\n        status\n        impact\n        createdAt\n      }\n      failingJobs {\n        id\n        name\n        status\n        lastRunAt\n      }\n      recentRuns {\n        id\n        status\n        trigger\n        createdAt\n        durationMs\n        testId\n        job {\n          id\n          name\n        }\n      }\n      testCount\n      jobCount\n      callbackCount\n      statusPageCount\n      triggers {\n        windowHours\n        total\n        failed\n        errorRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectOverview($projectId: ID!) {\n    projectOverview(projectId: $projectId) {\n      monitorCounts {\n        status\n        count\n      }\n      failingMonitors {\n        id\n        name\n        target\n        status\n        lastStatusChangeAt\n      }\n      openIncidents {\n        id\n        statusPageId\n        title\n        status\n        impact\n        createdAt\n      }\n      failingJobs {\n        id\n        name\n        status\n        lastRunAt\n      }\n      recentRuns {\n        id\n        status\n        trigger\n        createdAt\n        durationMs\n        testId\n        job {\n          id\n          name\n        }\n      }\n      testCount\n      jobCount\n      callbackCount\n      statusPageCount\n      triggers {\n        windowHours\n        total\n        failed\n        errorRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewMonitorStatus($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription OverviewMonitorStatus($projectId: ID!) {\n    monitorStatusChanged(projectId: $projectId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription OverviewRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OverviewCallbackLogAdded($projectId: ID!) {\n    callbackLogAdded(projectId: $projectId) {\n      id\n      success\n    }\n  }\n"): (typeof documents)["\n  subscription OverviewCallbackLogAdded($projectId: ID!) {\n    callbackLogAdded(projectId: $projectId) {\n      id\n      success\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Runs($projectId: ID!, $filter: RunFilter, $after: String) {\n    runs(projectId: $projectId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query Runs($projectId: ID!, $filter: RunFilter, $after: String) {\n    runs(projectId: $projectId, first: 50, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...RunRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobNames($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query JobNames($projectId: ID!) {\n    jobs(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunRow on Run {\n    id\n    jobId\n    testId\n    status\n    trigger\n    createdAt\n    startedAt\n    completedAt\n    durationMs\n    duration\n    cancelRequested\n    job {\n      id\n      name\n      jobType\n    }\n  }\n"): (typeof documents)["\n  fragment RunRow on Run {\n    id\n    jobId\n    testId\n    status\n    trigger\n    createdAt\n    startedAt\n    completedAt\n    durationMs\n    duration\n    cancelRequested\n    job {\n      id\n      name\n      jobType\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunDetail on Run {\n    ...RunRow\n    location\n    logs\n    logLines\n    errorDetails\n    exitCode\n    attempt\n    reportUrl\n    logsUrl\n    videoUrl\n    artifacts {\n      kind\n      path\n      url\n    }\n    k6Results {\n      id\n      testId\n      status\n      durationMs\n      thresholdsPassed\n      totalRequests\n      failedRequests\n      requestRate\n      avgResponseTimeMs\n      p95ResponseTimeMs\n      p99ResponseTimeMs\n      errorDetails\n      reportUrl\n      consoleUrl\n      summaryUrl\n    }\n  }\n"): (typeof documents)["\n  fragment RunDetail on Run {\n    ...RunRow\n    location\n    logs\n    logLines\n    errorDetails\n    exitCode\n    attempt\n    reportUrl\n    logsUrl\n    videoUrl\n    artifacts {\n      kind\n      path\n      url\n    }\n    k6Results {\n      id\n      testId\n      status\n      durationMs\n      thresholdsPassed\n      totalRequests\n      failedRequests\n      requestRate\n      avgResponseTimeMs\n      p95ResponseTimeMs\n      p99ResponseTimeMs\n      errorDetails\n      reportUrl\n      consoleUrl\n      summaryUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetail\n      job {\n        id\n        name\n        jobType\n        tests {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Run($id: ID!) {\n    run(id: $id) {\n      ...RunDetail\n      job {\n        id\n        name\n        jobType\n        tests {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdated($runId: ID!) {\n    runUpdated(runId: $runId) {\n      ...RunDetail\n    }\n  }\n"): (typeof documents)["\n  subscription RunUpdated($runId: ID!) {\n    runUpdated(runId: $runId) {\n      ...RunDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      ...RunRow\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectRunUpdated($projectId: ID!) {\n    runUpdated(projectId: $projectId) {\n      ...RunRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunLog($runId: ID!) {\n    runLog(runId: $runId) {\n      runId\n      number\n      line\n    }\n  }\n"): (typeof documents)["\n  subscription RunLog($runId: ID!) {\n    runLog(runId: $runId) {\n      runId\n      number\n      line\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRun($id: ID!) {\n    cancelRun(id: $id) {\n      id\n      status\n      cancelRequested\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TriggerJob($id: ID!) {\n    triggerJob(id: $id) {\n      ...RunRow\n    }\n  }\n"): (typeof documents)["\n  mutation TriggerJob($id: ID!) {\n    triggerJob(id: $id) {\n      ...RunRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunTest($id: ID!, $script: String) {\n    runTest(id: $id, script: $script) {\n      ...RunRow\n    }\n  }\n"): (typeof documents)["\n  mutation RunTest($id: ID!, $script: String) {\n    runTest(id: $id, script: $script) {\n      ...RunRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestTitles($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query TestTitles($projectId: ID!) {\n    tests(projectId: $projectId, first: 200) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceCredentials($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        provider\n        meta\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceCredentials($projectId: ID!) {\n    serviceCredentials(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        provider\n        meta\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServiceCredential($input: CreateServiceCredentialInput!) {\n    createServiceCredential(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateServiceCredential($input: CreateServiceCredentialInput!) {\n    createServiceCredential(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteServiceCredential($id: ID!) {\n    deleteServiceCredential(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteServiceCredential($id: ID!) {\n    deleteServiceCredential(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {\n    updateProject(id: $id, input: $input) {\n      id\n      name\n      slug\n      description\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProject($id: ID!, $input: UpdateProjectInput!) {\n    updateProject(id: $id, input: $input) {\n      id\n      name\n      slug\n      description\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderFields on NotificationProvider {\n    id\n    name\n    type\n    isEnabled\n    config\n    projectId\n    organizationId\n  }\n"): (typeof documents)["\n  fragment ProviderFields on NotificationProvider {\n    id\n    name\n    type\n    isEnabled\n    config\n    projectId\n    organizationId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationProviders($projectId: ID!) {\n    notificationProviders(projectId: $projectId, includeOrganizationWide: true, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationProviders($projectId: ID!) {\n    notificationProviders(projectId: $projectId, includeOrganizationWide: true, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationNotificationProviders($organizationId: ID!) {\n    organizationNotificationProviders(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationNotificationProviders($organizationId: ID!) {\n    organizationNotificationProviders(organizationId: $organizationId, first: 200) {\n      totalCount\n      nodes {\n        ...ProviderFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNotificationProvider($input: CreateNotificationProviderInput!) {\n    createNotificationProvider(input: $input) {\n      id\n      name\n      generatedSecret\n    }\n  }\n"): (typeof documents)["\n  mutation CreateNotificationProvider($input: CreateNotificationProviderInput!) {\n    createNotificationProvider(input: $input) {\n      id\n      name\n      generatedSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationProvider($id: ID!, $input: UpdateNotificationProviderInput!) {\n    updateNotificationProvider(id: $id, input: $input) {\n      id\n      name\n      isEnabled\n      generatedSecret\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationProvider($id: ID!, $input: UpdateNotificationProviderInput!) {\n    updateNotificationProvider(id: $id, input: $input) {\n      id\n      name\n      isEnabled\n      generatedSecret\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNotificationProvider($id: ID!) {\n    deleteNotificationProvider(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteNotificationProvider($id: ID!) {\n    deleteNotificationProvider(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestNotificationProvider($id: ID!) {\n    testNotificationProvider(id: $id) {\n      success\n      attempts\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation TestNotificationProvider($id: ID!) {\n    testNotificationProvider(id: $id) {\n      success\n      attempts\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectMembers($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      members {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n    members(organizationId: $organizationId, first: 200) {\n      nodes {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectMembers($id: ID!, $organizationId: ID!) {\n    project(id: $id) {\n      id\n      members {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n    members(organizationId: $organizationId, first: 200) {\n      nodes {\n        id\n        role\n        user {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProjectMember($input: SetProjectMemberInput!) {\n    setProjectMember(input: $input) {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SetProjectMember($input: SetProjectMemberInput!) {\n    setProjectMember(input: $input) {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveProjectMember($projectId: ID!, $userId: ID!) {\n    removeProjectMember(projectId: $projectId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tags($projectId: ID!) {\n    tags(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        color\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tags($projectId: ID!) {\n    tags(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        color\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTag($id: ID!) {\n    deleteTag(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTag($id: ID!) {\n    deleteTag(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectVariables($projectId: ID!) {\n    projectVariables(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        key\n        value\n        isSecret\n        description\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectVariables($projectId: ID!) {\n    projectVariables(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        key\n        value\n        isSecret\n        description\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProjectVariable($input: CreateProjectVariableInput!) {\n    createProjectVariable(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProjectVariable($input: CreateProjectVariableInput!) {\n    createProjectVariable(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProjectVariable($id: ID!, $input: UpdateProjectVariableInput!) {\n    updateProjectVariable(id: $id, input: $input) {\n      id\n      value\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProjectVariable($id: ID!, $input: UpdateProjectVariableInput!) {\n    updateProjectVariable(id: $id, input: $input) {\n      id\n      value\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProjectVariable($id: ID!) {\n    deleteProjectVariable(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteProjectVariable($id: ID!) {\n    deleteProjectVariable(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageSubscribers($statusPageId: ID!, $first: Int!, $after: String, $filter: StatusPageSubscriberFilter) {\n    statusPageSubscribers(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SubscriberFields\n      }\n    }\n  }\n  fragment SubscriberFields on StatusPageSubscriber {\n    id\n    mode\n    state\n    email\n    phoneNumber\n    phoneCountry\n    endpoint\n    componentIds\n    incidentIds\n    confirmedAt\n    quarantinedAt\n    purgeAt\n    failedDeliveries\n    createdAt\n  }\n"): (typeof documents)["\n  query StatusPageSubscribers($statusPageId: ID!, $first: Int!, $after: String, $filter: StatusPageSubscriberFilter) {\n    statusPageSubscribers(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...SubscriberFields\n      }\n    }\n  }\n  fragment SubscriberFields on StatusPageSubscriber {\n    id\n    mode\n    state\n    email\n    phoneNumber\n    phoneCountry\n    endpoint\n    componentIds\n    incidentIds\n    confirmedAt\n    quarantinedAt\n    purgeAt\n    failedDeliveries\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageSubscribersCsv($statusPageId: ID!) {\n    statusPageSubscribersCsv(statusPageId: $statusPageId)\n  }\n"): (typeof documents)["\n  query StatusPageSubscribersCsv($statusPageId: ID!) {\n    statusPageSubscribersCsv(statusPageId: $statusPageId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageMetrics($id: ID!, $days: Int!) {\n    statusPage(id: $id) {\n      id\n      metrics(days: $days) {\n        date\n        pageViews\n        subscribers\n        pendingSubscribers\n        quarantinedSubscribers\n      }\n    }\n  }\n"): (typeof documents)["\n  query StatusPageMetrics($id: ID!, $days: Int!) {\n    statusPage(id: $id) {\n      id\n      metrics(days: $days) {\n        date\n        pageViews\n        subscribers\n        pendingSubscribers\n        quarantinedSubscribers\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStatusPageSubscriber($input: AddStatusPageSubscriberInput!) {\n    addStatusPageSubscriber(input: $input) {\n      signingSecret\n      subscriber {\n        ...SubscriberFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddStatusPageSubscriber($input: AddStatusPageSubscriberInput!) {\n    addStatusPageSubscriber(input: $input) {\n      signingSecret\n      subscriber {\n        ...SubscriberFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveStatusPageSubscriber($id: ID!) {\n    removeStatusPageSubscriber(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveStatusPageSubscriber($id: ID!) {\n    removeStatusPageSubscriber(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearStatusPageSubscriberQuarantine($id: ID!) {\n    clearStatusPageSubscriberQuarantine(id: $id) {\n      ...SubscriberFields\n    }\n  }\n"): (typeof documents)["\n  mutation ClearStatusPageSubscriberQuarantine($id: ID!) {\n    clearStatusPageSubscriberQuarantine(id: $id) {\n      ...SubscriberFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageIncidents($statusPageId: ID!, $first: Int!, $after: String, $filter: IncidentFilter) {\n    incidents(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...IncidentSummary\n      }\n    }\n  }\n  fragment IncidentSummary on Incident {\n    id\n    kind\n    title\n    status\n    impact\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    resolvedAt\n    shortlink\n    createdAt\n    components {\n      componentId\n      newStatus\n    }\n    postmortem {\n      id\n      published\n    }\n  }\n"): (typeof documents)["\n  query StatusPageIncidents($statusPageId: ID!, $first: Int!, $after: String, $filter: IncidentFilter) {\n    incidents(statusPageId: $statusPageId, first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...IncidentSummary\n      }\n    }\n  }\n  fragment IncidentSummary on Incident {\n    id\n    kind\n    title\n    status\n    impact\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    resolvedAt\n    shortlink\n    createdAt\n    components {\n      componentId\n      newStatus\n    }\n    postmortem {\n      id\n      published\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageIncident($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetail\n    }\n  }\n  fragment IncidentDetail on Incident {\n    id\n    statusPageId\n    kind\n    title\n    status\n    impact\n    impactOverride\n    message\n    deliverNotifications\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    remindersSent\n    autoInProgress\n    autoCompleted\n    autoTransitionToMaintenanceState\n    autoTransitionToOperationalState\n    notifyAtStart\n    notifyAtEnd\n    monitoringAt\n    resolvedAt\n    shortlink\n    updates {\n      id\n      status\n      message\n      displayAt\n      deliverNotifications\n      createdAt\n    }\n    components {\n      componentId\n      oldStatus\n      newStatus\n      createdAt\n    }\n    postmortem {\n      ...PostmortemFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment PostmortemFields on Postmortem {\n    id\n    incidentId\n    body\n    bodyLastUpdatedAt\n    published\n    publishedAt\n    notifiedSubscribers\n    updatedAt\n  }\n"): (typeof documents)["\n  query StatusPageIncident($id: ID!) {\n    incident(id: $id) {\n      ...IncidentDetail\n    }\n  }\n  fragment IncidentDetail on Incident {\n    id\n    statusPageId\n    kind\n    title\n    status\n    impact\n    impactOverride\n    message\n    deliverNotifications\n    backfilled\n    backfilledAt\n    scheduledFor\n    scheduledUntil\n    remindPrior\n    reminderIntervals\n    remindersSent\n    autoInProgress\n    autoCompleted\n    autoTransitionToMaintenanceState\n    autoTransitionToOperationalState\n    notifyAtStart\n    notifyAtEnd\n    monitoringAt\n    resolvedAt\n    shortlink\n    updates {\n      id\n      status\n      message\n      displayAt\n      deliverNotifications\n      createdAt\n    }\n    components {\n      componentId\n      oldStatus\n      newStatus\n      createdAt\n    }\n    postmortem {\n      ...PostmortemFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment PostmortemFields on Postmortem {\n    id\n    incidentId\n    body\n    bodyLastUpdatedAt\n    published\n    publishedAt\n    notifiedSubscribers\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentTemplates($statusPageId: ID!) {\n    incidentTemplates(statusPageId: $statusPageId, first: 200) {\n      totalCount\n      nodes {\n        ...IncidentTemplateFields\n      }\n    }\n  }\n  fragment IncidentTemplateFields on IncidentTemplate {\n    id\n    name\n    title\n    body\n    status\n    shouldSendNotifications\n    componentIds\n  }\n"): (typeof documents)["\n  query IncidentTemplates($statusPageId: ID!) {\n    incidentTemplates(statusPageId: $statusPageId, first: 200) {\n      totalCount\n      nodes {\n        ...IncidentTemplateFields\n      }\n    }\n  }\n  fragment IncidentTemplateFields on IncidentTemplate {\n    id\n    name\n    title\n    body\n    status\n    shouldSendNotifications\n    componentIds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIncident($input: CreateIncidentInput!) {\n    createIncident(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIncidentUpdate($input: AddIncidentUpdateInput!) {\n    addIncidentUpdate(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddIncidentUpdate($input: AddIncidentUpdateInput!) {\n    addIncidentUpdate(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIncident($id: ID!, $input: UpdateIncidentInput!) {\n    updateIncident(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveIncident($id: ID!, $message: String) {\n    resolveIncident(id: $id, message: $message) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveIncident($id: ID!, $message: String) {\n    resolveIncident(id: $id, message: $message) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteIncident($id: ID!) {\n    deleteIncident(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteIncident($id: ID!) {\n    deleteIncident(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMaintenance($input: CreateMaintenanceInput!) {\n    createMaintenance(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMaintenance($input: CreateMaintenanceInput!) {\n    createMaintenance(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMaintenance($id: ID!, $input: UpdateMaintenanceInput!) {\n    updateMaintenance(id: $id, input: $input) {\n      ...IncidentDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SavePostmortem($incidentId: ID!, $body: String!) {\n    savePostmortem(incidentId: $incidentId, body: $body) {\n      ...PostmortemFields\n    }\n  }\n"): (typeof documents)["\n  mutation SavePostmortem($incidentId: ID!, $body: String!) {\n    savePostmortem(incidentId: $incidentId, body: $body) {\n      ...PostmortemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPostmortem($incidentId: ID!, $notifySubscribers: Boolean!) {\n    publishPostmortem(incidentId: $incidentId, notifySubscribers: $notifySubscribers) {\n      ...PostmortemFields\n    }\n  }\n"): (typeof documents)["\n  mutation PublishPostmortem($incidentId: ID!, $notifySubscribers: Boolean!) {\n    publishPostmortem(incidentId: $incidentId, notifySubscribers: $notifySubscribers) {\n      ...PostmortemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishPostmortem($incidentId: ID!) {\n    unpublishPostmortem(incidentId: $incidentId) {\n      ...PostmortemFields\n    }\n  }\n"): (typeof documents)["\n  mutation UnpublishPostmortem($incidentId: ID!) {\n    unpublishPostmortem(incidentId: $incidentId) {\n      ...PostmortemFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIncidentTemplate($input: CreateIncidentTemplateInput!) {\n    createIncidentTemplate(input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIncidentTemplate($input: CreateIncidentTemplateInput!) {\n    createIncidentTemplate(input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIncidentTemplate($id: ID!, $input: UpdateIncidentTemplateInput!) {\n    updateIncidentTemplate(id: $id, input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIncidentTemplate($id: ID!, $input: UpdateIncidentTemplateInput!) {\n    updateIncidentTemplate(id: $id, input: $input) {\n      ...IncidentTemplateFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteIncidentTemplate($id: ID!) {\n    deleteIncidentTemplate(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteIncidentTemplate($id: ID!) {\n    deleteIncidentTemplate(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPages($projectId: ID!) {\n    statusPages(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        subdomain\n        url\n        published\n        customDomain\n        customDomainVerified\n        components {\n          id\n          status\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StatusPages($projectId: ID!) {\n    statusPages(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        subdomain\n        url\n        published\n        customDomain\n        customDomainVerified\n        components {\n          id\n          status\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPage($id: ID!) {\n    statusPage(id: $id) {\n      ...StatusPageFields\n    }\n  }\n  fragment StatusPageFields on StatusPage {\n    id\n    projectId\n    name\n    subdomain\n    url\n    published\n    headline\n    description\n    supportUrl\n    timezone\n    theme\n    hiddenFromSearch\n    allowPageSubscribers\n    allowIncidentSubscribers\n    allowEmailSubscribers\n    allowSmsSubscribers\n    allowWebhookSubscribers\n    notificationsFromEmail\n    notificationsEmailFooter\n    cssBodyBackgroundColor\n    cssFontColor\n    cssLightFontColor\n    cssGreens\n    cssYellows\n    cssOranges\n    cssBlues\n    cssReds\n    cssBorderColor\n    cssGraphColor\n    cssLinkColor\n    cssNoData\n    faviconUrl\n    logoUrl\n    heroCoverUrl\n    emailLogoUrl\n    twitterLogoUrl\n    customDomain\n    customDomainVerified\n    customDomainVerification {\n      recordName\n      recordValue\n    }\n    components {\n      ...StatusPageComponentFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment StatusPageComponentFields on StatusPageComponent {\n    id\n    statusPageId\n    name\n    description\n    status\n    groupName\n    position\n    showcase\n    onlyShowIfDegraded\n    aggregationMethod\n    failureThreshold\n    startDate\n    monitors {\n      monitorId\n      weight\n    }\n  }\n"): (typeof documents)["\n  query StatusPage($id: ID!) {\n    statusPage(id: $id) {\n      ...StatusPageFields\n    }\n  }\n  fragment StatusPageFields on StatusPage {\n    id\n    projectId\n    name\n    subdomain\n    url\n    published\n    headline\n    description\n    supportUrl\n    timezone\n    theme\n    hiddenFromSearch\n    allowPageSubscribers\n    allowIncidentSubscribers\n    allowEmailSubscribers\n    allowSmsSubscribers\n    allowWebhookSubscribers\n    notificationsFromEmail\n    notificationsEmailFooter\n    cssBodyBackgroundColor\n    cssFontColor\n    cssLightFontColor\n    cssGreens\n    cssYellows\n    cssOranges\n    cssBlues\n    cssReds\n    cssBorderColor\n    cssGraphColor\n    cssLinkColor\n    cssNoData\n    faviconUrl\n    logoUrl\n    heroCoverUrl\n    emailLogoUrl\n    twitterLogoUrl\n    customDomain\n    customDomainVerified\n    customDomainVerification {\n      recordName\n      recordValue\n    }\n    components {\n      ...StatusPageComponentFields\n    }\n    createdAt\n    updatedAt\n  }\n  fragment StatusPageComponentFields on StatusPageComponent {\n    id\n    statusPageId\n    name\n    description\n    status\n    groupName\n    position\n    showcase\n    onlyShowIfDegraded\n    aggregationMethod\n    failureThreshold\n    startDate\n    monitors {\n      monitorId\n      weight\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StatusPageUpdated($statusPageId: ID!) {\n    statusPageUpdated(statusPageId: $statusPageId) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  subscription StatusPageUpdated($statusPageId: ID!) {\n    statusPageUpdated(statusPageId: $statusPageId) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatusPageMonitorPicker($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query StatusPageMonitorPicker($projectId: ID!) {\n    monitors(projectId: $projectId, first: 200) {\n      totalCount\n      nodes {\n        id\n        name\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      id\n      subdomain\n      url\n      published\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStatusPage($input: CreateStatusPageInput!) {\n    createStatusPage(input: $input) {\n      id\n      subdomain\n      url\n      published\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStatusPage($id: ID!, $input: UpdateStatusPageInput!) {\n    updateStatusPage(id: $id, input: $input) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusPageImage($id: ID!, $kind: StatusPageImageKind!, $contentType: String, $dataBase64: String) {\n    setStatusPageImage(id: $id, kind: $kind, contentType: $contentType, dataBase64: $dataBase64) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetStatusPageImage($id: ID!, $kind: StatusPageImageKind!, $contentType: String, $dataBase64: String) {\n    setStatusPageImage(id: $id, kind: $kind, contentType: $contentType, dataBase64: $dataBase64) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusPageCustomDomain($id: ID!, $domain: String) {\n    setStatusPageCustomDomain(id: $id, domain: $domain) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetStatusPageCustomDomain($id: ID!, $domain: String) {\n    setStatusPageCustomDomain(id: $id, domain: $domain) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyStatusPageCustomDomain($id: ID!) {\n    verifyStatusPageCustomDomain(id: $id) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyStatusPageCustomDomain($id: ID!) {\n    verifyStatusPageCustomDomain(id: $id) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishStatusPage($id: ID!) {\n    publishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n"): (typeof documents)["\n  mutation PublishStatusPage($id: ID!) {\n    publishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishStatusPage($id: ID!) {\n    unpublishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n"): (typeof documents)["\n  mutation UnpublishStatusPage($id: ID!) {\n    unpublishStatusPage(id: $id) {\n      id\n      published\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteStatusPage($id: ID!) {\n    deleteStatusPage(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStatusPageComponent($input: CreateStatusPageComponentInput!) {\n    createStatusPageComponent(input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStatusPageComponent($input: CreateStatusPageComponentInput!) {\n    createStatusPageComponent(input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStatusPageComponent($id: ID!, $input: UpdateStatusPageComponentInput!) {\n    updateStatusPageComponent(id: $id, input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStatusPageComponent($id: ID!, $input: UpdateStatusPageComponentInput!) {\n    updateStatusPageComponent(id: $id, input: $input) {\n      ...StatusPageComponentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetStatusPageComponentMonitors($componentId: ID!, $monitors: [ComponentMonitorInput!]!) {\n    setStatusPageComponentMonitors(componentId: $componentId, monitors: $monitors) {\n      ...StatusPageComponentFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetStatusPageComponentMonitors($componentId: ID!, $monitors: [ComponentMonitorInput!]!) {\n    setStatusPageComponentMonitors(componentId: $componentId, monitors: $monitors) {\n      ...StatusPageComponentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteStatusPageComponent($id: ID!) {\n    deleteStatusPageComponent(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteStatusPageComponent($id: ID!) {\n    deleteStatusPageComponent(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderStatusPageComponents($statusPageId: ID!, $componentIds: [ID!]!) {\n    reorderStatusPageComponents(statusPageId: $statusPageId, componentIds: $componentIds) {\n      ...StatusPageFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderStatusPageComponents($statusPageId: ID!, $componentIds: [ID!]!) {\n    reorderStatusPageComponents(statusPageId: $statusPageId, componentIds: $componentIds) {\n      ...StatusPageFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Test($id: ID!) {\n    test(id: $id) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Test($id: ID!) {\n    test(id: $id) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n      runs(first: 10) {\n        totalCount\n        nodes {\n          ...RunRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTest($input: CreateTestInput!) {\n    createTest(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTest($input: CreateTestInput!) {\n    createTest(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTest($id: ID!, $input: UpdateTestInput!) {\n    updateTest(id: $id, input: $input) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTest($id: ID!, $input: UpdateTestInput!) {\n    updateTest(id: $id, input: $input) {\n      id\n      title\n      description\n      type\n      priority\n      script\n      runner\n      tags {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTest($id: ID!) {\n    deleteTest(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTest($id: ID!) {\n    deleteTest(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tests($projectId: ID!, $filter: TestFilter) {\n    tests(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n        priority\n        updatedAt\n        lastRun {\n          id\n          status\n          createdAt\n          completedAt\n        }\n        tags {\n          id\n          name\n          color\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tests($projectId: ID!, $filter: TestFilter) {\n    tests(projectId: $projectId, first: 200, filter: $filter) {\n      totalCount\n      nodes {\n        id\n        title\n        type\n        priority\n        updatedAt\n        lastRun {\n          id\n          status\n          createdAt\n          completedAt\n        }\n        tags {\n          id\n          name\n          color\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;