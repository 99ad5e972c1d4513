import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const StaffSearchPage = lazy(() => import('./StaffSearchPage'));
const StaffRecordPage = lazy(() => import('./StaffRecordPage'));
const StandardGapsPage = lazy(() => import('./StandardGapsPage'));

/** The screens of this area, each loaded on first visit. */
export const routes: RouteObject[] = [
  { path: 'staff', element: <StaffSearchPage /> },
  { path: 'staff/standard-gaps', element: <StandardGapsPage /> },
  { path: 'staff/:id', element: <StaffRecordPage /> },
];
