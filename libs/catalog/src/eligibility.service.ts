import { Ctx } from '@app/access';
import { DomainError } from '@app/common';
import { StaffMember, StaffService } from '@app/organization';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TargetGroup } from './catalog-types';
import { EligibilityRulesService } from './eligibility-rules.service';
import {
  EligibilityContext,
  EligibilityVerdict,
  evaluateEligibility,
} from './eligibility/evaluate-eligibility';
import { Intake, Program } from './entities/catalog.entities';

export interface RecommendedIntake {
  intake: Pick<
    Intake,
    'id' | 'code' | 'startsOn' | 'endsOn' | 'location' | 'nominationClosesOn'
  > & {
    seatsRemaining: number;
  };
  program: Pick<Program, 'id' | 'code' | 'name' | 'category' | 'overseas'>;
  /** The gaps it would close: the requirement, and the position it is required for. */
  closes: Array<{ requirement: string; required: number; positionId: string; planned: boolean }>;
  verdict: EligibilityVerdict;
}

/** Whether a person may be nominated for an intake, and which open intakes would help them. */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly staff: StaffService,
    private readonly rules: EligibilityRulesService,
  ) {}

  /**
   * The verdict as the context's actor reads the person, today. A nomination's action asks
   * inside its transaction: never a second connection while one is held.
   */
  async verdict(
    ctx: Ctx,
    intakeId: string,
    staffId: string,
    targetGroup: TargetGroup | null,
  ): Promise<EligibilityVerdict> {
    const { manager } = ctx;
    const today = ctx.clock.today();
    const person = await this.staff.get(ctx, staffId);
    const intake = await manager.getRepository(Intake).findOneBy({ id: intakeId });
    if (!intake) throw new DomainError('INTAKE_NOT_FOUND', 'not_found', `No intake ${intakeId}.`);
    const program = await manager.getRepository(Program).findOneByOrFail({ id: intake.programId });
    return this.evaluate(person, intake, program, targetGroup, today, manager);
  }

  /**
   * Open intakes whose programme grants a qualification the person lacks for their current
   * or a planned position; eligible ones first, then by start date.
   */
  async recommendedIntakes(ctx: Ctx, staffId: string): Promise<RecommendedIntake[]> {
    const { manager } = ctx;
    const today = ctx.clock.today();
    const person = await this.staff.get(ctx, staffId);
    const gaps = await this.staff.standardGaps(ctx, staffId);
    const needs = [
      ...(gaps.current.position
        ? gaps.current.gaps.map((gap) => ({
            ...gap,
            positionId: gaps.current.position!.id,
            planned: false,
          }))
        : []),
      ...gaps.planned.flatMap((report) =>
        report.gaps.map((gap) => ({ ...gap, positionId: report.position!.id, planned: true })),
      ),
    ];
    if (!needs.length) return [];
    const candidates = (await manager
      .getRepository(Intake)
      .createQueryBuilder('i')
      .innerJoinAndMapOne('i.program', Program, 'p', 'p.id = i.program_id')
      .where('i.active AND p.active')
      .andWhere(':today BETWEEN i.nomination_opens_on AND i.nomination_closes_on', { today })
      .andWhere('p.grants_kind IN (:...kinds)', {
        kinds: [...new Set(needs.map((need) => need.requirement))],
      })
      .orderBy('i.starts_on')
      .addOrderBy('i.code')
      .getMany()) as Array<Intake & { program: Program }>;
    const recommended: RecommendedIntake[] = [];
    for (const candidate of candidates) {
      const closes = needs
        .filter(
          (need) =>
            need.requirement === candidate.program.grantsKind &&
            (candidate.program.grantsLevel ?? 0) >= need.required,
        )
        .map(({ requirement, required, positionId, planned }) => ({
          requirement,
          required,
          positionId,
          planned,
        }));
      if (!closes.length) continue;
      recommended.push({
        intake: {
          id: candidate.id,
          code: candidate.code,
          startsOn: candidate.startsOn,
          endsOn: candidate.endsOn,
          location: candidate.location,
          nominationClosesOn: candidate.nominationClosesOn,
          seatsRemaining: candidate.seatsTotal - candidate.seatsTaken,
        },
        program: {
          id: candidate.program.id,
          code: candidate.program.code,
          name: candidate.program.name,
          category: candidate.program.category,
          overseas: candidate.program.overseas,
        },
        closes,
        verdict: await this.evaluate(person, candidate, candidate.program, null, today, manager),
      });
    }
    // Stable: eligible first, keeping start-date order within each group.
    return [
      ...recommended.filter((r) => r.verdict.eligible),
      ...recommended.filter((r) => !r.verdict.eligible),
    ];
  }

  private async evaluate(
    person: StaffMember,
    intake: Intake,
    program: Program,
    targetGroup: TargetGroup | null,
    today: string,
    manager: EntityManager,
  ): Promise<EligibilityVerdict> {
    const [place] = await manager.query(
      `SELECT t.code AS tier_code, p.code AS position_code
         FROM units u JOIN tiers t ON t.id = u.tier_id
         LEFT JOIN positions p ON p.id = $2
        WHERE u.id = $1`,
      [person.unitId, person.positionId],
    );
    const context: EligibilityContext = {
      person: {
        birthDate: person.birthDate,
        joinedServiceOn: person.joinedServiceOn,
        tierCode: place.tier_code,
        positionCode: place.position_code,
        educationLevel: person.educationLevel,
        politicalTheory: person.politicalTheory,
        fosteringRank: person.fosteringRank,
        languageLevel: person.languageLevel,
      },
      program: {
        category: program.category,
        overseas: program.overseas,
        mode: program.mode,
        grantsKind: program.grantsKind,
        grantsLevel: program.grantsLevel,
      },
      intake: {
        startsOn: intake.startsOn,
        endsOn: intake.endsOn,
        nominationOpensOn: intake.nominationOpensOn,
        nominationClosesOn: intake.nominationClosesOn,
      },
      targetGroup,
      // Filled from approved nominations once the workflow exists.
      otherFullTimeTrainings: [],
      today,
    };
    return evaluateEligibility(await this.rules.rulesFor(manager, intake), context);
  }
}
