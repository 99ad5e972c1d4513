import { accessDocs, accessErrors } from './access';
import { budgetDocs, budgetErrors } from './budget';
import { catalogDocs, catalogErrors } from './catalog';
import { commonDocs, commonErrors } from './common';
import type { ErrorDocs, ErrorMessage } from './entry';
import { httpDocs, httpErrors } from './http';
import { importsDocs, importsErrors } from './imports';
import { nominationsDocs, nominationsErrors } from './nominations';
import { notificationsDocs, notificationsErrors } from './notifications';
import { organizationDocs, organizationErrors } from './organization';
import { reportsDocs, reportsErrors } from './reports';

export type { ErrorDocs, ErrorEntry, ErrorMessage, FieldSection, ProblemStatus } from './entry';

/**
 * The one catalogue of error codes: for every code an answer can carry, top-level and
 * field-level, its HTTP status (top-level codes), what it means (docs/errors.md is
 * generated from it: `npm run docs:errors`) and what to tell a person in Vietnamese and in
 * English. The API fills its `detail` and `errors[].message` from it in the caller's
 * language; the web application shows the same words. Each context keeps its codes in a
 * file of its own, plain data without imports, so the server and the browser bundle both
 * read it; a code lives in one file only (a test checks), whoever else raises it.
 *
 * Messages speak to the people who use the product: what happened and, where they can,
 * what to do next. Codes that only a broken client can cause ask to reload and try again.
 * `{name}` stands for a detail the error carries (see fillMessage); a message whose
 * details are missing is not used.
 */
export const errorContexts = {
  http: httpErrors,
  common: commonErrors,
  access: accessErrors,
  organization: organizationErrors,
  imports: importsErrors,
  catalog: catalogErrors,
  budget: budgetErrors,
  nominations: nominationsErrors,
  notifications: notificationsErrors,
  reports: reportsErrors,
};

export const errorCatalogue = {
  ...httpErrors,
  ...commonErrors,
  ...accessErrors,
  ...organizationErrors,
  ...importsErrors,
  ...catalogErrors,
  ...budgetErrors,
  ...nominationsErrors,
  ...notificationsErrors,
  ...reportsErrors,
};

/** Every error code the product answers with; any other string fails to compile. */
export type ErrorCode = keyof typeof errorCatalogue;

/** The codes of one context, e.g. `ContextErrorCode<'budget'>`. */
export type ContextErrorCode<K extends keyof typeof errorContexts> =
  keyof (typeof errorContexts)[K];

/** The sections of docs/errors.md, in the order of `errorContexts`. */
export const errorDocs: Record<keyof typeof errorContexts, ErrorDocs> = {
  http: httpDocs,
  common: commonDocs,
  access: accessDocs,
  organization: organizationDocs,
  imports: importsDocs,
  catalog: catalogDocs,
  budget: budgetDocs,
  nominations: nominationsDocs,
  notifications: notificationsDocs,
  reports: reportsDocs,
};

/** The catalogue's words alone, as the web application and `messageFor` read them. */
export const errorMessages: Readonly<Record<ErrorCode, ErrorMessage>> = errorCatalogue;

/** Whether a code from outside (an answer, a field problem) is one of the catalogue. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorCatalogue, code);
}
