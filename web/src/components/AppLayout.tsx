// Signed-in frame: header (product name, user, language, password, sign-out) and a permission-filtered menu.
// Below 768 px (phones) the menu moves into a drawer opened from the header, and the header keeps only the
// emblem, the bell, the language and 退出登录 with their icons, so it fits a 390 px screen.
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  HomeOutlined,
  ImportOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext.tsx';
import type { Permission, Role } from '../types.ts';
import { CalendarBanner } from './CalendarBanner.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLabels } from './labels.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { useOrgs } from './OrgsContext.tsx';
import { bureauName } from './orgTree.tsx';
import { PageFallback } from './PageFallback.tsx';

// Only phones open the menu as a drawer: desktops never download it.
const MenuDrawer = lazy(() => import('./MenuDrawer.tsx'));

interface MenuEntry {
  path: string;
  key: string;
  icon: React.ReactNode;
  needs?: Permission;
  /** Shown only to holders of one of these roles (the leaders' dashboard: leaders and administrators). */
  roles?: Role[];
}

// Only pages that exist are listed; each is shown when the user holds the permission its API needs.
const entries: MenuEntry[] = [
  { path: '/', key: 'home', icon: <HomeOutlined /> },
  {
    path: '/dashboard',
    key: 'dashboard',
    icon: <DashboardOutlined />,
    needs: 'report.read',
    roles: ['leader', 'admin'],
  },
  { path: '/matters', key: 'matters', icon: <FolderOpenOutlined />, needs: 'matter.read' },
  { path: '/deadlines', key: 'deadlines', icon: <ClockCircleOutlined />, needs: 'matter.read' },
  { path: '/imports', key: 'imports', icon: <ImportOutlined />, needs: 'matter.write' },
  { path: '/indicators', key: 'indicators', icon: <BarChartOutlined />, needs: 'report.read' },
  { path: '/reports', key: 'reports', icon: <FileTextOutlined />, needs: 'report.read' },
  { path: '/annual-report', key: 'annualReport', icon: <FileTextOutlined />, needs: 'report.read' },
  { path: '/tools/period', key: 'period', icon: <CalculatorOutlined /> },
  { path: '/rules', key: 'rules', icon: <FileSearchOutlined /> },
  { path: '/admin/calendar', key: 'calendar', icon: <CalendarOutlined />, needs: 'calendar.manage' },
  { path: '/admin/profile', key: 'profile', icon: <BankOutlined />, needs: 'profile.manage' },
  { path: '/mediation/registry', key: 'mediation', icon: <TeamOutlined />, needs: 'org.read' },
  { path: '/supervision', key: 'supervision', icon: <SafetyCertificateOutlined />, needs: 'report.read' },
  { path: '/legality-review/registry', key: 'legalityReview', icon: <TeamOutlined />, needs: 'org.read' },
  { path: '/reconsideration/staff', key: 'reconStaff', icon: <TeamOutlined />, needs: 'org.read' },
  { path: '/business', key: 'business', icon: <ShopOutlined />, needs: 'org.read' },
  { path: '/legal-services', key: 'legalServices', icon: <EnvironmentOutlined />, needs: 'report.read' },
  { path: '/orgs', key: 'orgs', icon: <ApartmentOutlined />, needs: 'org.read' },
  { path: '/users', key: 'users', icon: <TeamOutlined />, needs: 'user.read' },
  { path: '/audit', key: 'audit', icon: <AuditOutlined />, needs: 'audit.read' },
];

export function useProductTitle(): string {
  const { t } = useTranslation();
  const { orgs } = useOrgs();
  return t('app.title', { bureau: bureauName(orgs) ?? t('app.genericBureau') });
}

export function AppLayout() {
  const { t } = useTranslation();
  const { me, can, logout } = useAuth();
  const labels = useLabels();
  const location = useLocation();
  const navigate = useNavigate();
  const title = useProductTitle();
  // Before the first measurement useBreakpoint() is empty: the wide layout is assumed until then.
  const compact = Grid.useBreakpoint().md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  // A page chosen in the drawer closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => setMenuOpen(false), [location.pathname]);
  if (!me) return null;

  const visible = entries.filter(
    (e) => (!e.needs || can(e.needs)) && (!e.roles || me.memberships.some((m) => e.roles?.includes(m.role))),
  );
  const selected = visible
    .filter((e) => (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)))
    .map((e) => e.key);
  const roleText = [...new Set(me.memberships.map((m) => labels.role(m.role)))].join(t('common.listSep'));

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      style={{ borderInlineEnd: 0 }}
      items={visible.map((e) => ({
        key: e.key,
        icon: e.icon,
        label: (
          <Link to={e.path} data-testid={`menu-${e.key}`}>
            {t(`menu.${e.key}`)}
          </Link>
        ),
      }))}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }} className={compact ? 'app-compact' : undefined}>
      <Layout.Header className="app-header">
        {compact && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            className="app-header-btn app-menu-toggle"
            aria-label={t('header.menu')}
            onClick={() => setMenuOpen(true)}
            data-testid="menu-toggle"
          />
        )}
        <Link to="/" className="app-brand">
          <span className="app-emblem">{t('app.emblem')}</span>
          <span className="app-title">{title}</span>
        </Link>
        <Space size={compact ? 4 : 16} className="app-header-right">
          <span className="app-user" data-testid="header-user">
            <UserOutlined /> {me.displayName}
            {roleText && <span className="app-role">{roleText}</span>}
          </span>
          <NotificationBell />
          <LanguageSwitch />
          <Button
            type="text"
            size="small"
            icon={<LockOutlined />}
            className="app-header-btn"
            onClick={() => navigate('/password')}
            aria-label={t('header.changePassword')}
            title={t('header.changePassword')}
            data-testid="change-password"
          >
            {!compact && t('header.changePassword')}
          </Button>
          <Button
            type="text"
            size="small"
            icon={<LogoutOutlined />}
            className="app-header-btn"
            onClick={() => void logout()}
            data-testid="logout"
          >
            {t('header.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {compact ? (
          <Suspense fallback={null}>
            <MenuDrawer
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
              title={
                // The header has no room for the user's name on a phone: the drawer shows it.
                <span data-testid="drawer-user">
                  <UserOutlined /> {me.displayName}
                  {roleText && <span className="app-role-dark">{roleText}</span>}
                </span>
              }
            >
              {menu}
            </MenuDrawer>
          </Suspense>
        ) : (
          <Layout.Sider width={200} theme="light" className="app-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <DemoBanner />
          <CalendarBanner />
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
          <Typography.Text type="secondary" className="app-footer">
            {t('app.copyright')}
          </Typography.Text>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
