import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, with a stable machine `code` and the request id. */
export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({
    example: 'Vui lòng nhập địa chỉ thư điện tử hợp lệ.',
    description: 'For people, in the language of Accept-Language (vi by default); branch on code.',
  })
  message: string;

  @ApiPropertyOptional({ example: 'IS_EMAIL' })
  code?: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'urn:problem-type:validation-failed' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({
    example: 'Dữ liệu chưa hợp lệ. Vui lòng xem và sửa các ô được đánh dấu.',
    description:
      'For people, in the language of Accept-Language (vi by default, named by ' +
      'Content-Language); branch on code.',
  })
  detail: string;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code.' })
  code: string;

  @ApiPropertyOptional({ example: '/api/v1/system/probes' })
  instance?: string;

  @ApiPropertyOptional({ example: '5f0c6c5e-3f7a-4b8e-9f59-1e0d2e6b6a51' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemType(code: string): string {
  return `urn:problem-type:${code.toLowerCase().replace(/_/g, '-')}`;
}

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return reasonPhrases[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** A `Vary` value that adds Accept-Language, by which problems differ, to what it was. */
export function withAcceptLanguage(vary: unknown): string {
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(current)) return current;
  return current ? `${current}, Accept-Language` : 'Accept-Language';
}
