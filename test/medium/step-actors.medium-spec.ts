import { randomUUID } from 'node:crypto';
import { Actor, ActorLoader, Grant } from '@app/access';
import { AuditModule } from '@app/audit';
import { DomainError, organizationToday } from '@app/common';
import {
  activeDelegatedGrants,
  allowedActionsFor,
  assertMayAct,
  countStepHolders,
  DelegatedGrant,
  delegationInForce,
  grantCoversStep,
  NominationQueries,
  NominationsModule,
  stepActorsSql,
} from '@app/nominations';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
// This suite checks the step-actor SQL against the libraries' own record loaders and recipient
// query, which are not part of their public surface.
// eslint-disable-next-line library-boundaries/entry-points
import { resolveRecipients } from '../../libs/notifications/src/recipients';
// eslint-disable-next-line library-boundaries/entry-points
import { loadNomination, loadSteps } from '../../libs/nominations/src/nomination-records';
import { MediumStack, startMediumStack } from '../support/medium';
import {
  IntakeFixture,
  nominationDraft,
  seedIntakeFixture,
  shiftDays,
} from '../support/nomination-fixture';

/**
 * Who may act on a step is one rule with two forms: `assertMayAct` in TypeScript (which says
 * why not) and `stepActorsSql` (which the workflow's `awaiting=me`, the step holders and
 * the notification recipients use). On random organizations — users active or not, own
 * grants that cover a step or not, delegations in and out of their days, revoked, from
 * inactive delegators or of grants the delegator no longer holds, nominators and nominees
 * among the holders, one person on two steps — every consumer must reach the same answer
 * as the TypeScript form. STEP_ACTORS_SEED replays another seed.
 */

const SEED = Number(process.env.STEP_ACTORS_SEED ?? 20271208);
const RUNS = Number(process.env.STEP_ACTORS_RUNS ?? 100);

type SeatRole = 'board_reviewer' | 'board_member' | 'finance';
interface Seat {
  role: SeatRole;
  unit?: 'city' | 'districtA' | 'districtB' | 'communeA';
  authority?: 'cityAuthority' | 'authorityA' | 'authorityB';
}

/** Grants that cover the chain's steps, and some that look alike but do not. */
const SEATS: Seat[] = [
  { role: 'board_reviewer', authority: 'authorityA' },
  { role: 'board_reviewer', unit: 'districtA' },
  { role: 'board_reviewer', unit: 'city' },
  { role: 'board_reviewer', authority: 'authorityB' },
  { role: 'board_member', authority: 'authorityA' },
  { role: 'board_member', unit: 'city' },
  { role: 'board_member', authority: 'cityAuthority' },
  { role: 'finance', unit: 'districtA' },
  { role: 'finance', unit: 'city' },
  { role: 'finance', unit: 'communeA' },
  { role: 'finance', unit: 'districtB' },
];

/** The nomination's chain: reviewer of A, finance of the fund's owner (A), board member of A. */
const CHAIN: Seat[] = [SEATS[0], SEATS[7], SEATS[4]];

const MAX_USERS = 6;
const userArb = fc.record({
  active: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)),
  /** 0: the nominee's record; 1, 2: other staff. */
  staff: fc.option(fc.nat(2), { nil: null }),
  // Some users hold nothing of their own: they act, if at all, by delegation.
  seats: fc.oneof(fc.constant([] as number[]), {
    weight: 2,
    arbitrary: fc.uniqueArray(fc.nat(SEATS.length - 1), { maxLength: 2 }),
  }),
});
const delegationArb = fc.record({
  from: fc.nat(MAX_USERS - 1),
  to: fc.nat(MAX_USERS - 1),
  /** Lend one of the delegator's own grants (by index), or any seat. */
  own: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false)),
  seat: fc.nat(SEATS.length - 1),
  startsIn: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -1, max: 0 }) },
    fc.integer({ min: -3, max: 2 }),
  ),
  days: fc.integer({ min: 0, max: 3 }),
  revoked: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, fc.constant(true)),
});
const stepArb = fc.record({
  state: fc.constantFrom('pending' as const, 'approved' as const, 'returned' as const),
  actedBy: fc.option(fc.nat(MAX_USERS - 1), { nil: null }),
  onBehalfOf: fc.option(fc.nat(MAX_USERS - 1), { nil: null }),
});
const worldArb = fc.record({
  users: fc.array(userArb, { minLength: 2, maxLength: MAX_USERS }),
  delegations: fc.array(delegationArb, { maxLength: 8 }),
  /** The nominator: one of the users (who may hold a board grant too) or the unit head. */
  nominator: fc.option(fc.nat(MAX_USERS - 1), { nil: null }),
  steps: fc.tuple(stepArb, stepArb, stepArb),
  currentStep: fc.integer({ min: 1, max: 3 }),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

describe('who may act on a step: the TypeScript and SQL forms agree', () => {
  let stack: MediumStack;
  let fixture: IntakeFixture;
  let db: DataSource;
  let nominationId: string;
  let staffPool: string[];
  let unitPaths: Record<string, string>;
  let ids: Record<string, string>;
  let admin: Actor;
  const today = organizationToday();
  const tally = {
    runs: 0,
    allowed: 0,
    refused: new Map<string, number>(),
    onBehalf: 0,
    /** Delegations of a grant covering a step, by why they were or were not in force. */
    delegations: new Map<string, number>(),
  };

  beforeAll(async () => {
    stack = await startMediumStack({ imports: [NominationsModule, AuditModule] });
    fixture = await seedIntakeFixture(stack);
    db = fixture.db;
    const { org } = fixture;
    const fundId = await fixture.fund(10_000_000_000n);
    const created = await fixture.create(
      nominationDraft(org.staff.staffA2, fixture.intakeId, fundId),
      'unitHeadA',
    );
    expect(created.status).toBe(201);
    nominationId = created.body.id;
    admin = (await stack.get(ActorLoader).load(stack.systemCtx(), org.users.admin))!;
    // Only the generated users hold board and finance grants.
    await db.query(
      `DELETE FROM role_assignments WHERE role IN ('board_reviewer', 'board_member', 'finance')`,
    );
    staffPool = [
      org.staff.staffA2,
      await org.factory.staff({
        unitId: org.units.communeA,
        authorityId: org.authorities.authorityA,
      }),
      await org.factory.staff({
        unitId: org.units.districtA,
        authorityId: org.authorities.authorityA,
      }),
    ];
    ids = { ...org.units, ...org.authorities };
    unitPaths = Object.fromEntries(
      (
        await db.query(`SELECT id, path FROM units WHERE id = ANY($1::uuid[])`, [
          Object.values(org.units),
        ])
      ).map((row: { id: string; path: string }) => [row.id, row.path]),
    );
  });
  afterAll(() => stack?.close());

  const grantOf = (seat: Seat): Grant => ({
    role: seat.role,
    unitId: seat.unit ? ids[seat.unit] : null,
    unitPath: seat.unit ? unitPaths[ids[seat.unit]] : null,
    authorityId: seat.authority ? ids[seat.authority] : null,
  });

  /** Writes the world; answers the users' ids and the delegations as written. */
  async function write(world: World, run: number) {
    const users: Array<{ id: string; active: boolean; staffId: string | null; seats: Seat[] }> = [];
    const taken = new Set<number>();
    for (const [index, spec] of world.users.entries()) {
      // A staff record has one account at most.
      const staff = spec.staff !== null && !taken.has(spec.staff) ? spec.staff : null;
      if (staff !== null) taken.add(staff);
      const [{ id }] = await db.query(
        `INSERT INTO users (email, password_hash, display_name, staff_id, active)
         VALUES ($1, 'x', $1, $2, $3) RETURNING id`,
        [
          `actor-${run}-${index}@example.org`,
          staff === null ? null : staffPool[staff],
          spec.active,
        ],
      );
      const seats = spec.seats.map((seat) => SEATS[seat]);
      for (const seat of seats) {
        const grant = grantOf(seat);
        await db.query(
          `INSERT INTO role_assignments (user_id, role, unit_id, authority_id) VALUES ($1, $2, $3, $4)`,
          [id, grant.role, grant.unitId, grant.authorityId],
        );
      }
      users.push({
        id,
        active: spec.active,
        staffId: staff === null ? null : staffPool[staff],
        seats,
      });
    }
    const at = (index: number) => users[index % users.length];
    const delegations: Array<{
      id: string;
      from: (typeof users)[number];
      to: (typeof users)[number];
      seat: Seat;
      startsOn: string;
      endsOn: string;
      revoked: boolean;
    }> = [];
    for (const [index, spec] of world.delegations.entries()) {
      const from = at(spec.from);
      const to = at(spec.to);
      if (from === to) continue;
      const seat =
        spec.own && from.seats.length
          ? from.seats[spec.seat % from.seats.length]
          : SEATS[spec.seat];
      const grant = grantOf(seat);
      const startsOn = shiftDays(spec.startsIn, today);
      const endsOn = shiftDays(spec.startsIn + spec.days, today);
      const [{ id }] = await db.query(
        `INSERT INTO delegations (from_user_id, to_user_id, role, unit_id, authority_id, starts_on, ends_on,
                                  revoked_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8 THEN now() END,
                 now() + make_interval(secs => $9)) RETURNING id`,
        [
          from.id,
          to.id,
          grant.role,
          grant.unitId,
          grant.authorityId,
          startsOn,
          endsOn,
          spec.revoked,
          index,
        ],
      );
      delegations.push({ id, from, to, seat, startsOn, endsOn, revoked: spec.revoked });
    }
    const nominator = world.nominator === null ? fixture.users.unitHeadA : at(world.nominator).id;
    await db.query(
      `UPDATE nominations SET status = 'in_review', current_step = $2, nominator_user_id = $3 WHERE id = $1`,
      [nominationId, world.currentStep, nominator],
    );
    for (const [index, step] of world.steps.entries()) {
      const grant = grantOf(CHAIN[index]);
      const acted = step.state !== 'pending';
      await db.query(
        `INSERT INTO nomination_steps (nomination_id, position, role, authority_id, unit_id, state, acted_by,
                                       on_behalf_of, acted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $6 <> 'pending' THEN now() END)`,
        [
          nominationId,
          index + 1,
          grant.role,
          grant.authorityId,
          grant.unitId,
          step.state,
          acted && step.actedBy !== null ? at(step.actedBy).id : null,
          acted && step.onBehalfOf !== null ? at(step.onBehalfOf).id : null,
        ],
      );
    }
    return { users, delegations };
  }

  async function clear() {
    await db.query(`DELETE FROM nomination_steps WHERE nomination_id = $1`, [nominationId]);
    await db.query(
      `UPDATE nominations SET status = 'draft', current_step = NULL, nominator_user_id = $2 WHERE id = $1`,
      [nominationId, fixture.users.unitHeadA],
    );
    await db.query(`DELETE FROM delegations`);
    await db.query(`DELETE FROM users WHERE email LIKE 'actor-%'`);
  }

  it('should give the same answer in assertMayAct, stepActorsSql, allowed actions, awaiting=me, step holders and recipients', async () => {
    const loader = stack.get(ActorLoader);
    const system = stack.systemCtx();
    const queries = stack.get(NominationQueries);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        run += 1;
        await clear();
        const { users, delegations } = await write(world, run);
        const nomination = await loadNomination(db.manager, admin, nominationId, today);
        const steps = await loadSteps(db.manager, nominationId);

        // The TypeScript form, from the world as generated.
        const holds = (user: (typeof users)[number], seat: Seat) => user.seats.includes(seat);
        const typescript = (user: (typeof users)[number], position: number) => {
          if (!user.active) return { ok: false, code: 'INACTIVE' };
          const actor: Actor = {
            userId: user.id,
            email: '',
            staffId: user.staffId,
            locale: 'vi',
            grants: user.seats.map(grantOf),
          };
          const delegated: DelegatedGrant[] = delegations
            .filter(
              (d) =>
                d.to === user &&
                delegationInForce(
                  {
                    startsOn: d.startsOn,
                    endsOn: d.endsOn,
                    revoked: d.revoked,
                    fromUserActive: d.from.active,
                    toUserActive: d.to.active,
                    fromUserHoldsGrant: holds(d.from, d.seat),
                  },
                  today,
                ),
            )
            .map((d) => ({
              delegationId: d.id,
              fromUserId: d.from.id,
              fromStaffId: d.from.staffId,
              grant: grantOf(d.seat),
            }));
          const step = steps.find((candidate) => candidate.position === position);
          try {
            const { onBehalfOf } = assertMayAct(
              actor,
              nomination,
              'approve',
              step,
              steps,
              delegated,
            );
            return { ok: true, onBehalfOf };
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            return { ok: false, code: error.code };
          }
        };

        // The SQL form: who may act on each step, and for whom.
        const rows: Array<{ position: number; userId: string; forUserId: string }> = await db.query(
          `SELECT st.position, a.user_id AS "userId", a.for_user_id AS "forUserId"
             FROM nomination_steps st
             JOIN nominations n ON n.id = st.nomination_id
             LEFT JOIN management_authorities sa ON sa.id = st.authority_id
             LEFT JOIN units sau ON sau.id = sa.unit_id
             LEFT JOIN units sfu ON sfu.id = st.unit_id
             CROSS JOIN LATERAL (${stepActorsSql(
               {
                 role: 'st.role',
                 authorityId: 'st.authority_id',
                 path: 'coalesce(sau.path, sfu.path)',
                 nominationId: 'n.id',
                 position: 'st.position',
                 nominatorUserId: 'n.nominator_user_id',
                 nomineeStaffId: 'n.nominee_staff_id',
               },
               '$2::date',
             )}) a
            WHERE st.nomination_id = $1`,
          [nominationId, today],
        );

        const disagreements: unknown[] = [];
        for (const d of delegations) {
          if (!steps.some((step) => grantCoversStep(grantOf(d.seat), step))) continue;
          const reason = d.revoked
            ? 'revoked'
            : d.startsOn > today || d.endsOn < today
              ? 'outside_days'
              : !d.from.active
                ? 'delegator_inactive'
                : !d.to.active
                  ? 'delegate_inactive'
                  : !holds(d.from, d.seat)
                    ? 'grant_not_held'
                    : 'in_force';
          tally.delegations.set(reason, (tally.delegations.get(reason) ?? 0) + 1);
        }
        for (const step of steps) {
          const mayAct = new Set<string>();
          for (const user of users) {
            const expected = typescript(user, step.position);
            const mine = rows.filter(
              (row) => row.position === step.position && row.userId === user.id,
            );
            const agrees = expected.ok
              ? expected.onBehalfOf === null
                ? mine.some((row) => row.forUserId === user.id)
                : mine.some((row) => row.forUserId === expected.onBehalfOf) &&
                  !mine.some((row) => row.forUserId === user.id)
              : mine.length === 0;
            if (!agrees)
              disagreements.push({ step: step.position, user: user.id, expected, sql: mine });
            if (expected.ok) mayAct.add(user.id);
            if (expected.ok) {
              tally.allowed += 1;
              if (expected.onBehalfOf) tally.onBehalf += 1;
            } else tally.refused.set(expected.code!, (tally.refused.get(expected.code!) ?? 0) + 1);
          }

          // Recipients of a withdrawal about this step: whoever could act on it.
          const recipients = await resolveRecipients(
            db.manager,
            {
              id: '0',
              uid: randomUUID(),
              type: 'nomination.withdrawn',
              aggregateId: nominationId,
              payload: { actorUserId: null, waitingStep: step.position },
              createdAt: new Date(),
            },
            'step_approvers',
            today,
          );
          const notified = recipients.map((recipient) => recipient.userId).sort();
          if (JSON.stringify(notified) !== JSON.stringify([...mayAct].sort()))
            disagreements.push({ step: step.position, recipients: notified, mayAct: [...mayAct] });

          // Step holders: the active users whose own grant covers the step.
          const holders = users.filter(
            (user) =>
              user.active && user.seats.some((seat) => grantCoversStep(grantOf(seat), step)),
          ).length;
          const counted = await countStepHolders(db.manager, step, today);
          if (counted !== holders) disagreements.push({ step: step.position, holders, counted });
        }

        // The action check and awaiting=me of each user, as the API runs them.
        for (const user of users) {
          const expected = typescript(user, world.currentStep);
          const actor = await loader.load(system, user.id);
          const allowed = actor
            ? allowedActionsFor(
                actor,
                nomination,
                steps,
                await activeDelegatedGrants(db.manager, actor.userId, today),
              ).includes('approve')
            : false;
          const awaiting = actor
            ? (
                await queries.list(stack.ctx(actor), {
                  awaiting: 'me',
                  page: 1,
                  pageSize: 10,
                })
              ).items.some((item: { id: string }) => item.id === nominationId)
            : false;
          if (allowed !== expected.ok || awaiting !== expected.ok)
            disagreements.push({ user: user.id, expected, allowed, awaiting });
        }
        tally.runs += 1;
        expect(disagreements).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    await clear();
    // The generated cases reached every outcome (counted over users and steps).
    process.stdout.write(
      `step actors: ${JSON.stringify({ ...tally, refused: [...tally.refused], delegations: [...tally.delegations] })}\n`,
    );
    expect(tally.allowed).toBeGreaterThan(0);
    expect(tally.onBehalf).toBeGreaterThan(0);
    expect([...tally.delegations.keys()]).toEqual(
      expect.arrayContaining([
        'in_force',
        'revoked',
        'outside_days',
        'delegator_inactive',
        'delegate_inactive',
        'grant_not_held',
      ]),
    );
    expect([...tally.refused.keys()]).toEqual(
      expect.arrayContaining([
        'NOT_YOUR_STEP',
        'CONFLICT_OF_INTEREST',
        'ALREADY_ACTED',
        'INACTIVE',
      ]),
    );
  }, 300_000);
});
