import type { RouteObject } from 'react-router';

/** The screens of this area, each loaded on first visit. */
export const routes: RouteObject[] = [];
