import type { Seeder } from '@app/database';
import type { EntityManager } from 'typeorm';
import { DEMO_INTAKES, DEMO_PROGRAMS, DEMO_PROVIDERS, demoWindow } from './catalog-demo';

async function idsByCode(manager: EntityManager, table: string): Promise<Map<string, string>> {
  const rows: Array<{ id: string; code: string }> = await manager.query(
    `SELECT id, code FROM ${table}`,
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** Writes the demo catalog; intakes and quotas are tied to the organization's codes. */
export async function writeDemoCatalog(manager: EntityManager): Promise<void> {
  const tiers = await idsByCode(manager, 'tiers');
  const authorities = await idsByCode(manager, 'management_authorities');

  const providers = new Map<string, string>();
  for (const provider of DEMO_PROVIDERS) {
    const [{ id }] = await manager.query(
      `INSERT INTO providers (code, name, country) VALUES ($1, $2, $3) RETURNING id`,
      [provider.code, provider.name, provider.country],
    );
    providers.set(provider.code, id);
  }

  const programs = new Map<string, string>();
  for (const program of DEMO_PROGRAMS) {
    const [{ id }] = await manager.query(
      `INSERT INTO programs (code, name, category, provider_id, overseas, mode, duration_months,
                             grants_kind, grants_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        program.code,
        program.name,
        program.category,
        providers.get(program.provider),
        program.overseas,
        program.mode,
        program.durationMonths,
        program.grants?.kind ?? null,
        program.grants?.level ?? null,
      ],
    );
    programs.set(program.code, id);
    for (const rule of program.rules) {
      await manager.query(
        `INSERT INTO eligibility_rules (program_id, kind, params) VALUES ($1, $2, $3::jsonb)`,
        [id, rule.kind, JSON.stringify(rule.params)],
      );
    }
  }

  for (const intake of DEMO_INTAKES) {
    const { opensOn, closesOn } = demoWindow(intake);
    const [{ id }] = await manager.query(
      `INSERT INTO intakes (code, program_id, authority_id, starts_on, ends_on, location,
                            seats_total, nomination_opens_on, nomination_closes_on,
                            cost_tuition, cost_allowances, cost_travel, cost_other,
                            allowed_sources, learner_share_percent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::bigint, $11::bigint, $12::bigint,
               $13::bigint, $14::text[], $15)
       RETURNING id`,
      [
        intake.code,
        programs.get(intake.program),
        authorities.get(intake.authority) ?? null,
        intake.startsOn,
        intake.endsOn,
        intake.location,
        intake.seats,
        opensOn,
        closesOn,
        intake.costs.tuition.toString(),
        intake.costs.allowances.toString(),
        intake.costs.travel.toString(),
        intake.costs.other.toString(),
        intake.sources,
        intake.learnerSharePercent,
      ],
    );
    for (const quota of intake.quotas) {
      const tierId = tiers.get(quota.tier);
      if (!tierId) continue;
      await manager.query(
        `INSERT INTO intake_seat_quotas (intake_id, tier_id, seats) VALUES ($1, $2, $3)`,
        [id, tierId, quota.seats],
      );
    }
  }
}

/**
 * The catalog's demo data: seven providers, twelve programmes and 27 intakes over 2026–2027,
 * with costs, funding sources, tier quotas and a few programme rules. Nomination windows are
 * placed around DEMO_CATALOG_REFERENCE_DATE, not today. It only fills an empty catalog, and
 * runs after the organization seeder, whose tier and authority codes it uses.
 */
export const catalogDemoSeeder: Seeder = {
  name: 'catalog',
  async run(manager) {
    const [{ used }] = await manager.query(`SELECT EXISTS (SELECT 1 FROM providers) AS used`);
    if (used) {
      console.warn('Catalog demo data skipped: providers already exist');
      return;
    }
    await writeDemoCatalog(manager);
  },
};
