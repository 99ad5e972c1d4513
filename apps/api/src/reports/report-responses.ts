import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../http/problem';
import { XLSX_MEDIA_TYPE } from './export-format';

/**
 * What every report endpoint answers: its JSON body (or CSV / XLSX), and the problems it may
 * give. `badRequest` and `notFound` list the codes beyond the usual ones.
 */
export function ReportResponses(
  json: Type<unknown>,
  codes: { badRequest?: string; notFound?: string } = {},
) {
  return applyDecorators(
    ApiProduces('application/json', 'text/csv', XLSX_MEDIA_TYPE),
    ApiOkResponse({ type: json }),
    ApiBadRequestResponse({
      type: ProblemDto,
      description: `VALIDATION_FAILED${codes.badRequest ? ` (also ${codes.badRequest})` : ''}`,
    }),
    ApiUnauthorizedResponse({ type: ProblemDto, description: 'UNAUTHENTICATED, INVALID_TOKEN' }),
    ...(codes.notFound
      ? [ApiNotFoundResponse({ type: ProblemDto, description: codes.notFound })]
      : []),
  );
}
