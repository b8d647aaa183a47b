import { Button, Center, Stack, Text } from '@mantine/core';
import { Provider } from 'urql';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout';
import { Loading } from './components/States';
import { createSession } from './lib/client';
import { errorText } from './lib/errors';
import { MeQuery } from './lib/queries';
import { SessionContext, type Me, type SessionValue } from './lib/session';
import { Home } from './pages/Home';
import { SignIn, SignUp } from './pages/auth/SignIn';

// Pages past sign-in are loaded when first visited: the first load stays small.
const VerifyEmail = lazy(() => import('./pages/auth/Recovery').then((m) => ({ default: m.VerifyEmail })));
const ResetPassword = lazy(() => import('./pages/auth/Recovery').then((m) => ({ default: m.ResetPassword })));
const InvitationPage = lazy(() => import('./pages/organization/Invitation'));
const OrganizationRoutes = lazy(() => import('./pages/organization/OrganizationRoutes'));
const NewOrganization = lazy(() => import('./pages/organization/NewOrganization'));
const ProjectRoutes = lazy(() => import('./pages/project/ProjectRoutes'));
const AccountRoutes = lazy(() => import('./pages/account/AccountRoutes'));
const PlanAdmin = lazy(() => import('./pages/admin/plans/PlanAdmin'));
const GoTo = lazy(() => import('./pages/go/GoTo'));
const UserAdmin = lazy(() => import('./pages/admin/users/UserAdmin'));
const GraphiQLPage = lazy(() => import('./pages/graphiql/GraphiQLPage'));
const BillingRedirect = lazy(() => import('./pages/organization/billing/BillingPage').then((m) => ({ default: m.BillingRedirect })));

type Auth = { state: 'loading' } | { state: 'error'; message: string } | { state: 'out' } | { state: 'in'; me: Me };

export function App() {
  const [auth, setAuth] = useState<Auth>({ state: 'loading' });
  const signedInAs = auth.state === 'in' ? auth.me.id : null;
  const session = useMemo(() => createSession(signedInAs !== null), [signedInAs]);
  useEffect(() => () => session.dispose(), [session]);

  const load = useCallback(async () => {
    const result = await session.client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.error && !result.data) {
      setAuth({ state: 'error', message: errorText(result.error) });
      return;
    }
    const me = result.data?.me;
    setAuth(me ? { state: 'in', me } : { state: 'out' });
  }, [session]);

  useEffect(() => {
    if (auth.state === 'loading') void load();
  }, [auth.state, load]);

  const value: SessionValue = useMemo(
    () => ({
      session,
      me: auth.state === 'in' ? auth.me : null,
      signedIn: (me) => setAuth({ state: 'in', me }),
      signedOut: () => setAuth({ state: 'out' }),
      refreshMe: load,
    }),
    [session, auth, load],
  );

  if (auth.state === 'loading') return <Loading label="Starting Vigil…" />;
  if (auth.state === 'error') {
    return (
      <Center py="xl">
        <Stack align="center">
          <Text role="alert">Vigil could not be reached: {auth.message}</Text>
          <Button onClick={() => setAuth({ state: 'loading' })}>Try again</Button>
        </Stack>
      </Center>
    );
  }
  return (
    <SessionContext.Provider value={value}>
      <Provider value={session.client}>
        <Suspense fallback={<Loading />}>
          {auth.state === 'in' ? <SignedInRoutes /> : <SignedOutRoutes />}
        </Suspense>
      </Provider>
    </SessionContext.Provider>
  );
}

/** Pages anyone may open, signed in or not. */
const publicRoutes = [
  <Route key="verify" path="/verify-email" element={<VerifyEmail />} />,
  <Route key="reset" path="/reset-password" element={<ResetPassword />} />,
];

function SignedOutRoutes() {
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Routes>
      <Route path="/sign-in" element={<SignIn />} />
      <Route path="/sign-up" element={<SignUp />} />
      {publicRoutes}
      <Route path="*" element={<Navigate to={location.pathname === '/' ? '/sign-in' : `/sign-in?next=${next}`} replace />} />
    </Routes>
  );
}

function SignedInRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<AfterSignIn />} />
      <Route path="/sign-up" element={<AfterSignIn />} />
      {publicRoutes}
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="/invitations/:id" element={<InvitationPage />} />
        <Route path="/organizations/new" element={<NewOrganization />} />
        <Route path="/organizations/:orgId/*" element={<OrganizationRoutes />} />
        <Route path="/projects/:projectId/*" element={<ProjectRoutes />} />
        <Route path="/settings/*" element={<AccountRoutes />} />
        <Route path="/billing" element={<BillingRedirect />} />
        <Route path="/admin/plans/*" element={<PlanAdmin />} />
        <Route path="/admin/users" element={<UserAdmin />} />
        <Route path="/go/:kind/:id" element={<GoTo />} />
        <Route path="/graphiql" element={<GraphiQLPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

/** Back to where the visitor was going before signing in (only paths of this app). */
function AfterSignIn() {
  const location = useLocation();
  const next = new URLSearchParams(location.search).get('next');
  const safe = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return <Navigate to={safe} replace />;
}
