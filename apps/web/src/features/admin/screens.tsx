import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  FlagOutlined,
  IdcardOutlined,
  MailOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';

export interface AdminScreen {
  /** Under /admin/. */
  path: string;
  /** Key under `screens.` in the admin translations (title and description). */
  key: string;
  group: 'people' | 'organization' | 'catalog' | 'money' | 'operations';
  icon: ReactNode;
  Page: ComponentType;
}

/** Every administration screen, in the order of the sub-navigation and the index. */
export const ADMIN_SCREENS: AdminScreen[] = [
  {
    path: 'users',
    key: 'users',
    group: 'people',
    icon: <UserOutlined />,
    Page: lazy(() => import('./UsersPage')),
  },
  {
    path: 'units',
    key: 'units',
    group: 'organization',
    icon: <ApartmentOutlined />,
    Page: lazy(() => import('./UnitsPage')),
  },
  {
    path: 'tiers',
    key: 'tiers',
    group: 'organization',
    icon: <OrderedListOutlined />,
    Page: lazy(() => import('./TiersPage')),
  },
  {
    path: 'authorities',
    key: 'authorities',
    group: 'organization',
    icon: <SafetyCertificateOutlined />,
    Page: lazy(() => import('./AuthoritiesPage')),
  },
  {
    path: 'positions',
    key: 'positions',
    group: 'organization',
    icon: <IdcardOutlined />,
    Page: lazy(() => import('./PositionsPage')),
  },
  {
    path: 'imports',
    key: 'imports',
    group: 'organization',
    icon: <CloudUploadOutlined />,
    Page: lazy(() => import('./ImportsPage')),
  },
  {
    path: 'providers',
    key: 'providers',
    group: 'catalog',
    icon: <ShopOutlined />,
    Page: lazy(() => import('./ProvidersPage')),
  },
  {
    path: 'programs',
    key: 'programs',
    group: 'catalog',
    icon: <BookOutlined />,
    Page: lazy(() => import('./ProgramsPage')),
  },
  {
    path: 'intakes',
    key: 'intakes',
    group: 'catalog',
    icon: <CalendarOutlined />,
    Page: lazy(() => import('./IntakesPage')),
  },
  {
    path: 'eligibility',
    key: 'eligibility',
    group: 'catalog',
    icon: <SolutionOutlined />,
    Page: lazy(() => import('./EligibilityPage')),
  },
  {
    path: 'policies',
    key: 'policies',
    group: 'catalog',
    icon: <NodeIndexOutlined />,
    Page: lazy(() => import('./PoliciesPage')),
  },
  {
    path: 'funds',
    key: 'funds',
    group: 'money',
    icon: <BankOutlined />,
    Page: lazy(() => import('./FundsPage')),
  },
  {
    path: 'targets',
    key: 'targets',
    group: 'money',
    icon: <FlagOutlined />,
    Page: lazy(() => import('./TargetsPage')),
  },
  {
    path: 'deliveries',
    key: 'deliveries',
    group: 'operations',
    icon: <MailOutlined />,
    Page: lazy(() => import('./DeliveriesPage')),
  },
  {
    path: 'audit',
    key: 'audit',
    group: 'operations',
    icon: <AuditOutlined />,
    Page: lazy(() => import('./AuditPage')),
  },
];
