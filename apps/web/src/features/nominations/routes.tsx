import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const NominationsListPage = lazy(() => import('./NominationsListPage'));
const NominatePage = lazy(() => import('./NominatePage'));
const EditNominationPage = lazy(() => import('./EditNominationPage'));

/** The screens of this area, each loaded on first visit. (/nominations/:id is the approvals area's.) */
export const routes: RouteObject[] = [
  { path: 'nominations', element: <NominationsListPage /> },
  { path: 'nominations/new', element: <NominatePage /> },
  { path: 'nominations/:id/edit', element: <EditNominationPage /> },
];
