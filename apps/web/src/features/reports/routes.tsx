import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const ReportsIndexPage = lazy(() => import('./ReportsIndexPage'));
const TrainingSummaryPage = lazy(() => import('./TrainingSummaryPage'));
const HeadlinePage = lazy(() => import('./HeadlinePage'));
const TargetsPage = lazy(() => import('./TargetsPage'));
const CompliancePage = lazy(() => import('./CompliancePage'));
const WorkflowPage = lazy(() => import('./WorkflowPage'));
const ParticipationsPage = lazy(() => import('./ParticipationsPage'));

/** The screens of this area, each loaded on first visit. */
export const routes: RouteObject[] = [
  { path: 'reports', element: <ReportsIndexPage /> },
  { path: 'reports/training-summary', element: <TrainingSummaryPage /> },
  { path: 'reports/training-headline', element: <HeadlinePage /> },
  { path: 'reports/targets', element: <TargetsPage /> },
  { path: 'reports/compliance', element: <CompliancePage /> },
  { path: 'reports/workflow-performance', element: <WorkflowPage /> },
  { path: 'reports/participations', element: <ParticipationsPage /> },
];
