// Route table. Pages are lazy-loaded so each becomes its own chunk; which routes exist depends on the session.
import { Button, Result, Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './auth/AuthContext.tsx';
import { takeLoginShell } from './auth/login-shell.ts';
import { OrgsProvider } from './components/OrgsContext.tsx';
import { PageFallback } from './components/PageFallback.tsx';
import type { Permission } from './types.ts';

// The signed-in frame (menu, header, notifications) is a chunk of its own: the sign-in form does not wait for it.
const AppLayout = lazy(() => import('./components/AppLayout.tsx').then((m) => ({ default: m.AppLayout })));
// Lazy like every page: fetching it eagerly would start the sign-in form sooner but put its ~15 KB on the home
// page of every signed-in visit, past the 400 KB budget (scripts/bundle-size.ts).
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const OrgsPage = lazy(() => import('./pages/OrgsPage.tsx'));
const UsersPage = lazy(() => import('./pages/UsersPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const PasswordPage = lazy(() => import('./pages/PasswordPage.tsx'));
const MattersPage = lazy(() => import('./pages/MattersPage.tsx'));
const MatterPage = lazy(() => import('./pages/MatterPage.tsx'));
const PartyPage = lazy(() => import('./pages/PartyPage.tsx'));
const DeadlinesPage = lazy(() => import('./pages/DeadlinesPage.tsx'));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx'));
const PeriodPage = lazy(() => import('./pages/PeriodPage.tsx'));
const RulesPage = lazy(() => import('./pages/RulesPage.tsx'));
// The mediation line's registries: loaded only when opened.
const MediationRegistryPage = lazy(() => import('./pages/MediationRegistryPage.tsx'));
// The supervision line's evaluation, risk and registries: loaded only when opened.
const SupervisionPage = lazy(() => import('./pages/SupervisionPage.tsx'));
// The legality review line's reviewers and catalogue: loaded only when opened.
const LegalityReviewRegistryPage = lazy(() => import('./pages/LegalityReviewRegistryPage.tsx'));
const ReconsiderationStaffPage = lazy(() => import('./pages/ReconsiderationStaffPage.tsx'));
// The business-environment registers (法护营商): loaded only when opened.
const BusinessServicesPage = lazy(() => import('./pages/BusinessServicesPage.tsx'));
// The legal-aid line's station network and 15-minute circle: loaded only when opened.
const LegalServicesPage = lazy(() => import('./pages/LegalServicesPage.tsx'));
const CalendarAdminPage = lazy(() => import('./pages/CalendarAdminPage.tsx'));
const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx'));
const IndicatorsPage = lazy(() => import('./pages/IndicatorsPage.tsx'));
// ECharts rides in this page's chunk only (echarts/core + the bar chart), so other pages never load it.
const IndicatorPage = lazy(() => import('./pages/IndicatorPage.tsx'));
const ReportsPage = lazy(() => import('./pages/ReportsPage.tsx'));
const AnnualReportPage = lazy(() => import('./pages/AnnualReportPage.tsx'));
// 领导驾驶舱: ECharts is imported by its charts only once they mount, so not even this page's chunk carries it.
const DashboardPage = lazy(() => import('./pages/DashboardPage.tsx'));

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFound')}
      extra={<Button onClick={() => navigate('/')}>{t('error.backHome')}</Button>}
    />
  );
}

/** The server refuses anyway; this only avoids showing a page whose every request would fail. */
function Need({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return can(permission) ? children : <Result status="403" title="403" subTitle={t('error.forbidden')} />;
}

function ToLogin() {
  const location = useLocation();
  const { notice } = useAuth();
  // After a deliberate sign-out the next person should start at home, not on the last user's page.
  const keep = !(notice && 'key' in notice && notice.key === 'login.loggedOut');
  return <Navigate to="/login" replace state={keep ? { from: location.pathname + location.search } : null} />;
}

function AfterLogin() {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
}

function AppRoutes() {
  const { status, me } = useAuth();
  // Signed in after all (the plain sign-in form is served by the cookie's absence alone): it goes.
  useEffect(() => {
    if (me) takeLoginShell();
  }, [me]);
  if (status === 'loading') {
    return (
      <div className="full-center">
        <Spin size="large" />
      </div>
    );
  }
  if (!me) {
    return (
      <Suspense fallback={<PageFallback />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<ToLogin />} />
        </Routes>
      </Suspense>
    );
  }
  if (me.mustChangePassword) {
    // Nothing else is reachable until the initial or reset password is replaced.
    return (
      <Suspense fallback={<PageFallback />}>
        <Routes>
          <Route path="*" element={<PasswordPage forced />} />
        </Routes>
      </Suspense>
    );
  }
  return (
    <OrgsProvider>
      <Suspense fallback={<PageFallback />}>
        <Routes>
          <Route path="/login" element={<AfterLogin />} />
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route
              path="orgs"
              element={
                <Need permission="org.read">
                  <OrgsPage />
                </Need>
              }
            />
            <Route
              path="users"
              element={
                <Need permission="user.read">
                  <UsersPage />
                </Need>
              }
            />
            <Route
              path="audit"
              element={
                <Need permission="audit.read">
                  <AuditPage />
                </Need>
              }
            />
            <Route
              path="matters"
              element={
                <Need permission="matter.read">
                  <MattersPage />
                </Need>
              }
            />
            <Route
              path="matters/:id"
              element={
                <Need permission="matter.read">
                  <MatterPage />
                </Need>
              }
            />
            <Route
              path="parties/:id"
              element={
                <Need permission="matter.read">
                  <PartyPage />
                </Need>
              }
            />
            <Route
              path="deadlines"
              element={
                <Need permission="matter.read">
                  <DeadlinesPage />
                </Need>
              }
            />
            <Route
              path="imports"
              element={
                <Need permission="matter.write">
                  <ImportPage />
                </Need>
              }
            />
            <Route
              path="dashboard"
              element={
                <Need permission="report.read">
                  <DashboardPage />
                </Need>
              }
            />
            <Route
              path="indicators"
              element={
                <Need permission="report.read">
                  <IndicatorsPage />
                </Need>
              }
            />
            <Route
              path="indicators/:id"
              element={
                <Need permission="report.read">
                  <IndicatorPage />
                </Need>
              }
            />
            <Route
              path="reports"
              element={
                <Need permission="report.read">
                  <ReportsPage />
                </Need>
              }
            />
            <Route
              path="annual-report"
              element={
                <Need permission="report.read">
                  <AnnualReportPage />
                </Need>
              }
            />
            <Route path="tools/period" element={<PeriodPage />} />
            <Route path="rules" element={<RulesPage />} />
            <Route
              path="mediation/registry"
              element={
                <Need permission="org.read">
                  <MediationRegistryPage />
                </Need>
              }
            />
            <Route
              path="supervision"
              element={
                <Need permission="report.read">
                  <SupervisionPage />
                </Need>
              }
            />
            <Route
              path="legality-review/registry"
              element={
                <Need permission="org.read">
                  <LegalityReviewRegistryPage />
                </Need>
              }
            />
            <Route
              path="reconsideration/staff"
              element={
                <Need permission="org.read">
                  <ReconsiderationStaffPage />
                </Need>
              }
            />
            <Route
              path="business"
              element={
                <Need permission="org.read">
                  <BusinessServicesPage />
                </Need>
              }
            />
            <Route
              path="legal-services"
              element={
                <Need permission="report.read">
                  <LegalServicesPage />
                </Need>
              }
            />
            <Route
              path="admin/calendar"
              element={
                <Need permission="calendar.manage">
                  <CalendarAdminPage />
                </Need>
              }
            />
            <Route
              path="admin/profile"
              element={
                <Need permission="profile.manage">
                  <ProfilePage />
                </Need>
              }
            />
            <Route path="password" element={<PasswordPage />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </OrgsProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
