import { Actor, Ctx } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  intakeDateErrors,
  mayManageIntake,
  QuotaSpec,
  quotaSeats,
  quotaShapeErrors,
} from './catalog-rules';
import type { FundingSource } from './catalog-types';
import { Intake, IntakeSeatQuota, Program } from './entities/catalog.entities';
import { codeTaken, fieldErrors, unknownReference } from './catalog-errors';

export interface IntakeFields {
  code: string;
  programId: string;
  authorityId: string | null;
  startsOn: string;
  endsOn: string;
  location: string;
  seatsTotal: number;
  nominationOpensOn: string;
  nominationClosesOn: string;
  costTuition: bigint;
  costAllowances: bigint;
  costTravel: bigint;
  costOther: bigint;
  allowedSources: FundingSource[];
  learnerSharePercent: number;
  active: boolean;
  quotas: QuotaSpec[];
}

export interface IntakeFilter {
  programId?: string;
  /** true: today lies in the nomination window; false: it does not. */
  open?: boolean;
  startsFrom?: string;
  startsTo?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

/** An intake with its seat quotas. */
export interface IntakeView {
  intake: Intake;
  quotas: IntakeSeatQuota[];
}

/**
 * Intakes of programmes: dates, seats (with quotas per tier or owner unit) and costs.
 * Everyone signed in reads them; administrators, and board reviewers of the intake's
 * management authority, change them. `seats_taken` belongs to the nomination workflow,
 * which changes it under the intake's row lock, as this service does when it changes seats.
 */
@Injectable()
export class IntakesService {
  constructor(private readonly audit: AuditService) {}

  async list(ctx: Ctx, filter: IntakeFilter): Promise<{ items: IntakeView[]; total: number }> {
    const query = ctx.manager.getRepository(Intake).createQueryBuilder('i');
    if (filter.programId) query.andWhere('i.program_id = :programId', filter);
    // Nomination windows are whole days of the organization's calendar.
    const open = 'i.nomination_opens_on <= :today AND i.nomination_closes_on >= :today';
    if (filter.open === true) query.andWhere(open, { today: ctx.clock.today() });
    else if (filter.open === false) query.andWhere(`NOT (${open})`, { today: ctx.clock.today() });
    if (filter.startsFrom) query.andWhere('i.starts_on >= :startsFrom', filter);
    if (filter.startsTo) query.andWhere('i.starts_on <= :startsTo', filter);
    if (filter.active !== undefined) query.andWhere('i.active = :active', filter);
    const [intakes, total] = await query
      .orderBy('i.starts_on')
      .addOrderBy('i.code')
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    const quotas = await this.quotasOf(
      ctx.manager,
      intakes.map((intake) => intake.id),
    );
    return {
      items: intakes.map((intake) => ({
        intake,
        quotas: quotas.filter((quota) => quota.intakeId === intake.id),
      })),
      total,
    };
  }

  async get(ctx: Ctx, id: string): Promise<IntakeView> {
    return this.view(ctx.manager, id);
  }

  async create(ctx: Ctx, fields: IntakeFields): Promise<IntakeView> {
    assertMayManage(ctx.actor, fields.authorityId);
    const errors = [...intakeDateErrors(fields), ...quotaShapeErrors(fields.quotas)];
    if (errors.length) throw fieldErrors(errors);
    assertQuotasFit(fields.quotas, fields.seatsTotal);
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      await this.assertReferences(manager, fields);
      if (await manager.existsBy(Intake, { code: fields.code })) throw codeTaken(fields.code);
      const { quotas, ...columns } = fields;
      const { id } = await manager.save(Intake, manager.create(Intake, columns));
      for (const quota of quotas) {
        await manager.insert(IntakeSeatQuota, {
          intakeId: id,
          tierId: quota.tierId ?? null,
          ownerUnitId: quota.ownerUnitId ?? null,
          seats: quota.seats,
        });
      }
      const saved = await this.view(manager, id);
      await this.audit.record(tx, 'intake', id, null, auditable(saved));
      return saved;
    });
  }

  async update(ctx: Ctx, id: string, changes: Partial<IntakeFields>): Promise<IntakeView> {
    const { actor } = ctx;
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      // The workflow takes the same lock before it counts a seat.
      const current = await manager
        .getRepository(Intake)
        .createQueryBuilder('i')
        .where('i.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!current) throw intakeNotFound(id);
      assertMayManage(actor, current.authorityId);
      if (changes.authorityId !== undefined) assertMayManage(actor, changes.authorityId);

      const { quotas: newQuotas, ...columnChanges } = changes;
      const next = { ...current, ...columnChanges };
      const errors: FieldError[] = [
        ...intakeDateErrors(next),
        ...quotaShapeErrors(newQuotas ?? []),
      ];
      if (errors.length) throw fieldErrors(errors);

      const currentQuotas = await manager
        .getRepository(IntakeSeatQuota)
        .createQueryBuilder('q')
        .where('q.intake_id = :id', { id })
        .setLock('pessimistic_write')
        .getMany();
      const before = auditable({ intake: current, quotas: sortQuotas(currentQuotas) });

      if (next.seatsTotal < current.seatsTaken) {
        throw seatsBelowTaken(
          `${current.seatsTaken} seats of this intake are taken; seatsTotal cannot be below ${current.seatsTaken}.`,
          current.seatsTaken,
        );
      }
      if (newQuotas) {
        for (const quota of currentQuotas) {
          const replacement = newQuotas.find((candidate) => sameTarget(candidate, quota));
          const seats = replacement?.seats ?? 0;
          if (seats < quota.seatsTaken) {
            throw seatsBelowTaken(
              `${quota.seatsTaken} seats of the quota for ${quota.tierId ? `tier ${quota.tierId}` : `owner unit ${quota.ownerUnitId}`} are taken; ` +
                `it cannot ${replacement ? `go below ${quota.seatsTaken}` : 'be removed'}.`,
              quota.seatsTaken,
            );
          }
        }
      }
      assertQuotasFit(newQuotas ?? currentQuotas, next.seatsTotal);
      if (next.startsOn.slice(0, 4) !== current.startsOn.slice(0, 4)) {
        await assertNoMoneyInOtherYear(manager, id, Number(next.startsOn.slice(0, 4)));
      }

      await this.assertReferences(manager, {
        programId: changes.programId !== current.programId ? changes.programId : undefined,
        authorityId: changes.authorityId !== current.authorityId ? changes.authorityId : undefined,
        quotas: newQuotas ?? [],
      });
      if (
        changes.code !== undefined &&
        changes.code !== current.code &&
        (await manager.existsBy(Intake, { code: changes.code }))
      ) {
        throw codeTaken(changes.code);
      }

      await manager.save(Intake, next);
      if (newQuotas) await this.replaceQuotas(manager, id, currentQuotas, newQuotas);
      const saved = await this.view(manager, id);
      await this.audit.record(tx, 'intake', id, before, auditable(saved));
      return saved;
    });
  }

  /** Replace-all that keeps each kept quota's row, and so its seats taken. */
  private async replaceQuotas(
    manager: EntityManager,
    intakeId: string,
    current: IntakeSeatQuota[],
    wanted: QuotaSpec[],
  ): Promise<void> {
    for (const quota of current) {
      const replacement = wanted.find((candidate) => sameTarget(candidate, quota));
      if (!replacement) await manager.delete(IntakeSeatQuota, { id: quota.id });
      else if (replacement.seats !== quota.seats) {
        await manager.update(IntakeSeatQuota, { id: quota.id }, { seats: replacement.seats });
      }
    }
    for (const quota of wanted) {
      if (current.some((existing) => sameTarget(quota, existing))) continue;
      await manager.insert(IntakeSeatQuota, {
        intakeId,
        tierId: quota.tierId ?? null,
        ownerUnitId: quota.ownerUnitId ?? null,
        seats: quota.seats,
      });
    }
  }

  private async view(manager: EntityManager, id: string): Promise<IntakeView> {
    const intake = await manager.findOneBy(Intake, { id });
    if (!intake) throw intakeNotFound(id);
    return { intake, quotas: await this.quotasOf(manager, [id]) };
  }

  private async quotasOf(manager: EntityManager, intakeIds: string[]) {
    if (!intakeIds.length) return [];
    const quotas = await manager
      .getRepository(IntakeSeatQuota)
      .createQueryBuilder('q')
      .where('q.intake_id = ANY(:intakeIds)', { intakeIds })
      .getMany();
    return sortQuotas(quotas);
  }

  private async assertReferences(
    manager: EntityManager,
    refs: { programId?: string; authorityId?: string | null; quotas: QuotaSpec[] },
  ): Promise<void> {
    if (
      refs.programId !== undefined &&
      !(await manager.existsBy(Program, { id: refs.programId }))
    ) {
      throw unknownReference('programId', 'programme');
    }
    if (refs.authorityId) {
      const found = await manager.query(`SELECT 1 FROM management_authorities WHERE id = $1`, [
        refs.authorityId,
      ]);
      if (!found.length) throw unknownReference('authorityId', 'management authority');
    }
    const errors: FieldError[] = [];
    for (const [index, quota] of refs.quotas.entries()) {
      const [table, field, label] = quota.tierId
        ? (['tiers', 'tierId', 'tier'] as const)
        : (['units', 'ownerUnitId', 'unit'] as const);
      const found = await manager.query(`SELECT 1 FROM ${table} WHERE id = $1`, [
        quota.tierId ?? quota.ownerUnitId,
      ]);
      if (!found.length) {
        errors.push({
          field: `quotas[${index}].${field}`,
          message: `No such ${label}`,
          code: 'UNKNOWN_REFERENCE',
        });
      }
    }
    if (errors.length) {
      throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'A quota names no such target.', {
        errors,
      });
    }
  }
}

const intakeNotFound = (id: string) =>
  new DomainError('INTAKE_NOT_FOUND', 'not_found', `No intake ${id}.`);

function assertMayManage(actor: Actor, authorityId: string | null): void {
  if (!mayManageIntake(actor, authorityId)) {
    throw new DomainError(
      'FORBIDDEN',
      'forbidden',
      authorityId
        ? 'Only administrators and board reviewers of the intake’s management authority may change it.'
        : 'Only administrators may change an intake without a management authority.',
    );
  }
}

/**
 * A fund pays only for training that starts in its fiscal year. An intake whose nominations
 * hold money reserved (or, in review, ask for money) from funds of another year than the one
 * it would now start in cannot move there: finance must release those reservations first (the
 * nominations are cancelled, or returned and submitted again on funds of the new year).
 * The intake's row lock, held by the caller, keeps decisions and submissions out meanwhile.
 */
async function assertNoMoneyInOtherYear(
  manager: EntityManager,
  intakeId: string,
  year: number,
): Promise<void> {
  const rows: Array<{ fiscalYear: number; nominations: number }> = await manager.query(
    `SELECT fiscal_year AS "fiscalYear", count(DISTINCT nomination_id)::int AS nominations
       FROM intake_fund_commitments WHERE intake_id = $1 AND fiscal_year <> $2
      GROUP BY fiscal_year ORDER BY fiscal_year`,
    [intakeId, year],
  );
  if (!rows.length) return;
  const nominations = rows.reduce((sum, row) => sum + row.nominations, 0);
  const years = rows.map((row) => row.fiscalYear);
  throw new DomainError(
    'INTAKE_FUNDED_IN_OTHER_YEAR',
    'conflict',
    `${nominations} nomination(s) of this intake hold or ask for money from funds of ${years.join(', ')}; ` +
      `it cannot start in ${year} until those reservations are released.`,
    { startsInYear: year, fundYears: years, nominations },
  );
}

function assertQuotasFit(quotas: { seats: number }[], seatsTotal: number): void {
  const reserved = quotaSeats(quotas);
  if (reserved > seatsTotal) {
    throw new DomainError(
      'QUOTAS_EXCEED_SEATS',
      'unprocessable',
      `The quotas reserve ${reserved} seats but the intake has ${seatsTotal}.`,
      { reserved, seatsTotal },
    );
  }
}

function seatsBelowTaken(message: string, seatsTaken: number): DomainError {
  return new DomainError('SEATS_BELOW_TAKEN', 'conflict', message, { seatsTaken });
}

const sameTarget = (a: QuotaSpec, b: IntakeSeatQuota) =>
  (a.tierId ?? null) === b.tierId && (a.ownerUnitId ?? null) === b.ownerUnitId;

/** Tier quotas first, then owner-unit quotas, each by id: a stable order for responses and audit. */
const quotaKey = (quota: IntakeSeatQuota) =>
  quota.tierId ? `0${quota.tierId}` : `1${quota.ownerUnitId}`;
const sortQuotas = (quotas: IntakeSeatQuota[]) =>
  [...quotas].sort((a, b) => (quotaKey(a) < quotaKey(b) ? -1 : quotaKey(a) > quotaKey(b) ? 1 : 0));

/** The audit trail keeps JSON: money as strings of digits, quotas by target. */
function auditable({ intake, quotas }: IntakeView): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...fields } = intake;
  return {
    ...fields,
    costTuition: intake.costTuition.toString(),
    costAllowances: intake.costAllowances.toString(),
    costTravel: intake.costTravel.toString(),
    costOther: intake.costOther.toString(),
    quotas: quotas.map(({ tierId, ownerUnitId, seats, seatsTaken }) => ({
      tierId,
      ownerUnitId,
      seats,
      seatsTaken,
    })),
  };
}
