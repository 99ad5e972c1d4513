import type { EntityManager } from 'typeorm';
import { stepActorsSql } from './step-actors';

/** How many of a step's holders are named; `holderCount` counts them all. */
export const NAMED_HOLDERS = 5;

/** A person who may act on a step today: an own grant, or one lent to them today. */
export interface StepHolder {
  userId: string;
  displayName: string;
}

/** The step a nomination in review waits at, with who may act on it today. */
export interface CurrentStepSummary {
  position: number;
  role: 'board_reviewer' | 'board_member' | 'finance';
  authorityId: string | null;
  authorityName: string | null;
  /** The finance step's unit. */
  unitId: string | null;
  unitName: string | null;
  /** The first `NAMED_HOLDERS` by name. */
  holders: StepHolder[];
  holderCount: number;
  /** When the step became current: the nomination's last change. */
  waitingSince: Date;
  daysWaiting: number;
}

/** The names a screen shows beside a nomination's ids. */
export interface NominationNames {
  nominee: { id: string; code: string; fullName: string };
  /** The nominee's unit. */
  unit: { id: string; name: string };
  /** An intake has no name of its own: `name` is its programme's. */
  intake: {
    id: string;
    code: string;
    name: string;
    startsOn: string;
    endsOn: string;
    location: string;
  };
  program: { id: string; name: string; category: string };
  /** Null unless the nomination is in review. */
  currentStepSummary: CurrentStepSummary | null;
}

/**
 * The names beside the ids of the given nominations, in one query: the nominee, their
 * unit, the intake and its programme, and the step in review with who may act on it today
 * (the rule of `stepActorsSql`). Callers pass only ids the caller may see.
 */
export async function loadNominationNames(
  manager: EntityManager,
  ids: string[],
  today: string,
): Promise<Map<string, NominationNames>> {
  if (ids.length === 0) return new Map();
  const actors = stepActorsSql(
    {
      role: 'st.role',
      authorityId: 'st.authority_id',
      path: 'st.path',
      nominationId: 'n.id',
      position: 'st.position',
      nominatorUserId: 'n.nominator_user_id',
      nomineeStaffId: 'n.nominee_staff_id',
    },
    '$2::date',
  );
  const rows: NamesRow[] = await manager.query(
    `SELECT n.id, s.id AS "nomineeId", s.code AS "nomineeCode", s.full_name AS "nomineeName",
            u.id AS "unitId", u.name AS "unitName",
            i.id AS "intakeId", i.code AS "intakeCode", i.starts_on::text AS "startsOn",
            i.ends_on::text AS "endsOn", i.location,
            p.id AS "programId", p.name AS "programName", p.category,
            st.position, st.role, st.authority_id AS "stepAuthorityId",
            st.authority_name AS "stepAuthorityName", st.unit_id AS "stepUnitId",
            st.unit_name AS "stepUnitName", ws.occurred_at AS "waitingSince",
            floor(extract(epoch FROM now() - ws.occurred_at) / 86400)::int AS "daysWaiting",
            hold.count AS "holderCount", hold.holders
       FROM nominations n
       JOIN staff s ON s.id = n.nominee_staff_id
       JOIN units u ON u.id = s.unit_id
       JOIN intakes i ON i.id = n.intake_id
       JOIN programs p ON p.id = i.program_id
       LEFT JOIN LATERAL (
         SELECT cs.position, cs.role, cs.authority_id, ca.name AS authority_name, cs.unit_id,
                cfu.name AS unit_name, coalesce(cau.path, cfu.path) AS path
           FROM nomination_steps cs
           LEFT JOIN management_authorities ca ON ca.id = cs.authority_id
           LEFT JOIN units cau ON cau.id = ca.unit_id
           LEFT JOIN units cfu ON cfu.id = cs.unit_id
          WHERE n.status = 'in_review' AND cs.nomination_id = n.id AND cs.position = n.current_step
       ) st ON true
       LEFT JOIN LATERAL (
         SELECT h.occurred_at FROM nomination_history h
          WHERE st.position IS NOT NULL AND h.nomination_id = n.id
          ORDER BY h.id DESC LIMIT 1
       ) ws ON true
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS count,
                coalesce(json_agg(json_build_object('userId', holder.id, 'displayName', holder.display_name)
                                  ORDER BY holder.rank) FILTER (WHERE holder.rank <= ${NAMED_HOLDERS}),
                         '[]'::json) AS holders
           FROM (SELECT hu.id, hu.display_name,
                        row_number() OVER (ORDER BY hu.display_name, hu.id) AS rank
                   FROM users hu
                  WHERE st.position IS NOT NULL
                    AND hu.id IN (SELECT actor.user_id FROM (${actors}) actor)) holder
       ) hold ON true
      WHERE n.id = ANY($1::uuid[])`,
    [ids, today],
  );
  return new Map(rows.map((row) => [row.id, toNames(row)]));
}

interface NamesRow {
  id: string;
  nomineeId: string;
  nomineeCode: string;
  nomineeName: string;
  unitId: string;
  unitName: string;
  intakeId: string;
  intakeCode: string;
  startsOn: string;
  endsOn: string;
  location: string;
  programId: string;
  programName: string;
  category: string;
  position: number | null;
  role: CurrentStepSummary['role'] | null;
  stepAuthorityId: string | null;
  stepAuthorityName: string | null;
  stepUnitId: string | null;
  stepUnitName: string | null;
  waitingSince: Date | null;
  daysWaiting: number | null;
  holderCount: number;
  holders: StepHolder[];
}

function toNames(row: NamesRow): NominationNames {
  return {
    nominee: { id: row.nomineeId, code: row.nomineeCode, fullName: row.nomineeName },
    unit: { id: row.unitId, name: row.unitName },
    intake: {
      id: row.intakeId,
      code: row.intakeCode,
      name: row.programName,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      location: row.location,
    },
    program: { id: row.programId, name: row.programName, category: row.category },
    currentStepSummary:
      row.position === null
        ? null
        : {
            position: row.position,
            role: row.role!,
            authorityId: row.stepAuthorityId,
            authorityName: row.stepAuthorityName,
            unitId: row.stepUnitId,
            unitName: row.stepUnitName,
            holders: row.holders,
            holderCount: row.holderCount,
            waitingSince: row.waitingSince!,
            daysWaiting: row.daysWaiting ?? 0,
          },
  };
}
