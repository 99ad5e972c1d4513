import { Ctx } from '@app/access';
import { Injectable } from '@nestjs/common';
import { assertValidMeeting, IssueAs, IssuedDecision, Meeting } from './decision-numbers';
import { NominationService } from './nomination.service';
import type { State } from './workflow/transitions';

export interface MeetingItem {
  nominationId: string;
  version: number;
  action: 'approve' | 'return' | 'reject';
  comment?: string | null;
}

export type MeetingOutcome =
  | { nominationId: string; ok: true; status: State; decision: IssuedDecision | null }
  | { nominationId: string; ok: false; error: unknown };

/**
 * A meeting decides many nominations at once. Each item is acted on in its own transaction,
 * exactly as if sent alone: one that fails does not stop the others. Issued as one list,
 * the final approvals of one authority share one decision number, a line each; the list is
 * opened by the first approval that commits, so a failed item leaves no number and no line.
 */
@Injectable()
export class MeetingDecisions {
  constructor(private readonly nominations: NominationService) {}

  async decide(
    ctx: Ctx,
    meeting: Meeting,
    /** Absent: as each deciding authority issues by default. */
    issueAs: IssueAs | undefined,
    items: MeetingItem[],
  ): Promise<MeetingOutcome[]> {
    ctx.assertOutsideTransaction('A meeting decision');
    assertValidMeeting(meeting, issueAs, ctx.clock.today());
    const openLists = new Map<string, string>();
    const label = meeting.number?.trim()
      ? `Phiên họp số ${meeting.number.trim()} ngày ${meeting.date}`
      : `Phiên họp ngày ${meeting.date}`;
    const outcomes: MeetingOutcome[] = [];
    for (const item of items) {
      const comment = [label, item.comment?.trim()].filter(Boolean).join(': ');
      try {
        const result = await this.nominations.act(ctx, item.nominationId, item.action, {
          version: item.version,
          // A return or reject still needs its own reason; the meeting alone is not one.
          comment: item.comment?.trim() ? comment : item.action === 'approve' ? comment : null,
          decision: {
            kind:
              issueAs === undefined
                ? 'authority_default'
                : issueAs === 'one_list'
                  ? 'list'
                  : 'single',
            meeting,
            openLists,
          },
        });
        // Only once committed does a list take further lines.
        if (result.decision?.kind === 'list') {
          openLists.set(result.decision.authorityId, result.decision.id);
        }
        outcomes.push({
          nominationId: item.nominationId,
          ok: true,
          status: result.status,
          decision: result.decision ?? null,
        });
      } catch (error) {
        outcomes.push({ nominationId: item.nominationId, ok: false, error });
      }
    }
    return outcomes;
  }
}
