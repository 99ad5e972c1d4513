import type { Actor, Grant } from '@app/access';
import type { DomainError } from '@app/common';
import {
  allowedActionsFor,
  assertMayAct,
  DelegationFacts,
  delegationInForce,
} from './nomination-access';
import type { NominationRecord, StepRecord } from './nomination-records';
import type { Action, State } from './workflow/transitions';

describe('delegationInForce', () => {
  const inForce: DelegationFacts = {
    startsOn: '2027-03-01',
    endsOn: '2027-03-07',
    revoked: false,
    fromUserActive: true,
    toUserActive: true,
    fromUserHoldsGrant: true,
  };

  it('should hold on its first and last day, both included', () => {
    expect(delegationInForce(inForce, '2027-03-01')).toBe(true);
    expect(delegationInForce(inForce, '2027-03-07')).toBe(true);
  });

  it('should not hold the day before it starts or the day after it ends', () => {
    expect(delegationInForce(inForce, '2027-02-28')).toBe(false);
    expect(delegationInForce(inForce, '2027-03-08')).toBe(false);
  });

  it.each([
    ['revoked', { revoked: true }],
    ['the delegator is inactive', { fromUserActive: false }],
    ['the delegate is inactive', { toUserActive: false }],
    ['the delegator no longer holds the grant', { fromUserHoldsGrant: false }],
  ])('should not hold when %s', (_, change) => {
    expect(delegationInForce({ ...inForce, ...change }, '2027-03-03')).toBe(false);
  });
});

describe('assertMayAct, by the parties of the transition table', () => {
  const grant = (
    role: Grant['role'],
    unitPath: string | null,
    authorityId: string | null = null,
  ) => ({
    role,
    unitId: null,
    unitPath,
    authorityId,
  });
  const person = (userId: string, ...grants: Grant[]): Actor => ({
    userId,
    email: `${userId}@example.vn`,
    staffId: null,
    locale: 'vi',
    grants,
  });
  const nomination = (status: State): NominationRecord => ({
    id: 'n1',
    reference: 'DT-2027-000001',
    nomineeStaffId: 's1',
    nomineeUnitPath: '1.2.3.',
    nomineeAuthorityId: 'a1',
    intakeId: 'i1',
    nominatingUnitId: 'u3',
    nominatorUserId: 'head',
    targetGroup: 1,
    justification: '',
    estimatedCost: 0n,
    learnerShare: 0n,
    status,
    currentStep: null,
    returnedAtStep: null,
    materialChanged: false,
    version: 1,
    decisionNumber: null,
    decisionId: null,
    decisionLine: null,
    copiedFromId: null,
    fundOwnerPaths: ['1.9.'],
  });
  const lastStep: StepRecord = {
    id: 'st1',
    position: 1,
    role: 'board_member',
    authorityId: 'a1',
    unitId: null,
    unitPath: '1.',
    state: 'approved',
    actedBy: 'member',
    onBehalfOf: null,
    actedAt: null,
    comment: null,
    committee: null,
  };
  const head = person('head', grant('unit_head', '1.2.'));
  const member = person('member', grant('board_member', null, 'a1'));
  const finance = person('finance', grant('finance', '1.9.'));
  const stranger = person('stranger', grant('unit_head', '1.5.'));
  const code = (act: () => unknown) => {
    try {
      act();
      return 'allowed';
    } catch (error) {
      return (error as DomainError).code;
    }
  };

  it('should let the system start a nomination, and do nothing else', () => {
    expect(code(() => assertMayAct(null, nomination('approved'), 'start', undefined, []))).toBe(
      'allowed',
    );
    for (const [state, action] of [
      ['approved', 'cancel'],
      ['in_training', 'complete'],
      ['draft', 'submit'],
    ] as Array<[State, Action]>) {
      expect(code(() => assertMayAct(null, nomination(state), action, undefined, [lastStep]))).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('should let the deciding side start, and not the nominating side', () => {
    const approved = nomination('approved');
    expect(code(() => assertMayAct(member, approved, 'start', undefined, [lastStep]))).toBe(
      'allowed',
    );
    expect(() => assertMayAct(head, approved, 'start', undefined, [lastStep])).toThrow(
      'Only the deciding authority may do this.',
    );
  });

  it('should let the nominating side, finance over a fund or the deciding side complete', () => {
    const inTraining = nomination('in_training');
    for (const actor of [head, finance, member]) {
      expect(code(() => assertMayAct(actor, inTraining, 'complete', undefined, [lastStep]))).toBe(
        'allowed',
      );
    }
    // Refused by every party, the deciding side's reason is given.
    expect(() => assertMayAct(stranger, inTraining, 'complete', undefined, [lastStep])).toThrow(
      'Only the deciding authority may do this.',
    );
  });

  it('should answer the allowed actions of each caller from the same rules', () => {
    expect(allowedActionsFor(head, nomination('draft'), [], [])).toEqual([
      'edit',
      'submit',
      'withdraw',
    ]);
    expect(allowedActionsFor(stranger, nomination('draft'), [], [])).toEqual([]);
    expect(allowedActionsFor(member, nomination('approved'), [lastStep], [])).toEqual([
      'cancel',
      'start',
    ]);
  });
});
