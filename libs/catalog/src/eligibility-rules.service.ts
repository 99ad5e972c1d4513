import { Actor, Ctx, isAdmin } from '@app/access';
import { AuditService } from '@app/audit';
import { DomainError, FieldError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, IsNull } from 'typeorm';
import { EligibilityRuleRecord, Intake, Program } from './entities/catalog.entities';
import { EligibilityRule, RuleKind } from './eligibility/rule-kinds';
import { validateRule } from './eligibility/validate-rule';

export interface RuleFields {
  programId: string | null;
  intakeId: string | null;
  kind: string;
  params: Record<string, unknown>;
  enabled: boolean;
}

/** Eligibility rules are data: organization-wide defaults, per programme, per intake. */
@Injectable()
export class EligibilityRulesService {
  constructor(private readonly audit: AuditService) {}

  list(
    ctx: Ctx,
    filter: {
      programId?: string;
      intakeId?: string;
      defaultsOnly?: boolean;
    },
  ): Promise<EligibilityRuleRecord[]> {
    const where: FindOptionsWhere<EligibilityRuleRecord> = {};
    if (filter.programId) where.programId = filter.programId;
    if (filter.intakeId) where.intakeId = filter.intakeId;
    if (filter.defaultsOnly) Object.assign(where, { programId: IsNull(), intakeId: IsNull() });
    return ctx.manager
      .getRepository(EligibilityRuleRecord)
      .find({ where, order: { kind: 'ASC', createdAt: 'ASC', id: 'ASC' } });
  }

  /** The rules that may apply to an intake: defaults, its programme's and its own. */
  async rulesFor(
    manager: EntityManager,
    intake: Pick<Intake, 'id' | 'programId'>,
  ): Promise<EligibilityRule[]> {
    const records: EligibilityRuleRecord[] = await manager.query(
      `SELECT id, program_id AS "programId", intake_id AS "intakeId", kind, params, enabled
         FROM eligibility_rules
        WHERE (program_id IS NULL AND intake_id IS NULL) OR program_id = $1 OR intake_id = $2`,
      [intake.programId, intake.id],
    );
    return records.map(toRule);
  }

  async create(ctx: Ctx, fields: RuleFields): Promise<EligibilityRuleRecord> {
    assertAdmin(ctx.actor);
    const errors = validateRule(fields.kind, fields.params);
    if (fields.programId && fields.intakeId) {
      errors.push({
        field: 'intakeId',
        message: 'A rule belongs to a programme or an intake, not both',
        code: 'ONE_LEVEL',
      });
    }
    if (errors.length) throw invalid(errors);
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      await this.assertTargets(manager, fields);
      const saved = await manager.save(EligibilityRuleRecord, {
        ...fields,
        kind: fields.kind as RuleKind,
      });
      await this.audit.record(tx, 'eligibility_rule', saved.id, null, auditable(saved));
      return saved;
    });
  }

  async update(
    ctx: Ctx,
    id: string,
    changes: { params?: Record<string, unknown>; enabled?: boolean },
  ): Promise<EligibilityRuleRecord> {
    assertAdmin(ctx.actor);
    return ctx.transaction(async (tx) => {
      const manager = tx.manager;
      const current = await this.lock(manager, id);
      const next = { ...current, ...changes };
      const errors = validateRule(next.kind, next.params);
      if (errors.length) throw invalid(errors);
      const saved = await manager.save(EligibilityRuleRecord, next);
      await this.audit.record(tx, 'eligibility_rule', id, auditable(current), auditable(saved));
      return saved;
    });
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    assertAdmin(ctx.actor);
    await ctx.transaction(async (tx) => {
      const manager = tx.manager;
      const current = await this.lock(manager, id);
      await manager.delete(EligibilityRuleRecord, { id });
      await this.audit.record(tx, 'eligibility_rule', id, auditable(current), null);
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<EligibilityRuleRecord> {
    const found = await manager
      .getRepository(EligibilityRuleRecord)
      .createQueryBuilder('r')
      .where('r.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!found) throw new DomainError('RULE_NOT_FOUND', 'not_found', `No eligibility rule ${id}.`);
    return found;
  }

  private async assertTargets(manager: EntityManager, fields: RuleFields): Promise<void> {
    const errors: FieldError[] = [];
    if (fields.programId && !(await manager.existsBy(Program, { id: fields.programId }))) {
      errors.push({ field: 'programId', message: 'No such programme', code: 'UNKNOWN_REFERENCE' });
    }
    if (fields.intakeId && !(await manager.existsBy(Intake, { id: fields.intakeId }))) {
      errors.push({ field: 'intakeId', message: 'No such intake', code: 'UNKNOWN_REFERENCE' });
    }
    if (errors.length) {
      throw new DomainError('UNKNOWN_REFERENCE', 'unprocessable', 'Some references do not exist.', {
        errors,
      });
    }
  }
}

export function toRule(
  record: Pick<
    EligibilityRuleRecord,
    'id' | 'programId' | 'intakeId' | 'kind' | 'params' | 'enabled'
  >,
): EligibilityRule {
  return {
    id: record.id,
    kind: record.kind,
    params: record.params as EligibilityRule['params'],
    enabled: record.enabled,
    level: record.intakeId ? 'intake' : record.programId ? 'program' : 'default',
  };
}

function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor))
    throw new DomainError(
      'FORBIDDEN',
      'forbidden',
      'Only administrators change eligibility rules.',
    );
}

function invalid(errors: FieldError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', 'invalid', 'The rule is invalid; see errors.', {
    errors,
  });
}

function auditable(rule: EligibilityRuleRecord): Record<string, unknown> {
  const { createdAt: _c, ...fields } = rule;
  return fields;
}
