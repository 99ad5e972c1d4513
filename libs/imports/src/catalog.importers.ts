import { GRANTS_LEVEL_MAX, grantsErrors, intakeDateErrors, QualificationKind } from '@app/catalog';
import type { FieldError } from '@app/common';
import { BulkColumn } from './bulk';
import { has, Row } from './importer';
import { plainFields, RowProblem, upsertByCode } from './upsert-by-code';
import {
  EDUCATION_NAMES,
  FOSTERING_RANK_NAMES,
  LANGUAGE_LEVEL_NAMES,
  level,
  POLITICAL_THEORY_NAMES,
} from './values';

/** A catalog rule's field errors as row problems, on the file's column for each field. */
const onColumns =
  (columns: BulkColumn[]) =>
  (errors: FieldError[]): RowProblem[] =>
    errors.map((error) => ({
      column: columns.find((column) => column.field === error.field)?.column ?? null,
      code: error.code ?? 'INVALID_VALUE',
      message: `${error.message}.`,
    }));

const PROVIDER_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'name', field: 'name', type: 'text' },
  { column: 'country', field: 'country', type: 'text' },
  { column: 'active', field: 'active', type: 'boolean' },
];

/** Training providers, upserted by code; a provider without a country is in Việt Nam. */
export const importProviders = upsertByCode({
  entity: 'provider',
  table: 'providers',
  hasUpdatedAt: false,
  columns: PROVIDER_COLUMNS,
  plain: plainFields(PROVIDER_COLUMNS, 'code', 'name', 'country', 'active'),
  references: [],
  emptyDefaults: { country: 'VN', active: true },
});

const PROGRAM_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'name', field: 'name', type: 'text' },
  { column: 'category', field: 'category', type: 'text' },
  { column: 'provider_id', field: 'providerId', type: 'uuid' },
  { column: 'overseas', field: 'overseas', type: 'boolean' },
  { column: 'mode', field: 'mode', type: 'text' },
  { column: 'duration_months', field: 'durationMonths', type: 'smallint' },
  { column: 'grants_kind', field: 'grantsKind', type: 'text' },
  { column: 'grants_level', field: 'grantsLevel', type: 'smallint' },
  { column: 'active', field: 'active', type: 'boolean' },
];

/** Each scale's level names: "trung cấp" is education 1 but political theory 2. */
const GRANTS_LEVEL_NAMES: Record<QualificationKind, Record<string, number>> = {
  education: EDUCATION_NAMES,
  political_theory: POLITICAL_THEORY_NAMES,
  fostering: FOSTERING_RANK_NAMES,
  foreign_language: LANGUAGE_LEVEL_NAMES,
};

/** The level a programme grants, read on the scale its kind names. */
function deriveGrantsLevel(values: Row, after: Row): RowProblem[] {
  if (!has(values, 'grants_level')) return [];
  const cell = values.grants_level as string | null;
  if (cell === null) {
    after.grantsLevel = null;
    return [];
  }
  const kind = after.grantsKind as QualificationKind | null;
  if (kind === null) {
    return [
      {
        column: 'grants_level',
        code: 'GRANTS_INCOMPLETE',
        message: 'grants_level needs grants_kind, the scale it is on.',
      },
    ];
  }
  const parsed = level(1, GRANTS_LEVEL_MAX[kind], GRANTS_LEVEL_NAMES[kind])(cell);
  if (!parsed.ok) {
    return [
      { column: 'grants_level', code: parsed.code, message: `grants_level: ${parsed.message}.` },
    ];
  }
  after.grantsLevel = parsed.value;
  return [];
}

/** Programmes, upserted by code; what one grants is a kind and a level on its scale, or neither. */
export const importPrograms = upsertByCode({
  entity: 'program',
  table: 'programs',
  hasUpdatedAt: false,
  columns: PROGRAM_COLUMNS,
  plain: plainFields(
    PROGRAM_COLUMNS,
    'code',
    'name',
    'category',
    'overseas',
    'mode',
    'duration_months',
    'grants_kind',
    'active',
  ),
  references: [
    {
      key: 'provider_code',
      field: 'providerId',
      table: 'providers',
      what: 'training provider',
      code: 'UNKNOWN_PROVIDER',
    },
  ],
  emptyDefaults: { overseas: false, active: true },
  derive: deriveGrantsLevel,
  check: (after) =>
    onColumns(PROGRAM_COLUMNS)(
      grantsErrors(
        after.grantsKind as QualificationKind | null,
        after.grantsLevel as number | null,
      ),
    ),
});

const INTAKE_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'program_id', field: 'programId', type: 'uuid' },
  { column: 'authority_id', field: 'authorityId', type: 'uuid' },
  { column: 'starts_on', field: 'startsOn', type: 'date' },
  { column: 'ends_on', field: 'endsOn', type: 'date' },
  { column: 'location', field: 'location', type: 'text' },
  { column: 'seats_total', field: 'seatsTotal', type: 'int' },
  { column: 'nomination_opens_on', field: 'nominationOpensOn', type: 'date' },
  { column: 'nomination_closes_on', field: 'nominationClosesOn', type: 'date' },
  { column: 'cost_tuition', field: 'costTuition', type: 'bigint' },
  { column: 'cost_allowances', field: 'costAllowances', type: 'bigint' },
  { column: 'cost_travel', field: 'costTravel', type: 'bigint' },
  { column: 'cost_other', field: 'costOther', type: 'bigint' },
  { column: 'allowed_sources', field: 'allowedSources', type: 'text[]' },
  { column: 'learner_share_percent', field: 'learnerSharePercent', type: 'smallint' },
  { column: 'active', field: 'active', type: 'boolean' },
];

/**
 * Intakes, upserted by code. Their dates keep the catalog's order; seats never go below
 * those taken nor below what the intake's quotas reserve (quotas are kept as they are).
 */
export const importIntakes = upsertByCode({
  entity: 'intake',
  table: 'intakes',
  hasUpdatedAt: true,
  columns: INTAKE_COLUMNS,
  plain: plainFields(
    INTAKE_COLUMNS,
    'code',
    'starts_on',
    'ends_on',
    'location',
    'seats_total',
    'nomination_opens_on',
    'nomination_closes_on',
    'cost_tuition',
    'cost_allowances',
    'cost_travel',
    'cost_other',
    'allowed_sources',
    'learner_share_percent',
    'active',
  ),
  references: [
    {
      key: 'program_code',
      field: 'programId',
      table: 'programs',
      what: 'programme',
      code: 'UNKNOWN_PROGRAM',
    },
    {
      key: 'authority_code',
      field: 'authorityId',
      table: 'management_authorities',
      what: 'management authority',
      code: 'UNKNOWN_AUTHORITY',
    },
  ],
  emptyDefaults: {
    costTuition: '0',
    costAllowances: '0',
    costTravel: '0',
    costOther: '0',
    allowedSources: ['state_budget'],
    learnerSharePercent: 0,
    active: true,
  },
  readOnly: [
    't.seats_taken AS "seatsTaken"',
    `(SELECT coalesce(sum(q.seats), 0)::int FROM intake_seat_quotas q WHERE q.intake_id = t.id)
       AS "quotaSeats"`,
  ],
  check: (after, before, stored) => {
    const problems = onColumns(INTAKE_COLUMNS)(
      intakeDateErrors({
        startsOn: after.startsOn as string,
        endsOn: after.endsOn as string,
        nominationOpensOn: after.nominationOpensOn as string,
        nominationClosesOn: after.nominationClosesOn as string,
      }),
    );
    const seats = after.seatsTotal as number;
    const taken = (stored?.seatsTaken as number | undefined) ?? 0;
    const reserved = (stored?.quotaSeats as number | undefined) ?? 0;
    if (seats < taken) {
      problems.push({
        column: 'seats_total',
        code: 'SEATS_BELOW_TAKEN',
        message: `${taken} seats of this intake are taken; seats_total cannot be below ${taken}.`,
      });
    } else if (seats < reserved) {
      problems.push({
        column: 'seats_total',
        code: 'QUOTAS_EXCEED_SEATS',
        message: `The intake's quotas reserve ${reserved} seats; seats_total cannot be below ${reserved}.`,
      });
    }
    return problems;
  },
});
