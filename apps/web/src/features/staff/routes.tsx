import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const StaffSearchPage = lazy(() => import('./StaffSearchPage'));
const StaffRecordPage = lazy(() => import('./StaffRecordPage'));

/** The screens of this area, each loaded on first visit. */
export const routes: RouteObject[] = [
  { path: 'staff', element: <StaffSearchPage /> },
  { path: 'staff/:id', element: <StaffRecordPage /> },
];
