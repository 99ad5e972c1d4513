import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { ADMIN_SCREENS } from './screens';

const AdminLayout = lazy(() => import('./AdminLayout'));
const AdminIndexPage = lazy(() => import('./AdminIndexPage'));

/** The screens of this area, each loaded on first visit. */
export const routes: RouteObject[] = [
  {
    path: 'admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminIndexPage /> },
      ...ADMIN_SCREENS.map((screen) => ({ path: screen.path, element: <screen.Page /> })),
    ],
  },
];
