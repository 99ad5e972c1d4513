/** A backing service that does not answer at start-up. */
export class ServiceUnreachableError extends Error {
  constructor(
    readonly service: string,
    readonly variable: string,
    readonly target: string,
    cause: unknown,
  ) {
    super(`Cannot reach ${service} at ${target} (${variable}): ${describeCause(cause)}`);
    this.name = 'ServiceUnreachableError';
  }
}

/** A backing service that answers but is set up in a way the system must not run on. */
export class UnsafeServiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeServiceError';
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof AggregateError && cause.errors.length) return describeCause(cause.errors[0]);
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    return code && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}

/** Rejects when `promise` does not settle within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs an entry point. Expected start-up failures (a bad variable, a server that does not
 * answer) print one line and exit 1 instead of a stack trace or a retry loop.
 */
export function runEntryPoint(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    const message = (error as Error)?.message;
    const line =
      error instanceof ServiceUnreachableError || error instanceof UnsafeServiceError
        ? message
        : (error as Error)?.name === 'ConfigError'
          ? `Configuration error: ${message}`
          : `Fatal: ${(error as Error)?.stack ?? error}`;
    process.stderr.write(`${line}\n`);
    process.exit(1);
  });
}
