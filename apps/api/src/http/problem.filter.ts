import {
  DEFAULT_LANGUAGE,
  DomainError,
  ErrorCode,
  FieldError,
  Language,
  languageOf,
  messageFor,
  STATUS_OF_KIND,
} from '@app/common';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemDto,
  problemType,
  reasonPhrase,
  withAcceptLanguage,
} from './problem';

/** Codes for HTTP-level failures raised by the framework rather than the domain. */
const codeOfStatus: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own request errors (body parsing, limits), raised before any handler runs. */
const fastifyCodes: Record<string, { code: ErrorCode; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    detail: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'The request body must be application/json.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_BODY',
    detail: 'The body cannot be empty when content-type is application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_BODY',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    detail: 'Content-Length does not match the body.',
  },
};

/**
 * A field or row problem in `language`: the catalogue's message for its code, filled with
 * its params and its own members (`row`, `column`, `field`); its English words otherwise.
 * The params are for the message only and are not sent.
 */
export function localizeFieldError(error: FieldError, language: Language): FieldError {
  const { params, ...answer } = error;
  const message = answer.code && messageFor(answer.code, language, { ...answer, ...params });
  return message ? { ...answer, message } : answer;
}

/**
 * Turns any thrown value into an RFC 9457 problem; never leaks a stack trace. `detail` and
 * every `errors[].message` are the catalogue's words in `language`, with the English text
 * the error was raised with where the catalogue has none.
 */
export function toProblem(
  error: unknown,
  instance?: string,
  language: Language = DEFAULT_LANGUAGE,
): ProblemDto {
  if (error instanceof DomainError) {
    const status = STATUS_OF_KIND[error.kind];
    const { errors, ...rest } = error.details;
    // Details add to the standard members and never replace them.
    return {
      ...rest,
      type: problemType(error.code),
      title: reasonPhrase(status),
      status,
      detail: messageFor(error.code, language, error.details) ?? error.message,
      code: error.code,
      instance,
      ...(errors ? { errors: errors.map((field) => localizeFieldError(field, language)) } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Fastify's own errors arrive wrapped, with the original as the cause.
    const fastifyCode = (error.cause as { code?: string } | undefined)?.code;
    const known = fastifyCode ? fastifyCodes[fastifyCode] : undefined;
    const isUnknownRoute = status === 404 && /^Cannot [A-Z]+ /.test(error.message);
    // A status without a code of its own (none the API answers with today) keeps its number.
    const code: ErrorCode | `HTTP_${number}` =
      known?.code ??
      (isUnknownRoute ? 'ROUTE_NOT_FOUND' : (codeOfStatus[status] ?? `HTTP_${status}`));
    const route = isUnknownRoute ? error.message.slice('Cannot '.length) : undefined;
    const detail =
      messageFor(code, language, { route }) ??
      known?.detail ??
      (route ? `No route ${route}.` : error.message);
    return { type: problemType(code), title: reasonPhrase(status), status, detail, code, instance };
  }
  return {
    type: problemType('INTERNAL_ERROR'),
    title: reasonPhrase(500),
    status: 500,
    detail:
      messageFor('INTERNAL_ERROR', language) ??
      'An unexpected error occurred; it has been logged with the request id.',
    code: 'INTERNAL_ERROR',
    instance,
  };
}

/** Answers `error` as problem+json (also for routes of the server outside Nest). */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  logger: Logger,
) {
  // A client that hung up mid-request (an upload cancelled) is not a defect, and hears nothing.
  if (request.raw.socket?.destroyed) {
    logger.warn(
      { requestId: request.id, reason: (error as Error)?.message },
      'The client closed the connection before the answer',
    );
    return;
  }
  const language = languageOf(request.headers['accept-language']);
  const problem = toProblem(error, request.url.split('?')[0], language);
  if (problem.status >= 500 && problem.code !== 'QUEUE_UNAVAILABLE') {
    logger.error({ err: error, requestId: request.id }, 'Unhandled error');
  }
  const retryAfter = error instanceof DomainError ? error.details.retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', language)
    .header('vary', withAcceptLanguage(reply.getHeader('vary')))
    .send({ ...problem, requestId: request.id });
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
      error,
      this.logger,
    );
  }
}
