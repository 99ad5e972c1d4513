import { randomUUID } from 'node:crypto';
import { Actor, isAdmin } from '@app/access';
import { organizationDay } from '@app/common';
import type { ErrorCode } from '@app/common';
import { BulkColumn } from './bulk';
import {
  codesOf,
  diffRows,
  FieldMapping,
  identity,
  Importer,
  inSlices,
  mergeRow,
  Row,
  selectByCodes,
  str,
  withoutId,
  writeChanges,
} from './importer';
import { ErrorList, ImportRowError } from './rows';
import { inScope } from './staff.importer';

const PARTICIPATION_COLUMNS: BulkColumn[] = [
  { column: 'staff_id', field: 'staffId', type: 'uuid' },
  { column: 'category', field: 'category', type: 'text' },
  { column: 'program_id', field: 'programId', type: 'uuid' },
  { column: 'provider_id', field: 'providerId', type: 'uuid' },
  { column: 'provider_name', field: 'providerName', type: 'text' },
  { column: 'starts_on', field: 'startsOn', type: 'date' },
  { column: 'ends_on', field: 'endsOn', type: 'date' },
  { column: 'overseas', field: 'overseas', type: 'boolean' },
  { column: 'cost', field: 'cost', type: 'bigint' },
  { column: 'fund_id', field: 'fundId', type: 'uuid' },
  { column: 'funding_source', field: 'fundingSource', type: 'text' },
  { column: 'completed', field: 'completed', type: 'boolean' },
];

/** The stored record in the audit trail's shape (dates and money as text). */
const PARTICIPATION_FIELDS = PARTICIPATION_COLUMNS.map(
  (column) =>
    `ip.${column.column}${column.type === 'date' || column.type === 'bigint' ? '::text' : ''} AS "${column.field}"`,
).join(', ');

const NEW_PARTICIPATION: Row = {
  ...Object.fromEntries(PARTICIPATION_COLUMNS.map((column) => [column.field, null])),
  overseas: false,
};

type Ref = Row & { id: string };
interface Program extends Ref {
  category: string;
  providerId: string;
  overseas: boolean;
}
interface Fund extends Ref {
  source: string;
  ownerPath: string;
}
interface Person extends Ref {
  unitPath: string;
  authorityId: string;
}

/** A participation's natural key: who, which category of training, from when. */
export const participationKey = (staffId: string, category: string, startsOn: string) =>
  `${staffId}|${category}|${startsOn}`;

/** What a row's references resolve to, when they all do. */
export interface ResolvedRow {
  staff?: Person;
  program?: Program;
  providerId?: string;
  fund?: Fund;
}

/**
 * The rules of one row that need no database: a category from the row or its programme, an
 * end on or after the start and not after today, a source of money for a cost, and a
 * fund and source that agree. Returns the row's category (null when there is none).
 */
export function checkParticipationRow(
  row: number,
  values: Row,
  resolved: ResolvedRow,
  today: string,
  push: (error: ImportRowError) => void,
): string | null {
  const category = str(values.category);
  const programCategory = resolved.program?.category;
  if (category && programCategory && category !== programCategory) {
    push({
      row,
      column: 'category',
      code: 'INVALID_VALUE',
      message: `Programme ${String(values.program_code)} is of category ${programCategory}, not ${category}.`,
    });
  }
  if (!category && values.program_code === undefined) {
    push({
      row,
      column: 'category',
      code: 'REQUIRED',
      message: 'Give a category or a programme code.',
    });
  }
  const startsOn = str(values.starts_on);
  const endsOn = str(values.ends_on);
  if (startsOn && endsOn && endsOn < startsOn) {
    push({
      row,
      column: 'ends_on',
      code: 'END_BEFORE_START',
      message: `The end ${endsOn} is before the start ${startsOn}.`,
    });
  }
  if (endsOn && endsOn > today) {
    push({
      row,
      column: 'ends_on',
      code: 'OUT_OF_RANGE',
      message: `The end ${endsOn} is after today: only past training is recorded.`,
    });
  }
  const source = str(values.funding_source);
  if (resolved.fund && source && source !== resolved.fund.source) {
    push({
      row,
      column: 'funding_source',
      code: 'INVALID_VALUE',
      message: `Fund ${String(values.fund_code)} is of source ${resolved.fund.source}, not ${source}.`,
    });
  }
  const cost = str(values.cost);
  if (cost && cost !== '0' && !source && values.fund_code == null) {
    push({
      row,
      column: 'funding_source',
      code: 'REQUIRED',
      message: 'A cost needs its source: a fund code or a source of money.',
    });
  }
  return category ?? programCategory ?? null;
}

/**
 * Completed (or not completed) participations from before the product, upserted by their
 * natural key (staff code, category, start date). Staff, programme, provider and fund codes
 * must name stored records; non-admins may only record the history of staff in their scope.
 * Nothing here touches a fund's balance: the money was spent in past years.
 */
export const importParticipations: Importer = async (context) => {
  const { manager, rows, actor } = context;
  const lookup = async <T extends Ref>(sql: string, key: string) =>
    new Map<string, T>(
      (await selectByCodes<T>(manager, sql, await codesOf(rows, key))).map((row) => [
        row.code as string,
        row,
      ]),
    );
  const staff = await lookup<Person>(
    `SELECT s.id, s.code, u.path AS "unitPath", s.authority_id AS "authorityId"
       FROM staff s JOIN units u ON u.id = s.unit_id WHERE s.code = ANY($1)`,
    'staff_code',
  );
  const programs = await lookup<Program>(
    `SELECT id, code, category, provider_id AS "providerId", overseas
       FROM programs WHERE code = ANY($1)`,
    'program_code',
  );
  const providers = await lookup<Ref>(
    `SELECT id, code FROM providers WHERE code = ANY($1)`,
    'provider_code',
  );
  const funds = await lookup<Fund>(
    `SELECT f.id, f.code, f.source, u.path AS "ownerPath"
       FROM funds f JOIN units u ON u.id = f.owner_unit_id WHERE f.code = ANY($1)`,
    'fund_code',
  );
  const existing = new Map<string, Ref>(
    (
      await selectByCodes<Ref>(
        manager,
        `SELECT ip.id, ${PARTICIPATION_FIELDS} FROM imported_participations ip
           JOIN staff s ON s.id = ip.staff_id WHERE s.code = ANY($1)`,
        await codesOf(rows, 'staff_code'),
      )
    ).map((row) => [
      participationKey(row.staffId as string, row.category as string, row.startsOn as string),
      row,
    ]),
  );

  const admin = isAdmin(actor);
  const today = organizationDay(new Date());
  const errors = new ErrorList(context.maxErrors);
  const keys = new Map<number, string>();
  const firstRowOfKey = new Map<string, number>();
  const unknown = (row: number, column: string, what: string, code: ErrorCode, value: string) =>
    errors.push({ row, column, code, message: `No ${what} with code ${value}.` });
  const resolve = <T>(
    row: number,
    values: Row,
    column: string,
    map: Map<string, T>,
    what: string,
    code: ErrorCode,
  ): T | undefined => {
    const value = str(values[column]);
    if (value === undefined) return undefined;
    const found = map.get(value);
    if (!found) unknown(row, column, what, code, value);
    return found;
  };
  await inSlices(rows, ({ row, values }) => {
    const person = resolve(row, values, 'staff_code', staff, 'staff', 'UNKNOWN_STAFF');
    const program = resolve(row, values, 'program_code', programs, 'programme', 'UNKNOWN_PROGRAM');
    const provider = resolve(
      row,
      values,
      'provider_code',
      providers,
      'provider',
      'UNKNOWN_PROVIDER',
    );
    const fund = resolve(row, values, 'fund_code', funds, 'fund', 'UNKNOWN_FUND');
    const category = checkParticipationRow(
      row,
      values,
      { staff: person, program, providerId: provider?.id, fund },
      today,
      (error) => errors.push(error),
    );
    if (person && !admin && !inScope(actor as Actor, person.unitPath, person.authorityId)) {
      errors.push({
        row,
        column: 'staff_code',
        code: 'OUT_OF_SCOPE',
        message: `Staff ${String(values.staff_code)} is outside your scope.`,
      });
    }
    if (person && category && typeof values.starts_on === 'string') {
      const key = participationKey(person.id, category, values.starts_on);
      const first = firstRowOfKey.get(key);
      if (first !== undefined) {
        errors.push({
          row,
          column: 'starts_on',
          code: 'DUPLICATE_ROW',
          message: `Row ${first} already records this person, category and start date.`,
        });
      } else firstRowOfKey.set(key, row);
      keys.set(row, key);
    }
  });

  return {
    errors,
    apply: async () => {
      const fields: FieldMapping[] = [
        ['staff_code', 'staffId', (value) => staff.get(value as string)!.id],
        ['program_code', 'programId', (value) => programs.get(value as string)!.id],
        ['provider_code', 'providerId', (value) => providers.get(value as string)!.id],
        ['provider_name', 'providerName', identity],
        ['starts_on', 'startsOn', identity],
        ['ends_on', 'endsOn', identity],
        ['location', 'overseas', identity],
        ['cost', 'cost', identity],
        ['fund_code', 'fundId', (value) => funds.get(value as string)!.id],
        ['funding_source', 'fundingSource', identity],
        ['outcome', 'completed', identity],
      ];
      const rowOf = new Map(rows.map((row) => [row.values, row.row]));
      const { changes, unchanged } = await diffRows(rows, (values) => {
        const key = keys.get(rowOf.get(values)!)!;
        const stored = existing.get(key);
        const before = stored ? withoutId(stored) : null;
        const after = mergeRow(before ?? NEW_PARTICIPATION, values, fields, {
          overseas: false,
        });
        after.category = key.split('|')[1];
        // What the programme says, where the row does not.
        const program = str(values.program_code) && programs.get(values.program_code as string);
        if (program) {
          if (values.provider_code == null && values.provider_name == null) {
            after.providerId = program.providerId;
            after.providerName = null;
          }
          if (values.location == null) after.overseas = program.overseas;
        }
        const fund = str(values.fund_code) && funds.get(values.fund_code as string);
        if (fund) after.fundingSource = fund.source;
        return { id: stored?.id ?? randomUUID(), before, after };
      });
      return writeChanges(
        context,
        {
          entity: 'imported_participation',
          table: 'imported_participations',
          columns: PARTICIPATION_COLUMNS,
          hasUpdatedAt: true,
        },
        changes,
        unchanged,
      );
    },
  };
};
