import { Ctx, notFound } from '@app/access';
import { query } from '@app/database';
import { Injectable } from '@nestjs/common';
import { activeDelegatedGrants, nominationScope } from './delegated-grants';
import type { State } from './workflow/transitions';

/** A decision as its document reads, with the lines the caller may see. */
export interface DecisionView {
  id: string;
  number: string;
  kind: 'single' | 'list';
  authority: { id: string; code: string; name: string };
  decidedOn: string;
  meetingDate: string | null;
  meetingNumber: string | null;
  /** Every line of the decision, seen or not (the number of people it names is not secret). */
  lineCount: number;
  /** The lines whose nominations the caller may see, in line order (a single one: its one). */
  lines: Array<{
    line: number | null;
    nominationId: string;
    reference: string;
    status: State;
    nominee: { id: string; code: string; fullName: string };
    unit: { id: string; name: string };
    intake: { id: string; code: string; name: string };
  }>;
}

@Injectable()
export class DecisionQueries {
  /**
   * A decision for whoever may see one of its nominations; only those lines are shown.
   * A decision none of whose nominations the caller may see answers 404, like one that
   * does not exist.
   */
  async get(ctx: Ctx, id: string): Promise<DecisionView> {
    const { actor, manager } = ctx;
    const today = ctx.clock.today();
    const scope = nominationScope(actor, await activeDelegatedGrants(manager, actor.userId, today));
    const lines = await query<DecisionView['lines'][number]>(
      manager,
      `SELECT n.decision_line AS line, n.id AS "nominationId", n.reference, n.status,
              json_build_object('id', s.id, 'code', s.code, 'fullName', s.full_name) AS nominee,
              json_build_object('id', u.id, 'name', u.name) AS unit,
              json_build_object('id', i.id, 'code', i.code, 'name', p.name) AS intake
         FROM nominations n
         JOIN staff s ON s.id = n.nominee_staff_id
         JOIN units u ON u.id = s.unit_id
         JOIN intakes i ON i.id = n.intake_id
         JOIN programs p ON p.id = i.program_id
        WHERE n.decision_id = :id AND ${scope.sql}
        ORDER BY n.decision_line NULLS FIRST, n.reference`,
      { ...scope.params, id },
    );
    if (!lines.length) throw notFound('decision', id);
    const [decision] = await manager.query(
      `SELECT d.id, d.number, d.kind, d.decided_on::text AS "decidedOn",
              d.meeting_date::text AS "meetingDate", d.meeting_number AS "meetingNumber",
              CASE WHEN d.kind = 'list' THEN d.line_count ELSE 1 END AS "lineCount",
              json_build_object('id', a.id, 'code', a.code, 'name', a.name) AS authority
         FROM decisions d JOIN management_authorities a ON a.id = d.authority_id
        WHERE d.id = $1`,
      [id],
    );
    return { ...decision, lines };
  }
}
