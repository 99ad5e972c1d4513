import type { WorkContext } from '@app/common';
import type { QualificationScale, StaffService } from '@app/organization';
import type { NominationRecord } from './nomination-records';

/**
 * A training completed with success gives the nominee what its programme grants (a degree, a
 * political-theory level, ...): their record is raised to it, never lowered, in the
 * completion's transaction and audited as a change of the staff record. Eligibility and
 * standards compliance read the record, so they follow at once.
 */
export async function grantCompletedQualification(
  tx: WorkContext,
  staff: StaffService,
  nomination: NominationRecord,
): Promise<void> {
  const { manager } = tx;
  const [program]: Array<{
    kind: QualificationScale | null;
    level: number | null;
  }> = await manager.query(
    `SELECT p.grants_kind AS kind, p.grants_level AS level
       FROM intakes i JOIN programs p ON p.id = i.program_id WHERE i.id = $1`,
    [nomination.intakeId],
  );
  if (!program?.kind || program.level === null) return;
  await staff.raiseQualification(tx, nomination.nomineeStaffId, program.kind, program.level);
}
