import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Action,
  ACTIONS,
  allowedActions,
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
      effects: ['advance_step'],
    });
    expect(transition('in_review', 'approve', { isLastStep: true })).toEqual({
      ok: true,
      to: 'approved',
      effects: ['reserve_budget', 'take_seat', 'assign_decision_number'],
    });
  });

  it('should give money and seat back on cancel and settle on completion', () => {
    expect(transition('approved', 'cancel', { comment: 'Đổi người' })).toMatchObject({
      effects: ['release_budget', 'release_seat'],
    });
    expect(transition('in_training', 'complete', { passed: true })).toMatchObject({
      effects: ['settle_budget'],
    });
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
