/**
 * The nomination workflow as one table: every state, the actions allowed in it, where each
 * leads, what it requires and what it sets off. The service, the API's "allowed actions"
 * and docs/workflow.md are all drawn from this table.
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

/** Side effects the service carries out in the same transaction as the state change. */
export type Effect =
  | 'resolve_chain' // freeze the approval chain from the policies
  | 'check_eligibility_and_budget'
  | 'advance_step'
  | 'reserve_budget'
  | 'take_seat'
  | 'assign_decision_number'
  | 'release_budget'
  | 'release_seat'
  | 'settle_budget';

/** Facts about the nomination that decide between a transition's outcomes. */
export interface TransitionFacts {
  /** approve: is the current step the last one of the chain? */
  isLastStep?: boolean;
  /** complete: did the person complete the training? */
  passed?: boolean;
  comment?: string | null;
}

interface Transition {
  /** The state reached; a function when facts decide it. */
  to: State | ((facts: TransitionFacts) => State);
  /** A comment (reason) is required, e.g. to return or reject. */
  needsComment?: boolean;
  effects: (facts: TransitionFacts) => Effect[];
}

const none = () => [];

export const TRANSITIONS: Record<State, Partial<Record<Action, Transition>>> = {
  draft: {
    edit: { to: 'draft', effects: none },
    submit: { to: 'in_review', effects: () => ['check_eligibility_and_budget', 'resolve_chain'] },
    withdraw: { to: 'withdrawn', needsComment: true, effects: none },
  },
  in_review: {
    approve: {
      to: (facts) => (facts.isLastStep ? 'approved' : 'in_review'),
      effects: (facts) =>
        facts.isLastStep
          ? ['reserve_budget', 'take_seat', 'assign_decision_number']
          : ['advance_step'],
    },
    return: { to: 'returned', needsComment: true, effects: none },
    reject: { to: 'rejected', needsComment: true, effects: none },
    withdraw: { to: 'withdrawn', needsComment: true, effects: none },
  },
  returned: {
    edit: { to: 'returned', effects: none },
    // Resumes at the returning step when nothing material changed; otherwise from step 1.
    submit: { to: 'in_review', effects: () => ['check_eligibility_and_budget', 'resolve_chain'] },
    withdraw: { to: 'withdrawn', needsComment: true, effects: none },
  },
  approved: {
    start: { to: 'in_training', effects: none },
    cancel: {
      to: 'cancelled',
      needsComment: true,
      effects: () => ['release_budget', 'release_seat'],
    },
  },
  in_training: {
    complete: {
      to: (facts) => (facts.passed ? 'completed' : 'not_completed'),
      effects: () => ['settle_budget'],
    },
    cancel: {
      to: 'cancelled',
      needsComment: true,
      effects: () => ['release_budget', 'release_seat'],
    },
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
  | { ok: true; to: State; effects: Effect[] }
  | { ok: false; code: 'INVALID_TRANSITION'; allowed: Action[] }
  | { ok: false; code: 'COMMENT_REQUIRED'; allowed: Action[] };

export const allowedActions = (state: State): Action[] =>
  ACTIONS.filter((action) => TRANSITIONS[state][action] !== undefined);

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
    to: typeof rule.to === 'function' ? rule.to(facts) : rule.to,
    effects: rule.effects(facts),
  };
}

/** The table as Markdown, for docs/workflow.md (a test keeps the two in step). */
export function renderTransitionTable(): string {
  const rows = STATES.flatMap((state) =>
    allowedActions(state).map((action) => {
      const rule = TRANSITIONS[state][action]!;
      const targets =
        typeof rule.to === 'string'
          ? `\`${rule.to}\``
          : [
              ...new Set([
                rule.to({ isLastStep: false, passed: false }),
                rule.to({ isLastStep: true, passed: true }),
              ]),
            ]
              .map((target) => `\`${target}\``)
              .join(' or ');
      const effects = [
        ...new Set([...rule.effects({}), ...rule.effects({ isLastStep: true, passed: true })]),
      ];
      return `| \`${state}\` | ${action} | ${targets} | ${rule.needsComment ? 'yes' : ''} | ${effects.join(', ')} |`;
    }),
  );
  return [
    '| from | action | to | comment required | effects |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Terminal states: ${TERMINAL_STATES.map((state) => `\`${state}\``).join(', ')}.`,
  ].join('\n');
}
