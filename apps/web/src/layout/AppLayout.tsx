import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Segmented, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { logout } from '../auth/session';
import { currentLanguage, setLanguage, type Language } from '../i18n';
import { useKeyboardReachableTables } from '../components/keyboard-scroll';
import { PageSkeleton } from '../components/PageSkeleton';
import { selectedKey, visibleItems } from './navigation';
import { NotificationBell } from './NotificationBell';
import './i18n';

/** The shell around every signed-in screen: menu, bell, language and account. */
export function AppLayout() {
  useKeyboardReachableTables();
  const { t } = useTranslation();
  const { profile, hasRole } = useAuth();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const phone = !screens.lg;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = visibleItems(hasRole);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selectedKey(location.pathname, items) ?? '']}
      onClick={() => setDrawerOpen(false)}
      items={items.map((item) => ({
        key: item.path,
        icon: item.icon,
        label: <Link to={item.path}>{t(`nav.${item.label}`)}</Link>,
      }))}
    />
  );
  const roleNames = [...new Set(profile?.roles.map((r) => t(`roles.${r.role}`)))].join(', ');

  return (
    <Layout className="tn-shell">
      <a href="#main" className="tn-skip-link">
        {t('shell:skipToContent')}
      </a>
      {!phone && (
        <Layout.Sider width={232} theme="light" className="tn-sider">
          <Link to="/" className="tn-brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('app.name')}</span>
          </Link>
          <nav aria-label={t('shell:mainMenu')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="tn-header">
          <Space>
            {phone && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('shell:menu')}
                onClick={() => setDrawerOpen(true)}
              />
            )}
            {phone && (
              <Link to="/" className="tn-brand tn-brand-inline">
                <img src="/favicon.svg" alt="" width={24} height={24} />
                <span>{t('app.name')}</span>
              </Link>
            )}
          </Space>
          <Space size={phone ? 4 : 12}>
            <Segmented<Language>
              size="small"
              aria-label={t('common.language')}
              value={currentLanguage()}
              options={[
                { label: 'VI', value: 'vi' },
                { label: 'EN', value: 'en' },
              ]}
              onChange={(value) => void setLanguage(value)}
            />
            <NotificationBell />
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'who',
                    disabled: true,
                    label: (
                      <div>
                        <div>{profile?.displayName}</div>
                        <Typography.Text type="secondary">{roleNames}</Typography.Text>
                      </div>
                    ),
                  },
                  { type: 'divider' },
                  { key: 'settings', label: <Link to="/settings">{t('nav.settings')}</Link> },
                  {
                    key: 'logout',
                    icon: <LogoutOutlined />,
                    label: t('auth.signOut'),
                    onClick: () => void logout(),
                  },
                ],
              }}
            >
              <Button
                type="text"
                icon={<UserOutlined />}
                aria-label={
                  phone || !profile
                    ? t('auth.profile')
                    : `${profile.displayName} (${t('auth.profile')})`
                }
              >
                {!phone && profile?.displayName}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="tn-content">
          <main id="main" tabIndex={-1}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={272}
          title={t('app.name')}
        >
          <nav aria-label={t('shell:mainMenu')}>{menu}</nav>
        </Drawer>
      )}
    </Layout>
  );
}
