interface Closable {
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: close the application (stop taking work, let in-flight requests
 * and jobs finish, close Postgres and Redis) and exit 0. If that takes longer than
 * `timeoutMs`, exit 1 so an orchestrator never waits forever.
 */
export function installGracefulShutdown(
  app: Closable,
  options: { timeoutMs: number; log: (message: string) => void; afterClose?: () => Promise<void> },
): void {
  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    options.log(`${signal} received: shutting down`);
    const deadline = setTimeout(() => {
      process.stderr.write(`Shutdown did not finish within ${options.timeoutMs} ms; exiting\n`);
      process.exit(1);
    }, options.timeoutMs);
    deadline.unref();
    app
      .close()
      .then(() => options.afterClose?.())
      .then(
        () => {
          options.log('Shutdown complete');
          process.exit(0);
        },
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${(error as Error)?.stack ?? error}\n`);
          process.exit(1);
        },
      );
  };
  // `on`, not `once`: a second signal (Ctrl-C reaches every process of the group, and
  // `npm start` forwards it too) must not kill the process halfway through closing.
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
