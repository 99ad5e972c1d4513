import { DomainError, FieldError } from '@app/common';
import { returning } from '@app/database';
import type { EntityManager } from 'typeorm';

/** How a meeting's approvals are issued: a decision each, or one decision with a list. */
export type IssueAs = 'separate' | 'one_list';
export const ISSUE_AS: IssueAs[] = ['separate', 'one_list'];

/** The meeting a batch of decisions comes from. */
export interface Meeting {
  /** A calendar day, not after the organization's today. */
  date: string;
  /** The meeting's own number as the authority writes it (e.g. "12-BB/TU"). */
  number: string | null;
}

/** What a final approval is to issue; `authority_default`: as the deciding authority says. */
export interface DecisionIssue {
  kind: 'single' | 'list' | 'authority_default';
  meeting: Meeting | null;
  /** The list decision already opened in this batch, per authority: later lines join it. */
  openLists?: ReadonlyMap<string, string>;
}

/** A decision number as issued, with the nomination's line on a list. */
export interface IssuedDecision {
  id: string;
  number: string;
  kind: 'single' | 'list';
  authorityId: string;
  /** The nomination's line on a list decision; null on a single one. */
  line: number | null;
}

/** `0007/QĐ-TU/2026`: sequential per authority and year, four digits at least. */
export function formatDecisionNumber(sequence: number, authorityCode: string, year: number) {
  return `${String(sequence).padStart(4, '0')}/QĐ-${authorityCode}/${year}`;
}

const MEETING_NUMBER_MAX = 50;

/** Every problem of a meeting's fields, as field errors (none: the meeting is valid). */
export function meetingProblems(
  meeting: { date: string; number?: string | null },
  issueAs: IssueAs | undefined,
  today: string,
): FieldError[] {
  const problems: FieldError[] = [];
  if (meeting.date > today) {
    problems.push({
      field: 'meetingDate',
      message: `the meeting cannot be after today (${today})`,
      code: 'IN_FUTURE',
    });
  }
  const number = meeting.number?.trim() ?? '';
  if (meeting.number !== undefined && meeting.number !== null && number === '') {
    problems.push({ field: 'meetingNumber', message: 'meetingNumber is blank', code: 'BLANK' });
  } else if (number.length > MEETING_NUMBER_MAX) {
    problems.push({
      field: 'meetingNumber',
      message: `meetingNumber is longer than ${MEETING_NUMBER_MAX} characters`,
      code: 'TOO_LONG',
    });
  } else if (issueAs === 'one_list' && number === '') {
    problems.push({
      field: 'meetingNumber',
      message: 'a decision with an attached list names the meeting: meetingNumber is required',
      code: 'REQUIRED',
    });
  }
  return problems;
}

export function assertValidMeeting(
  meeting: { date: string; number?: string | null },
  issueAs: IssueAs | undefined,
  today: string,
): void {
  const errors = meetingProblems(meeting, issueAs, today);
  if (errors.length) {
    throw new DomainError('VALIDATION_FAILED', 'invalid', 'The request is invalid; see errors.', {
      errors,
    });
  }
}

/**
 * Issues the decision of a final approval, in its transaction. A list already opened in
 * the batch gets the next line under its row lock; otherwise the authority's counter for
 * the year gives the next number (its row lock orders concurrent meetings, and a rolled
 * back approval gives its number back, so numbers have no gaps).
 */
export async function issueDecision(
  manager: EntityManager,
  input: {
    authorityId: string;
    year: number;
    today: string;
    decidedBy: string;
    issue: DecisionIssue;
  },
): Promise<IssuedDecision> {
  const { authorityId } = input;
  const issue = { ...input.issue, kind: await kindToIssue(manager, input.issue, authorityId) };
  const openList = issue.kind === 'list' ? issue.openLists?.get(authorityId) : undefined;
  if (openList) {
    const [row] = await returning<{ id: string; number: string; lineCount: number }>(
      manager,
      `UPDATE decisions SET line_count = line_count + 1
        WHERE id = $1 AND authority_id = $2 AND kind = 'list'
        RETURNING id, number, line_count AS "lineCount"`,
      [openList, authorityId],
    );
    if (row) {
      return { id: row.id, number: row.number, kind: 'list', authorityId, line: row.lineCount };
    }
  }
  const [counter] = await manager.query(
    `INSERT INTO decision_counters (authority_id, year, last_number) VALUES ($1, $2, 1)
     ON CONFLICT (authority_id, year) DO UPDATE SET last_number = decision_counters.last_number + 1
     RETURNING last_number AS "sequence", (SELECT code FROM management_authorities WHERE id = $1) AS code`,
    [authorityId, input.year],
  );
  const number = formatDecisionNumber(counter.sequence, counter.code, input.year);
  const [decision] = await manager.query(
    `INSERT INTO decisions (number, authority_id, year, sequence, kind, decided_on, meeting_date,
                            meeting_number, line_count, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      number,
      authorityId,
      input.year,
      counter.sequence,
      issue.kind,
      input.today,
      issue.meeting?.date ?? null,
      issue.meeting?.number?.trim() || null,
      issue.kind === 'list' ? 1 : 0,
      input.decidedBy,
    ],
  );
  return {
    id: decision.id,
    number,
    kind: issue.kind,
    authorityId,
    line: issue.kind === 'list' ? 1 : null,
  };
}

async function kindToIssue(
  manager: EntityManager,
  issue: DecisionIssue,
  authorityId: string,
): Promise<'single' | 'list'> {
  if (issue.kind !== 'authority_default') return issue.kind;
  const [authority] = await manager.query(
    `SELECT decision_issue AS "decisionIssue" FROM management_authorities WHERE id = $1`,
    [authorityId],
  );
  return authority?.decisionIssue === 'one_list' ? 'list' : 'single';
}
