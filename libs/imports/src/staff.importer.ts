import { randomUUID } from 'node:crypto';
import { Actor, isAdmin, unitInScope } from '@app/access';
import { toSearchName } from '@app/organization/vocabulary';
import type { ErrorCode } from '@app/common';
import { BulkColumn } from './bulk';
import {
  codesOf,
  diffRows,
  inSlices,
  FieldMapping,
  identity,
  Importer,
  mergeRow,
  Row,
  selectByCodes,
  str,
  withoutId,
  writeChanges,
} from './importer';
import { ErrorList } from './rows';

/** Besides admins, the roles that may import staff, each within its own scope. */
export const EDITOR_ROLES = ['unit_head', 'board_reviewer'] as const;

const STAFF_COLUMNS: BulkColumn[] = [
  { column: 'code', field: 'code', type: 'text' },
  { column: 'full_name', field: 'fullName', type: 'text' },
  { column: 'search_name', field: 'searchName', type: 'text' },
  { column: 'birth_date', field: 'birthDate', type: 'date' },
  { column: 'gender', field: 'gender', type: 'text' },
  { column: 'ethnic_minority', field: 'ethnicMinority', type: 'boolean' },
  { column: 'unit_id', field: 'unitId', type: 'uuid' },
  { column: 'position_id', field: 'positionId', type: 'uuid' },
  { column: 'civil_service_rank', field: 'civilServiceRank', type: 'smallint' },
  { column: 'education_level', field: 'educationLevel', type: 'smallint' },
  { column: 'education_field', field: 'educationField', type: 'text' },
  { column: 'political_theory', field: 'politicalTheory', type: 'smallint' },
  { column: 'fostering_rank', field: 'fosteringRank', type: 'smallint' },
  { column: 'language_level', field: 'languageLevel', type: 'smallint' },
  { column: 'joined_service_on', field: 'joinedServiceOn', type: 'date' },
  { column: 'authority_id', field: 'authorityId', type: 'uuid' },
  { column: 'employment_status', field: 'employmentStatus', type: 'text' },
];

/** The stored staff record in the audit trail's shape (dates as ISO text). */
const STAFF_FIELDS = STAFF_COLUMNS.map(
  (column) => `s.${column.column}${column.type === 'date' ? '::text' : ''} AS "${column.field}"`,
).join(', ');

/** What an empty cell sets; other fields become null. */
const EMPTY_CELL_DEFAULTS: Row = {
  ethnicMinority: false,
  politicalTheory: 0,
  employmentStatus: 'active',
};

/** A new staff record before the file's row is merged in: every field present. */
const NEW_STAFF: Row = {
  ...Object.fromEntries(STAFF_COLUMNS.map((column) => [column.field, null])),
  ...EMPTY_CELL_DEFAULTS,
};

/** Whether the actor may edit staff of this unit or under this management authority. */
export function inScope(actor: Actor, unitPath: string, authorityId: unknown): boolean {
  return (
    unitInScope(actor, unitPath, [...EDITOR_ROLES]) ||
    actor.grants.some(
      (grant) =>
        grant.role === 'board_reviewer' &&
        grant.authorityId !== null &&
        grant.authorityId === authorityId,
    )
  );
}

/**
 * Staff, upserted by code. Unit, position and authority codes must name stored records, and
 * non-admins may only touch staff in their scope, both as stored and as the file leaves them.
 */
export const importStaff: Importer = async (context) => {
  const { manager, rows, actor } = context;
  const lookup = async (table: string, key: string, extra = '') =>
    new Map<string, Row & { id: string }>(
      (
        await selectByCodes<Row & { id: string }>(
          manager,
          `SELECT id, code${extra} FROM ${table} WHERE code = ANY($1)`,
          await codesOf(rows, key),
        )
      ).map((row) => [row.code as string, row]),
    );
  const units = await lookup('units', 'unit_code', ', path');
  const positions = await lookup('positions', 'position_code');
  const authorities = await lookup('management_authorities', 'authority_code');
  const existing = new Map<string, Row & { id: string; unitPath: string }>(
    (
      await selectByCodes<Row & { id: string; unitPath: string }>(
        manager,
        `SELECT s.id, ${STAFF_FIELDS}, u.path AS "unitPath"
           FROM staff s JOIN units u ON u.id = s.unit_id
          WHERE s.code = ANY($1)`,
        await codesOf(rows, 'code'),
      )
    ).map((row) => [row.code as string, row]),
  );

  const admin = isAdmin(actor);
  // Rows are visited in file order, so the errors kept are the first ones.
  const errors = new ErrorList(context.maxErrors);
  const unknown = (row: number, column: string, what: string, code: ErrorCode, value: string) =>
    errors.push({
      row,
      column,
      code,
      message: `No ${what} with code ${value}.`,
      params: { value },
    });
  await inSlices(rows, ({ row, values }) => {
    const unitCode = str(values.unit_code);
    const positionCode = str(values.position_code);
    const authorityCode = str(values.authority_code);
    const unit = unitCode === undefined ? undefined : units.get(unitCode);
    const authority = authorityCode === undefined ? undefined : authorities.get(authorityCode);
    if (unitCode !== undefined && !unit)
      unknown(row, 'unit_code', 'unit', 'UNKNOWN_UNIT', unitCode);
    if (positionCode !== undefined && !positions.has(positionCode)) {
      unknown(row, 'position_code', 'position', 'UNKNOWN_POSITION', positionCode);
    }
    if (authorityCode !== undefined && !authority) {
      unknown(row, 'authority_code', 'management authority', 'UNKNOWN_AUTHORITY', authorityCode);
    }
    if (admin) return;
    const stored = existing.get(values.code as string);
    if (stored && !inScope(actor, stored.unitPath, stored.authorityId)) {
      errors.push({
        row,
        column: 'code',
        code: 'OUT_OF_SCOPE',
        message: `Staff ${String(values.code)} is outside your scope.`,
        params: { value: String(values.code) },
      });
    }
    const authorityId = authority?.id ?? stored?.authorityId;
    if (unit && !inScope(actor, unit.path as string, authorityId)) {
      errors.push({
        row,
        column: 'unit_code',
        code: 'OUT_OF_SCOPE',
        message: `Unit ${unitCode} is outside your scope.`,
        params: { value: unitCode! },
      });
    }
  });

  return {
    errors,
    apply: async () => {
      // Codes resolve to ids here: any code that names nothing was reported above.
      const fields: FieldMapping[] = [
        ['code', 'code', identity],
        ['full_name', 'fullName', identity],
        ['birth_date', 'birthDate', identity],
        ['gender', 'gender', identity],
        ['ethnic_minority', 'ethnicMinority', identity],
        ['unit_code', 'unitId', (value) => units.get(value as string)!.id],
        ['position_code', 'positionId', (value) => positions.get(value as string)!.id],
        ['civil_service_rank', 'civilServiceRank', identity],
        ['education_level', 'educationLevel', identity],
        ['education_field', 'educationField', identity],
        ['political_theory', 'politicalTheory', identity],
        ['fostering_rank', 'fosteringRank', identity],
        ['language_level', 'languageLevel', identity],
        ['joined_service_on', 'joinedServiceOn', identity],
        ['authority_code', 'authorityId', (value) => authorities.get(value as string)!.id],
        ['employment_status', 'employmentStatus', identity],
      ];
      const { changes, unchanged } = await diffRows(rows, (values) => {
        const stored = existing.get(values.code as string);
        const before = stored ? withoutId(stored, 'unitPath') : null;
        const after = mergeRow(before ?? NEW_STAFF, values, fields, EMPTY_CELL_DEFAULTS);
        after.searchName = toSearchName(after.fullName as string);
        return { id: stored?.id ?? randomUUID(), before, after };
      });
      return writeChanges(
        context,
        { entity: 'staff', table: 'staff', columns: STAFF_COLUMNS, hasUpdatedAt: true },
        changes,
        unchanged,
      );
    },
  };
};
