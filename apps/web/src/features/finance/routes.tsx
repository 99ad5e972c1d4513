import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const FundsPage = lazy(() => import('./FundsPage'));
const FundPage = lazy(() => import('./FundPage'));
const ThresholdEventsPage = lazy(() => import('./ThresholdEventsPage'));
const UsagePage = lazy(() => import('./UsagePage'));
const ReconciliationPage = lazy(() => import('./ReconciliationPage'));

/** The screens of this area, each loaded on first visit. /funds/:id is linked from emails. */
export const routes: RouteObject[] = [
  { path: 'funds', element: <FundsPage /> },
  { path: 'funds/threshold-events', element: <ThresholdEventsPage /> },
  { path: 'funds/usage', element: <UsagePage /> },
  { path: 'funds/reconciliation', element: <ReconciliationPage /> },
  { path: 'funds/:id', element: <FundPage /> },
];
