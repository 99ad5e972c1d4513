/**
 * The nomination workflow as one table: every state, the actions allowed in it, where each
 * leads, who may take it, the event it publishes and the effects it sets off. The service
 * runs exactly this (each effect through its one handler), the API's "allowed actions" and
 * docs/workflow.md are drawn from it.
 */
export const STATES = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'in_training',
  'completed',
  'not_completed',
  'rejected',
  'withdrawn',
  'cancelled',
] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = [
  'edit',
  'submit',
  'approve',
  'return',
  'reject',
  'withdraw',
  'cancel',
  'start',
  'complete',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who may take an action; the rule of each is `assertMayAct` (nomination-access.ts). */
export const PARTIES = {
  nominator: 'a unit head over the nominee’s unit, or an administrator',
  step_holder:
    'a holder of the current step’s role over its authority, or their delegate; never the nominee or the nominator, nor anyone who acted on another step',
  decider: 'a holder of the last step’s seat, or an administrator',
  fund_finance: 'finance over a fund the nomination draws on',
  system: 'the scheduled job (no user)',
} as const;
export type Party = keyof typeof PARTIES;

/**
 * What an action does besides changing the state, in the order listed, in the same
 * transaction. The service has one handler for each (nomination.service.ts).
 */
export const EFFECTS = {
  check_eligibility_and_budget:
    'checks eligibility, the nomination window, seats, the cost split and that every step has someone to act; returns the budget check',
  resolve_chain:
    'freezes the approval chain from the policies (or, after a return with nothing material changed, resumes at the returning step)',
  warn_pipeline: 'once in review, warns finance of a fund whose pipeline crosses its threshold',
  count_committee_vote:
    'on a committee step, records the vote; until the committee decides, the action stops there',
  record_step_decision: 'records the step’s outcome, actor and comment',
  remember_returning_step: 'remembers the step that returned it, to resume there',
  advance_step: 'moves to the next step of the chain',
  reserve_budget: 'reserves the money of the cost lines',
  take_seat: 'takes a seat of the intake (and of the nominee’s quotas)',
  assign_decision_number: 'issues the decision number',
  release_budget: 'gives the reserved money back',
  release_seat: 'gives the seats back',
  settle_budget: 'spends the actual cost and releases the rest',
  grant_qualification: 'raises the nominee’s qualification as the programme grants',
} as const;
export type Effect = keyof typeof EFFECTS;

/** The outbox events a transition publishes. */
export type WorkflowEvent =
  | 'nomination.submitted'
  | 'nomination.step_approved'
  | 'nomination.approved'
  | 'nomination.returned'
  | 'nomination.rejected'
  | 'nomination.withdrawn'
  | 'nomination.cancelled'
  | 'nomination.started'
  | 'nomination.completed';

/** Facts about the nomination that decide between a transition's outcomes. */
export interface TransitionFacts {
  /** approve: is the current step the last one of the chain? */
  isLastStep?: boolean;
  /** complete: did the person complete the training? */
  passed?: boolean;
  comment?: string | null;
}

/** A column's value, or a function of the facts when they decide it. */
type ByFacts<T> = T | ((facts: TransitionFacts) => T);

interface Transition {
  /** The state reached. */
  to: ByFacts<State>;
  /** Who may take it (any one of them). */
  by: readonly Party[];
  /** A comment (reason) is required, e.g. to return or reject. */
  needsComment?: boolean;
  /** The event published with the history row; null: none. */
  event: ByFacts<WorkflowEvent | null>;
  effects: ByFacts<readonly Effect[]>;
}

const decideStep: readonly Effect[] = ['count_committee_vote', 'record_step_decision'];
const submit: Transition = {
  to: 'in_review',
  by: ['nominator'],
  event: 'nomination.submitted',
  // Resumes at the returning step when nothing material changed; otherwise from step 1.
  effects: ['check_eligibility_and_budget', 'resolve_chain', 'warn_pipeline'],
};
const edit = (state: State): Transition => ({
  to: state,
  by: ['nominator'],
  // Editing is not a change of state: history records it; no event is published.
  event: null,
  effects: [],
});
const withdraw: Transition = {
  to: 'withdrawn',
  by: ['nominator'],
  needsComment: true,
  event: 'nomination.withdrawn',
  effects: [],
};
const cancel: Transition = {
  to: 'cancelled',
  by: ['decider'],
  needsComment: true,
  event: 'nomination.cancelled',
  effects: ['release_budget', 'release_seat'],
};

export const TRANSITIONS: Record<State, Partial<Record<Action, Transition>>> = {
  draft: { edit: edit('draft'), submit, withdraw },
  in_review: {
    approve: {
      to: (facts) => (facts.isLastStep ? 'approved' : 'in_review'),
      by: ['step_holder'],
      event: (facts) => (facts.isLastStep ? 'nomination.approved' : 'nomination.step_approved'),
      effects: (facts) =>
        facts.isLastStep
          ? [...decideStep, 'reserve_budget', 'take_seat', 'assign_decision_number']
          : [...decideStep, 'advance_step'],
    },
    return: {
      to: 'returned',
      by: ['step_holder'],
      needsComment: true,
      event: 'nomination.returned',
      effects: ['record_step_decision', 'remember_returning_step'],
    },
    reject: {
      to: 'rejected',
      by: ['step_holder'],
      needsComment: true,
      event: 'nomination.rejected',
      effects: decideStep,
    },
    withdraw,
  },
  returned: { edit: edit('returned'), submit, withdraw },
  approved: {
    start: {
      to: 'in_training',
      by: ['decider', 'system'],
      event: 'nomination.started',
      effects: [],
    },
    cancel,
  },
  in_training: {
    complete: {
      to: (facts) => (facts.passed ? 'completed' : 'not_completed'),
      // The deciding side, the unit head who sent the person, finance recording the actual cost.
      by: ['nominator', 'fund_finance', 'decider'],
      event: 'nomination.completed',
      effects: (facts) =>
        facts.passed ? ['settle_budget', 'grant_qualification'] : ['settle_budget'],
    },
    cancel,
  },
  completed: {},
  not_completed: {},
  rejected: {},
  withdrawn: {},
  cancelled: {},
};

export const TERMINAL_STATES: State[] = STATES.filter(
  (state) => Object.keys(TRANSITIONS[state]).length === 0,
);

export type TransitionOutcome =
  | {
      ok: true;
      to: State;
      by: readonly Party[];
      event: WorkflowEvent | null;
      effects: readonly Effect[];
    }
  | { ok: false; code: 'INVALID_TRANSITION'; allowed: Action[] }
  | { ok: false; code: 'COMMENT_REQUIRED'; allowed: Action[] };

export const allowedActions = (state: State): Action[] =>
  ACTIONS.filter((action) => TRANSITIONS[state][action] !== undefined);

/** Who may take `action` in `state`: nobody when the table has no such transition. */
export const partiesFor = (state: State, action: Action): readonly Party[] =>
  TRANSITIONS[state][action]?.by ?? [];

const valueOf = <T>(column: ByFacts<T>, facts: TransitionFacts): T =>
  typeof column === 'function' ? (column as (facts: TransitionFacts) => T)(facts) : column;

/** What `action` does in `state`, or a coded reason why it may not. */
export function transition(
  state: State,
  action: Action,
  facts: TransitionFacts = {},
): TransitionOutcome {
  const rule = TRANSITIONS[state][action];
  if (!rule) return { ok: false, code: 'INVALID_TRANSITION', allowed: allowedActions(state) };
  if (rule.needsComment && !facts.comment?.trim()) {
    return { ok: false, code: 'COMMENT_REQUIRED', allowed: allowedActions(state) };
  }
  return {
    ok: true,
    to: valueOf(rule.to, facts),
    by: rule.by,
    event: valueOf(rule.event, facts),
    effects: valueOf(rule.effects, facts),
  };
}

/** The two sets of facts that tell a transition's outcomes apart, for the documentation. */
const NOT_DECIDED: TransitionFacts = { isLastStep: false, passed: false };
const DECIDED: TransitionFacts = { isLastStep: true, passed: true };

/** The table as Markdown, for docs/workflow.md (a test keeps the two in step). */
export function renderTransitionTable(): string {
  const code = (value: string) => `\`${value}\``;
  const rows = STATES.flatMap((state) =>
    allowedActions(state).map((action) => {
      const rule = TRANSITIONS[state][action]!;
      const outcomes = <T>(column: ByFacts<T>) => [
        ...new Set([valueOf(column, NOT_DECIDED), valueOf(column, DECIDED)]),
      ];
      const targets = outcomes(rule.to).map(code).join(' or ');
      const events = outcomes(rule.event)
        .filter((event) => event !== null)
        .map(code)
        .join(' or ');
      const effects = outcomes(rule.effects).flat();
      return `| \`${state}\` | ${action} | ${targets} | ${rule.by.join(', ')} | ${rule.needsComment ? 'yes' : ''} | ${events} | ${[...new Set(effects)].join(', ')} |`;
    }),
  );
  return [
    '| from | action | to | who | comment required | event | effects |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Terminal states: ${TERMINAL_STATES.map(code).join(', ')}.`,
    '',
    'Who:',
    '',
    ...Object.entries(PARTIES).map(([party, rule]) => `- ${code(party)}: ${rule}.`),
    '',
    'Effects (a transition runs its own in the order the table lists them, in its transaction):',
    '',
    ...Object.entries(EFFECTS).map(([effect, does]) => `- ${code(effect)}: ${does}.`),
  ].join('\n');
}
