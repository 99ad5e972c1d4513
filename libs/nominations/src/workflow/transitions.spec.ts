import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Action,
  ACTIONS,
  allowedActions,
  EFFECTS,
  partiesFor,
  renderTransitionTable,
  State,
  STATES,
  TERMINAL_STATES,
  transition,
} from './transitions';

/** The expected outcome of every state × action, written out independently of the table. */
const expected: Record<State, Partial<Record<Action, State | [State, State]>>> = {
  draft: { edit: 'draft', submit: 'in_review', withdraw: 'withdrawn' },
  in_review: {
    approve: ['in_review', 'approved'],
    return: 'returned',
    reject: 'rejected',
    withdraw: 'withdrawn',
  },
  returned: { edit: 'returned', submit: 'in_review', withdraw: 'withdrawn' },
  approved: { start: 'in_training', cancel: 'cancelled' },
  in_training: { complete: ['not_completed', 'completed'], cancel: 'cancelled' },
  completed: {},
  not_completed: {},
  rejected: {},
  withdrawn: {},
  cancelled: {},
};

describe('the nomination transition table', () => {
  const everyPair = STATES.flatMap((state) => ACTIONS.map((action) => [state, action] as const));

  it.each(everyPair)('%s × %s should do exactly what the workflow says', (state, action) => {
    const target = expected[state][action];
    const facts = { comment: 'Lý do: hồ sơ chưa đủ' };
    if (target === undefined) {
      expect(transition(state, action, facts)).toEqual({
        ok: false,
        code: 'INVALID_TRANSITION',
        allowed: Object.keys(expected[state]).sort(
          (a, b) => ACTIONS.indexOf(a as Action) - ACTIONS.indexOf(b as Action),
        ),
      });
    } else if (Array.isArray(target)) {
      const [otherwise, whenDecided] = target;
      expect(
        transition(state, action, { ...facts, isLastStep: false, passed: false }),
      ).toMatchObject({ ok: true, to: otherwise });
      expect(transition(state, action, { ...facts, isLastStep: true, passed: true })).toMatchObject(
        { ok: true, to: whenDecided },
      );
    } else {
      expect(transition(state, action, facts)).toMatchObject({ ok: true, to: target });
    }
  });

  it.each([
    ['in_review', 'return'],
    ['in_review', 'reject'],
    ['approved', 'cancel'],
    ['in_training', 'cancel'],
    ['draft', 'withdraw'],
    ['in_review', 'withdraw'],
    ['returned', 'withdraw'],
  ] as Array<[State, Action]>)('%s × %s should require a comment', (state, action) => {
    for (const comment of [undefined, null, '', '   ']) {
      expect(transition(state, action, { comment })).toMatchObject({
        ok: false,
        code: 'COMMENT_REQUIRED',
      });
    }
  });

  it('should reserve money, take a seat and number the decision only at the last step', () => {
    expect(transition('in_review', 'approve', { isLastStep: false })).toEqual({
      ok: true,
      to: 'in_review',
      by: ['step_holder'],
      event: 'nomination.step_approved',
      effects: ['count_committee_vote', 'record_step_decision', 'advance_step'],
    });
    expect(transition('in_review', 'approve', { isLastStep: true })).toEqual({
      ok: true,
      to: 'approved',
      by: ['step_holder'],
      event: 'nomination.approved',
      effects: [
        'count_committee_vote',
        'record_step_decision',
        'reserve_budget',
        'take_seat',
        'assign_decision_number',
      ],
    });
  });

  it('should give money and seat back on cancel, settle on completion and grant on success', () => {
    expect(transition('approved', 'cancel', { comment: 'Đổi người' })).toMatchObject({
      effects: ['release_budget', 'release_seat'],
    });
    expect(transition('in_training', 'complete', { passed: true })).toMatchObject({
      to: 'completed',
      effects: ['settle_budget', 'grant_qualification'],
    });
    expect(transition('in_training', 'complete', { passed: false })).toMatchObject({
      to: 'not_completed',
      effects: ['settle_budget'],
    });
  });

  it('should freeze the chain after the checks and warn on the pipeline at submission', () => {
    for (const state of ['draft', 'returned'] as const) {
      expect(transition(state, 'submit')).toEqual({
        ok: true,
        to: 'in_review',
        by: ['nominator'],
        event: 'nomination.submitted',
        effects: ['check_eligibility_and_budget', 'resolve_chain', 'warn_pipeline'],
      });
    }
  });

  it('should publish one event per change of state, and none for an edit', () => {
    const events: Partial<Record<Action, string | null>> = {
      edit: null,
      submit: 'nomination.submitted',
      return: 'nomination.returned',
      reject: 'nomination.rejected',
      withdraw: 'nomination.withdrawn',
      cancel: 'nomination.cancelled',
      start: 'nomination.started',
      complete: 'nomination.completed',
    };
    for (const state of STATES) {
      for (const action of allowedActions(state).filter((name) => name !== 'approve')) {
        expect(transition(state, action, { comment: 'Lý do' })).toMatchObject({
          event: events[action],
        });
      }
    }
  });

  it('should let the system start a nomination, and take nothing else', () => {
    const bySystem = STATES.flatMap((state) =>
      allowedActions(state)
        .filter((action) => partiesFor(state, action).includes('system'))
        .map((action) => `${state} ${action}`),
    );
    expect(bySystem).toEqual(['approved start']);
    expect(partiesFor('approved', 'start')).toEqual(['decider', 'system']);
  });

  it('should use every effect it describes', () => {
    const used = new Set(
      STATES.flatMap((state) =>
        allowedActions(state).flatMap((action) =>
          [
            { isLastStep: false, passed: false },
            { isLastStep: true, passed: true },
          ].flatMap((facts) => {
            const outcome = transition(state, action, { ...facts, comment: 'Lý do' });
            return outcome.ok ? outcome.effects : [];
          }),
        ),
      ),
    );
    expect([...used].sort()).toEqual(Object.keys(EFFECTS).sort());
  });

  it('should allow editing only in draft and returned', () => {
    expect(STATES.filter((state) => allowedActions(state).includes('edit'))).toEqual([
      'draft',
      'returned',
    ]);
  });

  it('should end in five terminal states', () => {
    expect(TERMINAL_STATES).toEqual([
      'completed',
      'not_completed',
      'rejected',
      'withdrawn',
      'cancelled',
    ]);
  });

  it('should be documented exactly as the code has it', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/workflow.md'), 'utf8');
    expect(doc).toContain(renderTransitionTable());
  });
});
