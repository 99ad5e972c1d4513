import { DEFAULT_LANGUAGE, ErrorCode, Language, languageOf, messageFor } from '@app/common';
import { REQUEST_ID_HEADER } from '@app/logging';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemDto,
  problemType,
  reasonPhrase,
  withAcceptLanguage,
} from './problem';

/** A problem whose detail is the catalogue's words in `language` (`detail` is the English). */
function problem(
  status: number,
  code: ErrorCode,
  detail: string,
  language: Language,
  instance?: string,
): ProblemDto {
  return {
    type: problemType(code),
    title: reasonPhrase(status),
    status,
    detail: messageFor(code, language) ?? detail,
    code,
    instance,
  };
}

/** The longest path parameter the router accepts (Fastify's default `maxParamLength`). */
export const MAX_PARAM_LENGTH = 100;

/** Errors of the router, raised before a route (and so Nest) is chosen. */
const routerErrors: Record<string, { status: number; code: ErrorCode; detail: string }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'BAD_URL',
    detail: 'The URL is not valid: a percent escape is malformed or is not UTF-8.',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'URI_TOO_LONG',
    detail: `A path parameter is longer than ${MAX_PARAM_LENGTH} characters.`,
  },
};

/**
 * Fastify's `frameworkErrors`: the router's own errors (bad URL encoding, an over-long path
 * parameter) answered as problem+json like every other error.
 */
export function sendFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = routerErrors[error.code] ?? {
    status: 400,
    code: 'BAD_REQUEST',
    detail: 'The request cannot be routed.',
  };
  const path = request.raw.url?.split('?')[0];
  const language = languageOf(request.headers['accept-language']);
  const answer = problem(known.status, known.code, known.detail, language, path);
  void reply
    .status(known.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', language)
    .header('vary', withAcceptLanguage(reply.getHeader('vary')))
    .header(REQUEST_ID_HEADER, request.id)
    .send({ ...answer, requestId: request.id });
}

/**
 * Errors of the HTTP parser, raised before there is a request at all: with no headers read,
 * the answer is in the default language.
 */
function clientProblem(error: NodeJS.ErrnoException): ProblemDto {
  const language = DEFAULT_LANGUAGE;
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return problem(
        431,
        'HEADERS_TOO_LARGE',
        'The request line and headers exceed 16 KB.',
        language,
      );
    case 'HPE_URI_TOO_LONG':
      return problem(414, 'URI_TOO_LONG', 'The URL is too long.', language);
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problem(408, 'REQUEST_TIMEOUT', 'The request was not received in time.', language);
    default:
      return problem(
        400,
        'BAD_REQUEST',
        'The request is not valid HTTP (e.g. a control character in a header).',
        language,
      );
  }
}

/**
 * The server's `clientError` handler: the HTTP parser refused the bytes (headers too large,
 * a control character in a header, a malformed request line), so the answer is written on
 * the socket directly, as problem+json, and the connection closed.
 */
export function sendClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const answer = clientProblem(error);
    const body = JSON.stringify(answer);
    const status = answer.status;
    socket.write(
      `HTTP/1.1 ${status} ${reasonPhrase(status)}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Language: ${DEFAULT_LANGUAGE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
