import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const InboxPage = lazy(() => import('./InboxPage'));
const SettingsPage = lazy(() => import('./SettingsPage'));

export const routes: RouteObject[] = [
  { path: 'notifications', element: <InboxPage /> },
  { path: 'settings', element: <SettingsPage /> },
];
