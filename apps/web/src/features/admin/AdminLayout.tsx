import { AppstoreOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { NotFound } from '../../components/NotFound';
import { PageSkeleton } from '../../components/PageSkeleton';
import { ADMIN_SCREENS, type AdminScreen } from './screens';
import './i18n';
import './admin.css';

const GROUPS: AdminScreen['group'][] = ['people', 'organization', 'catalog', 'money', 'operations'];

/** The administration area: its own menu of screens above each screen. */
export default function AdminLayout() {
  const { t } = useTranslation('admin');
  const { hasRole } = useAuth();
  const location = useLocation();
  if (!hasRole('admin')) return <NotFound />;
  const current = location.pathname.replace(/^\/admin\/?/, '').split('/')[0] || 'index';
  const items = [
    {
      key: 'index',
      icon: <AppstoreOutlined />,
      label: <Link to="/admin">{t('index.title')}</Link>,
    },
    ...GROUPS.map((group) => ({
      key: `group-${group}`,
      label: t(`groups.${group}`),
      children: ADMIN_SCREENS.filter((s) => s.group === group).map((screen) => ({
        key: screen.path,
        icon: screen.icon,
        label: <Link to={`/admin/${screen.path}`}>{t(`screens.${screen.key}.title`)}</Link>,
      })),
    })),
  ];
  return (
    <>
      <nav aria-label={t('subnav')} className="tn-admin-nav">
        <Menu mode="horizontal" selectedKeys={[current]} items={items} />
      </nav>
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </>
  );
}
