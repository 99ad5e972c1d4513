import { INVITATION_TOKEN_PURPOSE } from '@app/access';
import { openSealedSecret } from '@app/common';
import type { EntityManager } from 'typeorm';
import type { SentEventType } from './events';
import type { OutboxEvent, Recipient } from './recipients';
import type { NotificationContext } from './templates/context';

/**
 * Gathers what a message about this event says (nomination, nominee, programme, step or
 * fund), read when the message is written, and the link to it.
 */
export async function loadMessageContext(
  manager: EntityManager,
  event: OutboxEvent & { type: SentEventType },
  recipient: Recipient & { email?: string },
  baseUrl: string,
  /** Opens the sealed token of an invitation (the application's JWT secret). */
  appSecret?: string,
): Promise<NotificationContext> {
  const base = baseUrl.replace(/\/+$/, '');
  const payload = event.payload as Record<string, unknown>;
  const context: NotificationContext = {
    type: event.type,
    recipient: { displayName: recipient.displayName, locale: recipient.locale },
    link: '',
  };
  if (event.type === 'user.invited') {
    if (!appSecret) throw new Error('An invitation needs the secret that sealed its token');
    const token = openSealedSecret(appSecret, INVITATION_TOKEN_PURPOSE, String(payload.token));
    context.link = `${base}/invitation/${token}`;
    context.invitation = { expiresAt: String(payload.expiresAt), email: recipient.email ?? '' };
    return context;
  }
  if (event.type === 'fund.threshold_crossed' || event.type === 'fund.pipeline_warning') {
    const [fund] = await manager.query(
      `SELECT code, name, fiscal_year AS "fiscalYear", allocated::text, available::text
         FROM funds WHERE id = $1`,
      [event.aggregateId],
    );
    context.link = `${base}/funds/${event.aggregateId}`;
    context.fund = {
      ...fund,
      threshold: Number(payload.threshold),
      utilizationBasisPoints: Number(payload.utilizationBasisPoints ?? payload.exposureBasisPoints),
      ...(event.type === 'fund.pipeline_warning'
        ? { committed: String(payload.committed), pipeline: String(payload.pipeline) }
        : {}),
    };
    return context;
  }
  const [row] = await manager.query(
    `SELECT n.reference, s.full_name AS "nomineeName", p.name AS "programTitle",
            i.code AS "intakeName", nu.name AS "unitName", n.estimated_cost::text AS "estimatedCost",
            n.decision_number AS "decisionNumber", n.decision_line AS "decisionLine",
            (SELECT count(*)::int FROM nomination_steps c WHERE c.nomination_id = n.id) AS "stepCount",
            st.role AS "stepRole", actor.display_name AS "actorName"
       FROM nominations n
       JOIN staff s ON s.id = n.nominee_staff_id
       JOIN intakes i ON i.id = n.intake_id
       JOIN programs p ON p.id = i.program_id
       JOIN units nu ON nu.id = n.nominating_unit_id
       LEFT JOIN nomination_steps st ON st.nomination_id = n.id AND st.position = $2
       LEFT JOIN users actor ON actor.id = $3
      WHERE n.id = $1`,
    [event.aggregateId, payload.waitingStep ?? null, payload.actorUserId ?? null],
  );
  context.link = `${base}/nominations/${event.aggregateId}`;
  context.nomination = {
    reference: row.reference,
    nomineeName: row.nomineeName,
    programTitle: row.programTitle,
    intakeName: row.intakeName,
    unitName: row.unitName,
    estimatedCost: row.estimatedCost,
    ...(row.stepRole
      ? {
          step: {
            position: Number(payload.waitingStep),
            role: row.stepRole,
            count: row.stepCount,
          },
        }
      : {}),
    ...(payload.workingDays !== undefined
      ? { waitingWorkingDays: Number(payload.workingDays) }
      : {}),
    ...(typeof payload.decisionNumber === 'string'
      ? { decisionNumber: payload.decisionNumber }
      : row.decisionNumber
        ? { decisionNumber: row.decisionNumber }
        : {}),
    ...(typeof payload.decisionLine === 'number'
      ? { decisionLine: payload.decisionLine }
      : row.decisionLine
        ? { decisionLine: Number(row.decisionLine) }
        : {}),
    ...(typeof payload.comment === 'string' ? { comment: payload.comment } : {}),
    ...(row.actorName ? { actorName: row.actorName } : {}),
  };
  return context;
}
