import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { NotFound } from './components/NotFound';
import { routes as adminRoutes } from './features/admin/routes';
import { routes as approvalRoutes } from './features/approvals/routes';
import { routes as financeRoutes } from './features/finance/routes';
import { routes as nominationRoutes } from './features/nominations/routes';
import { routes as notificationRoutes } from './features/notifications/routes';
import { routes as reportRoutes } from './features/reports/routes';
import { routes as staffRoutes } from './features/staff/routes';
import { AppLayout } from './layout/AppLayout';

const LoginPage = lazy(() => import('./auth/LoginPage'));
const InvitationPage = lazy(() => import('./auth/InvitationPage'));
const HomePage = lazy(() => import('./features/home/HomePage'));

/**
 * Every address of the app. Paths that emails link to (/nominations/:id, /funds/:id,
 * /invitation/:token) must stay stable. Each area owns its routes; each screen is a separate chunk.
 */
export const appRoutes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  // Public: the link of an invitation email (the token is the credential).
  { path: '/invitation/:token', element: <InvitationPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      ...nominationRoutes,
      ...approvalRoutes,
      ...staffRoutes,
      ...financeRoutes,
      ...reportRoutes,
      ...adminRoutes,
      ...notificationRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];
