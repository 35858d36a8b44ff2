import { LockOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Flex, Grid, Layout, Menu, Tooltip, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { Loading } from '../components/Loading.tsx';
import { useAuth, useMe } from './auth.tsx';
import { menuItemFor, visibleMenu } from './menu.tsx';

const { Header, Sider, Content } = Layout;

/** The side menu: only the registry entries the user may use; each entry is a real link (keyboard, new tab). */
function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const items = visibleMenu(can).map((item) => ({
    key: item.path,
    // Icons are decoration: hidden from screen readers so an entry reads "Đơn vị hành chính", not "apartment Đơn vị…".
    icon: <span aria-hidden>{item.icon}</span>,
    label: (
      <Link to={item.path} onClick={onNavigate}>
        {t(`menu.${item.key}.label`)}
      </Link>
    ),
  }));
  const selected = menuItemFor(pathname);
  return (
    <nav aria-label={t('nav.mainNav')}>
      <Menu mode="inline" items={items} selectedKeys={selected ? [selected.path] : []} style={{ borderInlineEnd: 0 }} />
    </nav>
  );
}

/** Logo and app name, a link home. */
function Brand({ short = false }: { short?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand">
      <img src="/favicon.svg" alt="" width={30} height={30} />
      <span className="brand-text">{short ? t('app.shortName') : t('app.name')}</span>
    </Link>
  );
}

/** Full name and role labels of the signed-in user. */
function UserInfo({ stacked }: { stacked?: boolean }) {
  const me = useMe();
  const { roleLabel } = useAuth();
  const roles = me.roles.map(roleLabel).join(', ');
  return (
    <div className={stacked ? 'user-info stacked' : 'user-info'} data-testid="user-info">
      <Typography.Text strong ellipsis>
        {me.fullName}
      </Typography.Text>
      {roles && (
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
          {roles}
        </Typography.Text>
      )}
    </div>
  );
}

/**
 * The frame of every signed-in page: a header across the top (app name, the user and their roles, language,
 * logout), the side menu below it (a drawer on phones), and the page itself.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const { logout, me } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const isMobile = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  useEffect(() => setDrawerOpen(false), [pathname]);

  const doLogout = async () => {
    await logout();
    message.success(t('nav.loggedOut'));
    navigate('/dang-nhap', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header className="app-header">
        <Flex align="center" gap={8} style={{ minWidth: 0, flex: 1 }}>
          {isMobile && <Button type="text" icon={<MenuOutlined aria-hidden />} aria-label={t('nav.openMenu')} aria-expanded={drawerOpen} onClick={() => setDrawerOpen(true)} />}
          <Brand short={isMobile} />
        </Flex>
        <Flex align="center" gap={isMobile ? 0 : 12} style={{ minWidth: 0 }}>
          {!isMobile && <UserInfo />}
          <LanguageSwitch compact={isMobile} />
          <Tooltip title={t('nav.changePassword')}>
            <Button type="text" icon={<LockOutlined aria-hidden />} aria-label={t('nav.changePassword')} onClick={() => navigate('/doi-mat-khau')} />
          </Tooltip>
          <Button type={isMobile ? 'text' : 'default'} icon={<LogoutOutlined aria-hidden />} onClick={() => void doLogout()} aria-label={t('nav.logout')}>
            {!isMobile && t('nav.logout')}
          </Button>
        </Flex>
      </Header>
      <Layout>
        {!isMobile && (
          <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={240} theme="light" className="app-sider">
            <NavMenu />
          </Sider>
        )}
        {isMobile && (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={280} title={<Brand />} styles={{ body: { padding: 0 } }}>
            {me && (
              <div style={{ padding: '12px 24px', borderBottom: '1px solid #f0f0f0' }}>
                <UserInfo stacked />
              </div>
            )}
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Content id="main" tabIndex={-1} className="app-content">
          <ErrorBoundary key={pathname}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
