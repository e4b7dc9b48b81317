import { useQuery } from '@apollo/client/react';
import { lazy, ReactNode, Suspense, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { ViewerDocument } from '../gql/graphql';
import { changeLanguage, isUiLanguage } from '../i18n/i18n';
import { LoginPage } from '../auth/LoginPage';
import { Layout } from './Layout';
import { rememberReturnTo } from './return-to';
import { getToken, subscribeSession } from './session';
import { ErrorMessage, Loading } from './ui';
import { homeOf, ViewerContext } from './viewer';

/*
 * The portal's routes. The login screen comes with the first download; every other screen is its
 * own chunk, loaded when it is first opened (the first screen stays small). Paths match the links
 * the server's mails carry (/invitation, /reset-password, /week/<week>, /approvals, /messages/<id>).
 */
const ForgotPasswordPage = lazy(() => import('../auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../auth/ResetPasswordPage'));
const InvitationPage = lazy(() => import('../auth/InvitationPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));
const ApiOnlyPage = lazy(() => import('../settings/ApiOnlyPage'));
const WeekPage = lazy(() => import('../worker/week/WeekPage'));
const TimesheetPage = lazy(() => import('../worker/week/TimesheetPage'));
const DeclarationsPage = lazy(() => import('../worker/tabs/DeclarationsPage'));
const PayslipsPage = lazy(() => import('../worker/tabs/PayslipsPage'));
const AnnualStatementsPage = lazy(() => import('../worker/tabs/AnnualStatementsPage'));
const InformationPage = lazy(() => import('../worker/tabs/InformationPage'));
const MessagesPage = lazy(() => import('../worker/tabs/MessagesPage'));
const SigningPage = lazy(() => import('../worker/tabs/SigningPage'));
const ApprovalsPage = lazy(() => import('../contact/ApprovalsPage'));
const EntryPage = lazy(() => import('../contact/EntryPage'));
const OverviewPage = lazy(() => import('../staff/OverviewPage'));
const StaffTimesheetPage = lazy(() => import('../staff/StaffTimesheetPage'));
const ChangeRequestsPage = lazy(() => import('../staff/ChangeRequestsPage'));
const StaffMessagesPage = lazy(() => import('../staff/StaffMessagesPage'));

export function App() {
  const token = useSyncExternalStore(subscribeSession, getToken);
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/login" component={LoginPage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
        <Route path="/reset-password" component={ResetPasswordPage} />
        <Route path="/invitation" component={InvitationPage} />
        <Route>{token ? <LoggedIn /> : <ToLogin />}</Route>
      </Switch>
    </Suspense>
  );
}

function ToLogin() {
  const [location] = useLocation();
  if (location !== '/') rememberReturnTo(location + window.location.search);
  return <Redirect to="/login" replace />;
}

function LoggedIn() {
  const { data, error, loading } = useQuery(ViewerDocument, { fetchPolicy: 'cache-first' });
  const { t } = useTranslation('common');
  const language = data?.viewer.language.toLowerCase();
  useEffect(() => {
    if (isUiLanguage(language)) void changeLanguage(language);
  }, [language]);
  if (error && !data) {
    return (
      <main id="main" className="page">
        <h1>{t('error.title')}</h1>
        <ErrorMessage error={error} />
      </main>
    );
  }
  if (loading || !data) return <Loading />;
  const viewer = data.viewer;
  return (
    <ViewerContext.Provider value={viewer}>
      <Layout>
        <Suspense fallback={<Loading />}>
          <RoleRoutes role={viewer.role} home={homeOf(viewer)} />
        </Suspense>
      </Layout>
    </ViewerContext.Provider>
  );
}

function RoleRoutes(props: { role: string; home: string }) {
  const routes: ReactNode[] = [];
  const add = (path: string, component: React.ComponentType) => routes.push(<Route key={path} path={path} component={component} />);
  if (props.role === 'FLEXWORKER') {
    add('/week', WeekPage);
    add('/week/:week', WeekPage);
    add('/timesheets/:id', TimesheetPage);
    add('/declarations', DeclarationsPage);
    add('/declarations/:id', DeclarationsPage);
    add('/payslips', PayslipsPage);
    add('/annual-statements', AnnualStatementsPage);
    add('/information', InformationPage);
    add('/messages', MessagesPage);
    add('/messages/:id', MessagesPage);
    add('/signing', SigningPage);
    add('/signing/:id', SigningPage);
  } else if (props.role === 'RELATION_CONTACT') {
    add('/approvals', ApprovalsPage);
    add('/approvals/:id', ApprovalsPage);
    add('/entry', EntryPage);
    add('/timesheets/:id', TimesheetPage);
    add('/messages', MessagesPage);
    add('/messages/:id', MessagesPage);
  } else if (props.role === 'AGENCY_STAFF') {
    add('/overview', OverviewPage);
    add('/overview/:id', StaffTimesheetPage);
    add('/change-requests', ChangeRequestsPage);
    add('/messages', StaffMessagesPage);
    add('/messages/:id', StaffMessagesPage);
  } else {
    add('/api-only', ApiOnlyPage);
  }
  add('/settings', SettingsPage);
  return (
    <Switch>
      {routes}
      <Route>
        <Redirect to={props.home} replace />
      </Route>
    </Switch>
  );
}
