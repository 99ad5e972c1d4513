import {
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  CheckSquareOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../auth/AuthProvider';

export interface NavItem {
  /** Path of the screen; also the menu key. */
  path: string;
  /** Key in the `nav` translations. */
  label: string;
  icon: ReactNode;
  /** Who sees it in the menu (the API still checks every request). */
  roles: Role[] | 'all';
}

const APPROVERS: Role[] = ['board_reviewer', 'board_member', 'finance'];
const READERS: Role[] = ['admin', 'unit_head', 'board_reviewer', 'board_member', 'finance'];

/** The menu, in the order people use it. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'home', icon: <HomeOutlined />, roles: 'all' },
  { path: '/approvals', label: 'approvals', icon: <CheckSquareOutlined />, roles: APPROVERS },
  { path: '/nominations/new', label: 'nominate', icon: <FileAddOutlined />, roles: ['unit_head'] },
  { path: '/nominations', label: 'nominations', icon: <FileTextOutlined />, roles: 'all' },
  {
    path: '/staff',
    label: 'staff',
    icon: <TeamOutlined />,
    roles: ['admin', 'unit_head', 'board_reviewer'],
  },
  {
    path: '/meeting',
    label: 'meeting',
    icon: <AuditOutlined />,
    roles: ['board_member', 'board_reviewer'],
  },
  { path: '/delegations', label: 'delegations', icon: <TeamOutlined />, roles: APPROVERS },
  { path: '/funds', label: 'funds', icon: <BankOutlined />, roles: ['finance', 'admin'] },
  { path: '/reports', label: 'reports', icon: <BarChartOutlined />, roles: READERS },
  { path: '/admin', label: 'admin', icon: <SettingOutlined />, roles: ['admin'] },
  { path: '/notifications', label: 'notifications', icon: <BellOutlined />, roles: 'all' },
];

export function visibleItems(hasRole: (...roles: Role[]) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles === 'all' || hasRole(...item.roles));
}

/** The menu entry a path belongs to (the longest matching prefix). */
export function selectedKey(pathname: string, items: NavItem[]): string | undefined {
  return items
    .filter((item) =>
      item.path === '/'
        ? pathname === '/'
        : pathname === item.path || pathname.startsWith(`${item.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
