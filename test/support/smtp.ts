import type { AddressInfo } from 'node:net';
import { simpleParser, type Headers, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

/** A message the test server accepted, parsed. */
export interface ReceivedMail {
  /** Envelope sender (MAIL FROM), lower-case; '' for the null sender. */
  from: string;
  /** Envelope recipients (RCPT TO) that were accepted, lower-case. */
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  /** Parsed headers keyed by lower-case name. */
  headers: Headers;
  /** Everything mailparser made of the message (From/To headers, attachments, …). */
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, plain text, no authentication: usable as a nodemailer URL. */
  url: string;
  port: number;
  /** Accepted messages in the order they arrived (the same array throughout; reset() empties it). */
  messages: ReceivedMail[];
  /** Resolves with the messages once at least `count` have been received. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Refuses RCPT TO for `address` with `code` (e.g. 550 permanent, 451 transient). */
  reject(address: string, code: number, message?: string): void;
  clearRejections(): void;
  /** Answers the next `n` messages (at the end of DATA) with `code` instead of accepting them. */
  failNext(n: number, code?: number): void;
  /**
   * Waits `ms` before answering each message — or, with `afterMessages`, each message that
   * arrives once that many are kept. A client that disconnects meanwhile (a killed process)
   * never saw its message accepted, and the message is not kept.
   */
  setDelay(ms: number, options?: { afterMessages?: number }): void;
  /** Messages received in full and held by the delay, not yet answered. */
  holding(): number;
  /** Forgets the received messages (rejections and pending failures stay). */
  reset(): void;
  close(): Promise<void>;
}

export interface StartSmtpServerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Log the SMTP conversation to the console. */
  debug?: boolean;
}

function smtpError(code: number, message: string): SMTPServerError {
  const error: SMTPServerError = new Error(message);
  error.responseCode = code;
  return error;
}

/**
 * An in-process SMTP server on 127.0.0.1 that keeps what it receives, for suites that send real
 * mail. A message is parsed and stored before the server answers 250, so once the client's
 * send has resolved, the message is already in `messages`.
 */
export async function startSmtpServer(
  options: StartSmtpServerOptions = {},
): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const rejections = new Map<string, { code: number; message: string }>();
  const failures = { remaining: 0, code: 421 };
  const waiters = new Set<() => void>();
  let delayMs = 0;
  let delayAfter = 0;
  let held = 0;
  const closedSessions = new Set<string>();

  const server = new SMTPServer({
    // Plain text without authentication, so a client needs no TLS or credentials settings.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: options.debug ?? false,
    // Connections a pooled client keeps open must not hold close() up for the default 30 s.
    closeTimeout: 250,
    onRcptTo(address, _session, callback) {
      const rejection = rejections.get(address.address.toLowerCase());
      if (rejection) return callback(smtpError(rejection.code, rejection.message));
      callback();
    },
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      // The body has to be read to its end whatever the answer, or the connection stalls.
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', async () => {
        if (delayMs && messages.length >= delayAfter) {
          held++;
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          held--;
          if (closedSessions.has(session.id)) return callback(smtpError(421, 'Client went away'));
        }
        if (failures.remaining > 0) {
          failures.remaining--;
          return callback(smtpError(failures.code, 'Service not available, try again later'));
        }
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            const mailFrom = session.envelope.mailFrom;
            messages.push({
              from: mailFrom ? mailFrom.address.toLowerCase() : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: parsed.subject ?? '',
              text: parsed.text,
              html: parsed.html || undefined,
              messageId: parsed.messageId,
              headers: parsed.headers,
              parsed,
            });
            for (const wake of waiters) wake();
            callback();
          },
          (error: Error) =>
            callback(smtpError(451, `Could not parse the message: ${error.message}`)),
        );
      });
    },
  });
  // A client dropping its connection is reported here; without a listener it would crash the run.
  server.on('error', (error) => {
    if (options.debug) console.warn('test SMTP server:', error);
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...messages]);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `expected ${count} message(s) within ${timeoutMs} ms, received ${messages.length}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    reject(address, code, message) {
      const text =
        message ??
        (code >= 500 ? 'Mailbox unavailable' : 'Mailbox temporarily unavailable, try again later');
      rejections.set(address.toLowerCase(), { code, message: text });
    },
    clearRejections() {
      rejections.clear();
    },
    failNext(n, code = 421) {
      failures.remaining = n;
      failures.code = code;
    },
    setDelay(ms, { afterMessages = 0 } = {}) {
      delayMs = ms;
      delayAfter = afterMessages;
    },
    holding() {
      return held;
    },
    reset() {
      messages.length = 0;
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The received messages whose envelope recipients include `address` (case-insensitive). */
export function mailTo(server: Pick<TestSmtpServer, 'messages'>, address: string): ReceivedMail[] {
  const wanted = address.toLowerCase();
  return server.messages.filter((mail) => mail.to.includes(wanted));
}
