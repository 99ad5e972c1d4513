import { formatBasisPoints, formatInstant, formatPercent, formatVnd } from './format';
import type { Fact, LocaleWording, NominationFacts, StepRole } from './render';

/** English, for users who chose it. */

const ROLE: Record<StepRole, string> = {
  board_reviewer: 'organization board (review)',
  board_member: 'Standing Committee',
  finance: 'finance',
};

const VIEW = 'View the nomination';
const REVIEW = 'Review the nomination';

/** " at step 2 of 3 – Standing Committee", or nothing when the step is not known. */
const atStep = (n: NominationFacts): string =>
  n.step ? ` at step ${n.step.position} of ${n.step.count} – ${ROLE[n.step.role]}` : '';

const workingDays = (days: number): string => `${days} working day${days === 1 ? '' : 's'}`;

const waited = (n: NominationFacts): string =>
  n.waitingWorkingDays === undefined ? '' : ` for ${workingDays(n.waitingWorkingDays)}`;

const reason = (n: NominationFacts): Fact => ['Reason', n.comment?.trim() || 'No reason given'];

const facts = (n: NominationFacts, ...extra: Fact[]): Fact[] => [
  ['Reference', n.reference],
  ['Nominee', n.nomineeName],
  ['Program', n.programTitle],
  ['Intake', n.intakeName],
  ['Nominating unit', n.unitName],
  ['Estimated cost', formatVnd(n.estimatedCost, 'en')],
  ...extra,
  ['Action by', n.actorName],
];

export const en: LocaleWording = {
  tag: '[Training]',
  greeting: (name) => `Dear ${name},`,
  footer:
    'This message was sent automatically by the training nomination system; please do not reply to it.',

  nomination: {
    'nomination.submitted': (n) => ({
      subject: `${n.reference} awaits your review`,
      paragraphs: [
        `${n.unitName} has submitted training nomination ${n.reference}.`,
        `It awaits your review${atStep(n)}.`,
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.step_approved': (n) => ({
      subject: `${n.reference} passed a step and awaits your review`,
      paragraphs: [
        `Training nomination ${n.reference} was approved at the previous step.`,
        `It now awaits your review${atStep(n)}.`,
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.reminder': (n) => ({
      subject: `Reminder: ${n.reference} has awaited review${waited(n)}`,
      paragraphs: [
        `Training nomination ${n.reference} has awaited your review${waited(n)}${atStep(n)}.`,
        'Please review it as soon as you can.',
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.escalated': (n) => ({
      subject: `Escalation: ${n.reference} is overdue for review`,
      paragraphs: [
        `Training nomination ${n.reference} has waited${waited(n)}${atStep(n)} without action.`,
        'Please see that it is dealt with, or review it yourself.',
      ],
      facts: facts(n),
      linkLabel: REVIEW,
    }),
    'nomination.returned': (n) => ({
      subject: `${n.reference} returned for revision`,
      paragraphs: [
        `Training nomination ${n.reference} has been returned for revision.`,
        'Please revise the nomination as the reason below asks and resubmit it.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: 'Revise the nomination',
    }),
    'nomination.approved': (n) => ({
      subject: `${n.reference} approved`,
      paragraphs: [
        `Training nomination ${n.reference} has been approved` +
          (n.decisionNumber
            ? ` by decision no. ${n.decisionNumber}` +
              (n.decisionLine ? ` (line ${n.decisionLine} of its attached list).` : '.')
            : '.'),
        `${n.nomineeName} is sent to ${n.programTitle}` +
          (n.intakeName ? `, ${n.intakeName}.` : '.'),
      ],
      facts: facts(
        n,
        ['Decision no.', n.decisionNumber],
        ['Line of the attached list', n.decisionLine?.toString()],
      ),
      linkLabel: VIEW,
    }),
    'nomination.rejected': (n) => ({
      subject: `${n.reference} rejected`,
      paragraphs: [
        `Training nomination ${n.reference} has been rejected.`,
        'This decision is final; the reason is given below.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: VIEW,
    }),
    'nomination.cancelled': (n) => ({
      subject: `${n.reference} cancelled`,
      paragraphs: [
        `The decision to send on training nomination ${n.reference} has been cancelled.`,
        'The funds reserved for it have been released; the reason is given below.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: VIEW,
    }),
    'nomination.withdrawn': (n) => ({
      subject: `${n.reference} withdrawn`,
      paragraphs: [
        `${n.unitName} has withdrawn training nomination ${n.reference}` +
          (n.step ? `, which was awaiting review${atStep(n)}.` : '.'),
        'You no longer need to review it.',
      ],
      facts: facts(n, reason(n)),
      linkLabel: VIEW,
    }),
  },

  fund: {
    'fund.threshold_crossed': (f) => ({
      subject: `Fund ${f.code} is over ${formatPercent(f.threshold, 'en')} used`,
      paragraphs: [
        `Training fund ${f.code} (${f.name}) for ${f.fiscalYear} is now ` +
          `${formatBasisPoints(f.utilizationBasisPoints, 'en')} used, past the ` +
          `${formatPercent(f.threshold, 'en')} alert threshold.`,
        'Please check the remaining funds before confirming further commitments.',
      ],
      facts: [
        ['Fund code', f.code],
        ['Fund name', f.name],
        ['Fiscal year', String(f.fiscalYear)],
        ['Alert threshold', formatPercent(f.threshold, 'en')],
        ['Utilization', formatBasisPoints(f.utilizationBasisPoints, 'en')],
        ['Allocated', formatVnd(f.allocated, 'en')],
        ['Available', formatVnd(f.available, 'en')],
      ],
      linkLabel: 'View the fund',
    }),
    'fund.pipeline_warning': (f) => ({
      subject: `Early warning: fund ${f.code} is nearing ${formatPercent(f.threshold, 'en')}`,
      paragraphs: [
        `Money committed and money in review against training fund ${f.code} (${f.name}) for ` +
          `${f.fiscalYear} now make ${formatBasisPoints(f.utilizationBasisPoints, 'en')} of the ` +
          `allocation, past the ${formatPercent(f.threshold, 'en')} early-warning threshold.`,
        'Nothing more has been reserved yet; please review the fund before the nominations ' +
          'are approved.',
      ],
      facts: [
        ['Fund code', f.code],
        ['Fund name', f.name],
        ['Fiscal year', String(f.fiscalYear)],
        ['Early-warning threshold', formatPercent(f.threshold, 'en')],
        ['Committed and in review', formatBasisPoints(f.utilizationBasisPoints, 'en')],
        ['Allocated', formatVnd(f.allocated, 'en')],
        ['Committed (reserved and spent)', f.committed && formatVnd(f.committed, 'en')],
        ['In review', f.pipeline && formatVnd(f.pipeline, 'en')],
      ],
      linkLabel: 'View the fund',
    }),
  },

  account: {
    'user.invited': (invitation) => ({
      subject: 'Activate your account',
      paragraphs: [
        'An administrator has created an account for you in the training management system.',
        'To start, open the link below and choose your password (at least 12 characters). ' +
          `The link works once, until ${formatInstant(invitation.expiresAt, 'en')}.`,
        'If you did not expect an account, you can ignore this email.',
      ],
      facts: [['Sign-in (email)', invitation.email]],
      linkLabel: 'Choose a password and sign in',
    }),
  },

  digest: (count, day) => {
    const notifications = `${count} notification${count === 1 ? '' : 's'}`;
    return {
      subject: `Daily digest for ${day}: ${notifications}`,
      intro:
        count === 0
          ? `No new notifications on ${day}.`
          : `${notifications} about training nominations on ${day}:`,
    };
  },
};
