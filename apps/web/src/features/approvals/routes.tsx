import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const NominationPage = lazy(() => import('./NominationPage'));
const AwaitingPage = lazy(() => import('./AwaitingPage'));
const MeetingPage = lazy(() => import('./MeetingPage'));
const DelegationsPage = lazy(() => import('./DelegationsPage'));

/** The screens of this area, each loaded on first visit. */
export const routes: RouteObject[] = [
  { path: 'nominations/:id', element: <NominationPage /> },
  { path: 'approvals', element: <AwaitingPage /> },
  { path: 'meeting', element: <MeetingPage /> },
  { path: 'delegations', element: <DelegationsPage /> },
];
