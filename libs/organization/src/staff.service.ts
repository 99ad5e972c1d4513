import { Actor, Ctx, notFound, ScopePredicate, staffScope } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, FieldError, WorkContext } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { PlanningPoolEntry, Position, StaffMember } from './entities';
import { toSearchName } from './search-name';
import { MEETS_STANDARD_SQL, standardGaps, StandardGap } from './standard-gap';

export interface StaffFilter {
  q?: string;
  unitId?: string;
  tierId?: string;
  positionId?: string;
  /** true: only people below their position's standard; false: only those meeting it. */
  belowStandard?: boolean;
  employmentStatus?: string;
  page: number;
  pageSize: number;
}

/** The scales a completed training can raise, and the record field each one is kept in. */
export type QualificationScale =
  'education' | 'political_theory' | 'fostering' | 'foreign_language';
const QUALIFICATION_FIELDS = {
  education: 'educationLevel',
  political_theory: 'politicalTheory',
  fostering: 'fosteringRank',
  foreign_language: 'languageLevel',
} as const satisfies Record<QualificationScale, keyof StaffMember>;

export type StaffFields = Omit<StaffMember, 'id' | 'searchName' | 'createdAt' | 'updatedAt'>;

export interface GapReport {
  position: { id: string; code: string; name: string } | null;
  gaps: StandardGap[];
  meetsStandard: boolean;
}

/** Staff records, always seen through the caller's scope (see `staffScope`). */
@Injectable()
export class StaffService {
  constructor(private readonly audit: AuditService) {}

  async search(ctx: Ctx, filter: StaffFilter): Promise<{ items: StaffMember[]; total: number }> {
    const scope = staffScope(ctx.actor, 'read');
    const query = ctx.manager
      .getRepository(StaffMember)
      .createQueryBuilder('s')
      .innerJoin('units', 'u', 'u.id = s.unit_id')
      .where(scope.sql, scope.params);
    if (filter.q) {
      query.andWhere('s.search_name LIKE :q', { q: `%${escapeLike(toSearchName(filter.q))}%` });
    }
    if (filter.unitId) {
      query.andWhere(`u.path LIKE (SELECT path FROM units WHERE id = :unitId) || '%'`, {
        unitId: filter.unitId,
      });
    }
    if (filter.tierId) query.andWhere('u.tier_id = :tierId', { tierId: filter.tierId });
    if (filter.positionId)
      query.andWhere('s.position_id = :positionId', { positionId: filter.positionId });
    if (filter.employmentStatus) {
      query.andWhere('s.employment_status = :status', { status: filter.employmentStatus });
    }
    if (filter.belowStandard !== undefined) {
      query
        .innerJoin('positions', 'p', 'p.id = s.position_id')
        .andWhere(filter.belowStandard ? `NOT ${MEETS_STANDARD_SQL}` : MEETS_STANDARD_SQL);
    }
    const [items, total] = await query
      .orderBy('s.search_name')
      .addOrderBy('s.code')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** In the context's transaction, so a read inside an action uses its connection. */
  async get(ctx: Ctx, id: string): Promise<StaffMember> {
    return this.findInScope(ctx.manager, staffScope(ctx.actor, 'read'), id);
  }

  async create(ctx: Ctx, fields: StaffFields): Promise<StaffMember> {
    return ctx.transaction(async (tx) => {
      const { manager, actor } = tx;
      await this.assertReferences(manager, fields);
      await this.assertWritableAt(manager, actor, fields);
      const taken = await manager.existsBy(StaffMember, { code: fields.code });
      if (taken) throw codeTaken(fields.code);
      const created = await manager.save(StaffMember, {
        ...fields,
        searchName: toSearchName(fields.fullName),
      });
      await this.audit.record(tx, 'staff', created.id, null, auditable(created));
      return created;
    });
  }

  async update(ctx: Ctx, id: string, changes: Partial<StaffFields>): Promise<StaffMember> {
    return ctx.transaction(async (tx) => {
      const { manager, actor } = tx;
      const current = await this.findInScope(manager, staffScope(actor, 'read'), id, true);
      // Seen but not theirs to change (e.g. finance): say so; unseen stays a 404 above.
      await this.assertWritableAt(manager, actor, current);
      const next = { ...current, ...changes };
      await this.assertReferences(manager, next);
      // Moving someone requires write scope at the destination as well.
      if (changes.unitId || changes.authorityId) await this.assertWritableAt(manager, actor, next);
      if (
        changes.code &&
        changes.code !== current.code &&
        (await manager.existsBy(StaffMember, { code: changes.code }))
      ) {
        throw codeTaken(changes.code);
      }
      const saved = await manager.save(StaffMember, {
        ...next,
        searchName: toSearchName(next.fullName),
      });
      await this.audit.record(tx, 'staff', id, auditable(current), auditable(saved));
      return saved;
    });
  }

  /**
   * Raises one of a person's qualifications to `level` (a completed training grants it) and
   * never lowers a higher one; answers whether it changed. It is the consequence of an action
   * the caller was already allowed to take, so it runs in the caller's transaction without a
   * scope check of its own, and is audited like any change of the record.
   */
  async raiseQualification(
    ctx: WorkContext,
    staffId: string,
    scale: QualificationScale,
    level: number,
  ): Promise<boolean> {
    return ctx.transaction(async (tx) => {
      const { manager } = tx;
      const field = QUALIFICATION_FIELDS[scale];
      const current = await manager
        .getRepository(StaffMember)
        .createQueryBuilder('s')
        .where('s.id = :staffId', { staffId })
        .setLock('pessimistic_write')
        .getOne();
      if (!current) throw notFound('staff', staffId);
      if ((current[field] ?? 0) >= level) return false;
      const saved = await manager.save(StaffMember, { ...current, [field]: level });
      await this.audit.record(tx, 'staff', staffId, auditable(current), auditable(saved));
      return true;
    });
  }

  async planningPool(ctx: Ctx, id: string): Promise<PlanningPoolEntry[]> {
    await this.get(ctx, id);
    return ctx.manager
      .getRepository(PlanningPoolEntry)
      .find({ where: { staffId: id }, order: { periodFrom: 'ASC', positionId: 'ASC' } });
  }

  /** Replaces a person's planning pool entries (quy hoạch) as a whole. */
  async setPlanningPool(
    ctx: Ctx,
    id: string,
    entries: Array<{ positionId: string; periodFrom: number; periodTo: number }>,
  ): Promise<PlanningPoolEntry[]> {
    return ctx.transaction(async (tx) => {
      const { manager, actor } = tx;
      const person = await this.findInScope(manager, staffScope(actor, 'read'), id, true);
      await this.assertWritableAt(manager, actor, person);
      const errors = entries.flatMap((entry, index): FieldError[] =>
        entry.periodTo < entry.periodFrom
          ? [
              {
                field: `entries[${index}].periodTo`,
                message: 'periodTo must not be before periodFrom',
                code: 'PERIOD_ORDER',
              },
            ]
          : [],
      );
      const positionIds = [...new Set(entries.map((entry) => entry.positionId))];
      const known = positionIds.length
        ? await manager.getRepository(Position).findBy({ id: In(positionIds) })
        : [];
      entries.forEach((entry, index) => {
        if (!known.some((position) => position.id === entry.positionId)) {
          errors.push({
            field: `entries[${index}].positionId`,
            message: 'No such position',
            code: 'UNKNOWN_REFERENCE',
          });
        }
      });
      if (errors.length) {
        throw new DomainError(
          'INVALID_PLANNING_POOL',
          'unprocessable',
          'Some entries are invalid.',
          { errors },
        );
      }
      const before = await manager.findBy(PlanningPoolEntry, { staffId: id });
      await manager.delete(PlanningPoolEntry, { staffId: id });
      const saved = await manager.save(
        PlanningPoolEntry,
        entries.map((entry) => ({ ...entry, staffId: id })),
      );
      const view = (rows: PlanningPoolEntry[]) =>
        rows
          .map(({ positionId, periodFrom, periodTo }) => ({ positionId, periodFrom, periodTo }))
          .sort((a, b) => a.periodFrom - b.periodFrom || a.positionId.localeCompare(b.positionId));
      await this.audit.record(
        tx,
        'staff',
        id,
        { planningPool: view(before) },
        { planningPool: view(saved) },
      );
      return saved;
    });
  }

  /** Gaps against the current position and each planned one. */
  async standardGaps(
    ctx: Ctx,
    id: string,
  ): Promise<{
    current: GapReport;
    planned: Array<GapReport & { periodFrom: number; periodTo: number }>;
  }> {
    const person = await this.get(ctx, id);
    const positions = ctx.manager.getRepository(Position);
    const report = (position: Position | null): GapReport => {
      const gaps = position ? standardGaps(person, position) : [];
      return {
        position: position && { id: position.id, code: position.code, name: position.name },
        gaps,
        meetsStandard: position !== null && gaps.length === 0,
      };
    };
    const current = person.positionId ? await positions.findOneBy({ id: person.positionId }) : null;
    const entries = await ctx.manager
      .getRepository(PlanningPoolEntry)
      .find({ where: { staffId: id }, order: { periodFrom: 'ASC' } });
    const planned = [];
    for (const entry of entries) {
      const position = await positions.findOneByOrFail({ id: entry.positionId });
      planned.push({ ...report(position), periodFrom: entry.periodFrom, periodTo: entry.periodTo });
    }
    return { current: report(current), planned };
  }

  private async findInScope(
    manager: EntityManager,
    scope: ScopePredicate,
    id: string,
    lock = false,
  ): Promise<StaffMember> {
    const query = manager
      .getRepository(StaffMember)
      .createQueryBuilder('s')
      .innerJoin('units', 'u', 'u.id = s.unit_id')
      .where('s.id = :id', { id })
      .andWhere(scope.sql, scope.params);
    if (lock) query.setLock('pessimistic_write', undefined, ['s']);
    const found = await query.getOne();
    // Out of scope looks exactly like missing: existence must not leak.
    if (!found) throw notFound('staff', id);
    return found;
  }

  /**
   * The write scope evaluated on the record as it would be after the change, with the
   * same predicate as queries use, so the rule lives in one place.
   */
  private async assertWritableAt(
    manager: EntityManager,
    actor: Actor,
    record: { unitId: string; authorityId: string; id?: string },
  ): Promise<void> {
    const scope = staffScope(actor, 'write');
    const [allowed] = await manager.query(
      ...manager
        .createQueryBuilder()
        .select('1')
        .from('units', 'u')
        .innerJoin(
          '(SELECT CAST(:recordId AS uuid) AS id, CAST(:authorityId AS uuid) AS authority_id)',
          's',
          'TRUE',
        )
        .where('u.id = :unitId', { unitId: record.unitId })
        .andWhere(scope.sql, {
          ...scope.params,
          recordId: record.id ?? '00000000-0000-0000-0000-000000000000',
          authorityId: record.authorityId,
        })
        .getQueryAndParameters(),
    );
    if (!allowed) {
      throw new DomainError(
        'OUT_OF_SCOPE',
        'forbidden',
        'You may not manage staff of that unit or management authority.',
      );
    }
  }

  private async assertReferences(
    manager: EntityManager,
    record: { unitId: string; authorityId: string; positionId?: string | null },
  ): Promise<void> {
    const [found] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM units WHERE id = $1) AS unit,
              EXISTS (SELECT 1 FROM management_authorities WHERE id = $2) AS authority,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM positions WHERE id = $3)) AS position`,
      [record.unitId, record.authorityId, record.positionId ?? null],
    );
    const errors = [
      !found.unit && { field: 'unitId', message: 'No such unit', code: 'UNKNOWN_REFERENCE' },
      !found.authority && {
        field: 'authorityId',
        message: 'No such management authority',
        code: 'UNKNOWN_REFERENCE',
      },
      !found.position && {
        field: 'positionId',
        message: 'No such position',
        code: 'UNKNOWN_REFERENCE',
      },
    ].filter(Boolean) as FieldError[];
    if (errors.length) {
      throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'Some references do not exist.', {
        errors,
      });
    }
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function codeTaken(code: string): DomainError {
  return new DomainError('CODE_TAKEN', 'conflict', `Another staff member has the code ${code}.`);
}

/** The audited view of a record: everything but timestamps and derived columns. */
function auditable(staff: StaffMember): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, searchName: _s, ...fields } = staff;
  return fields;
}
