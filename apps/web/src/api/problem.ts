/** An API error as the API sends it: application/problem+json with a stable `code`. */
export interface FieldProblem {
  field: string;
  code: string;
  message?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    readonly fields: FieldProblem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }

  get notFound(): boolean {
    return this.status === 404;
  }

  get conflict(): boolean {
    return this.status === 409;
  }
}

/** Builds an ApiError from whatever an error response carried. */
export function toApiError(status: number, body: unknown): ApiError {
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const code = typeof problem.code === 'string' ? problem.code : `HTTP_${status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  const raw = Array.isArray(problem.errors) ? problem.errors : [];
  const fields = raw
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      field: String(e.field ?? e.path ?? ''),
      code: String(e.code ?? 'INVALID'),
      message: typeof e.message === 'string' ? e.message : undefined,
    }));
  return new ApiError(status, code, detail, fields, problem);
}
