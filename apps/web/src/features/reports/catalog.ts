import type { Role } from '../../auth/AuthProvider';

export interface ReportEntry {
  key:
    | 'trainingSummary'
    | 'headline'
    | 'targets'
    | 'compliance'
    | 'workflow'
    | 'participations'
    | 'budgetUsage';
  path: string;
  /** Who is offered it (the API still scopes every figure to the caller). */
  roles: Role[] | 'all';
}

const READERS: Role[] = ['admin', 'unit_head', 'board_reviewer', 'board_member', 'finance'];

/** The reports, in the order people look for them. */
export const REPORTS: ReportEntry[] = [
  { key: 'headline', path: '/reports/training-headline', roles: READERS },
  { key: 'trainingSummary', path: '/reports/training-summary', roles: READERS },
  { key: 'targets', path: '/reports/targets', roles: READERS },
  { key: 'compliance', path: '/reports/compliance', roles: READERS },
  { key: 'workflow', path: '/reports/workflow-performance', roles: 'all' },
  { key: 'participations', path: '/reports/participations', roles: READERS },
  { key: 'budgetUsage', path: '/funds/usage', roles: ['admin', 'finance'] },
];
