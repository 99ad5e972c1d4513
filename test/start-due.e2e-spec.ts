import { organizationToday } from '@app/common';
import { JobProducer } from '@app/queue';
import { eventually, startTestStack, TestStack } from '@app/testing';
import { WorkerSchedules } from '../apps/worker/src/schedules';
import { seedNominationFixture, shiftDays } from './support/nomination-fixture';

type Fixture = Awaited<ReturnType<typeof seedNominationFixture>>;

describe('the scheduled start of nominations, through the queue and the worker', () => {
  let stack: TestStack;
  let fx: Fixture;

  /** Enqueues the job from the API app and waits until the worker has finished it. */
  async function runJob(payload: { today?: string } = {}) {
    const producer = stack.api.get(JobProducer);
    const jobId = await producer.enqueue('nominations.start-due', payload);
    const queue = producer.queue('nominations');
    return eventually(
      async () => {
        const job = await queue.getJob(jobId);
        const state = await job?.getState();
        if (state === 'failed') throw new Error(`start-due failed: ${job?.failedReason}`);
        // The job read above may predate its completion: read it again for its result.
        return state === 'completed' ? (await queue.getJob(jobId))!.returnvalue : undefined;
      },
      { timeoutMs: 15_000 },
    );
  }

  beforeAll(async () => {
    stack = await startTestStack({ worker: true });
    fx = await seedNominationFixture(stack);
  });
  afterAll(() => stack?.close());

  it('should schedule the job every hour at minute 5, organization time', async () => {
    expect(stack.worker!.get(WorkerSchedules)).toBeDefined();
    const schedulers = await stack.api
      .get(JobProducer)
      .queue('nominations')
      .getJobSchedulers(0, -1);
    expect(schedulers).toEqual([
      expect.objectContaining({
        name: 'nominations.start-due',
        pattern: '5 * * * *',
        tz: 'Asia/Ho_Chi_Minh',
      }),
    ]);
  });

  it('should start approved nominations whose intake starts today or earlier, once', async () => {
    const fundId = await fx.fund(1_000_000_000n);
    const dueIntake = await fx.intake(`DUE-${Date.now()}`);
    const pastIntake = await fx.intake(`PAST-${Date.now()}`);
    const laterIntake = await fx.intake(`LATER-${Date.now()}`);
    const people = await fx.nominees(6);

    const approve = async (nominee: string, intakeId: string) => {
      const id = await fx.atLastStep(nominee, intakeId, fundId);
      const decided = await fx.act(id, 'approve', 3, 'memberA');
      expect(decided.body).toMatchObject({ status: 'approved', version: 4 });
      return id;
    };
    const due = [
      await approve(people[0], dueIntake),
      await approve(people[1], dueIntake),
      await approve(people[2], pastIntake),
    ];
    const later = await approve(people[3], laterIntake);
    const inReview = await fx.atLastStep(people[4], dueIntake, fundId);
    // Started by a person: what the scheduled start must look like, the actor aside.
    const startedByPerson = await approve(people[5], laterIntake);
    expect((await fx.act(startedByPerson, 'start', 4, 'memberA')).status).toBe(201);

    // The intakes were open for nominations; now one starts today and one started last week.
    const moveStart = (intakeId: string, startsOn: string) =>
      fx.db.query(
        `UPDATE intakes SET starts_on = $2::date,
                nomination_opens_on = least(nomination_opens_on, $2::date - 10),
                nomination_closes_on = least(nomination_closes_on, $2::date)
          WHERE id = $1`,
        [intakeId, startsOn],
      );
    await moveStart(dueIntake, organizationToday());
    await moveStart(pastIntake, shiftDays(-7));

    const before = await fx.trail([...due, later, inReview]);
    const first = await runJob();
    expect(first).toMatchObject({ today: organizationToday(), started: 3, skipped: 0 });

    expect(await fx.statuses([...due, later, inReview])).toEqual({
      ...Object.fromEntries(due.map((id) => [id, 'in_training'])),
      [later]: 'approved',
      [inReview]: 'in_review',
    });
    const after = await fx.trail([...due, later, inReview]);
    expect(after).toEqual(
      before.map((row) =>
        due.includes(row.id) ? { ...row, history: row.history + 1, events: row.events + 1 } : row,
      ),
    );
    const started = await fx.db.query(
      `SELECT h.nomination_id AS id, h.action, h.from_status, h.to_status, h.actor_user_id,
              e.type, e.payload->>'actorUserId' AS "eventActor", e.payload->>'to' AS "eventTo"
         FROM nomination_history h
         JOIN outbox_events e ON e.aggregate_id = h.nomination_id AND e.type = 'nomination.started'
        WHERE h.nomination_id = ANY($1::uuid[]) AND h.action = 'start'`,
      [due],
    );
    expect(started).toHaveLength(3);
    for (const row of started) {
      expect(row).toMatchObject({
        action: 'start',
        from_status: 'approved',
        to_status: 'in_training',
        actor_user_id: null,
        type: 'nomination.started',
        eventActor: null,
        eventTo: 'in_training',
      });
    }
    // The same history row and event as a person's start, with the system as the actor.
    const shapes = await fx.db.query(
      `SELECT h.nomination_id AS id, h.step_position AS "stepPosition", h.comment,
              h.on_behalf_of AS "onBehalfOf", e.payload
         FROM nomination_history h
         JOIN outbox_events e ON e.aggregate_id = h.nomination_id AND e.type = 'nomination.started'
        WHERE h.nomination_id = ANY($1::uuid[]) AND h.action = 'start'`,
      [[...due, startedByPerson]],
    );
    const byPerson = shapes.find((row: { id: string }) => row.id === startedByPerson);
    expect(byPerson.payload.actorUserId).toEqual(expect.any(String));
    for (const row of shapes.filter((row: { id: string }) => row.id !== startedByPerson)) {
      expect(row).toEqual({
        ...byPerson,
        id: row.id,
        payload: { ...byPerson.payload, actorUserId: null, reference: row.payload.reference },
      });
    }
    const views = await Promise.all(
      due.map((id) =>
        stack.http.get(`/api/v1/nominations/${id}`, {
          authorization: `Bearer ${fx.tokens.memberA}`,
        }),
      ),
    );
    for (const view of views)
      expect(view.body).toMatchObject({ status: 'in_training', version: 5 });

    // A second run finds nothing, and changes nothing.
    const second = await runJob();
    expect(second).toMatchObject({ started: 0, skipped: 0 });
    expect(await fx.trail([...due, later, inReview])).toEqual(after);

    // Run for a later day (as the hourly job will, that day), the later intake starts too.
    const laterRun = await runJob({ today: shiftDays(60) });
    expect(laterRun).toMatchObject({ started: 1 });
    expect((await fx.statuses([later]))[later]).toBe('in_training');
  });

  it('should fail a job whose day is not a date, without retrying forever', async () => {
    const producer = stack.api.get(JobProducer);
    const jobId = await producer.enqueue('nominations.start-due', { today: '2026-13-45' });
    const queue = producer.queue('nominations');
    const failed = await eventually(
      async () => {
        // Read the job again once failed: a copy read before it failed has no reason yet.
        const state = await (await queue.getJob(jobId))?.getState();
        return state === 'failed' ? await queue.getJob(jobId) : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(failed.failedReason).toMatch(/not a date/);
    expect(failed.attemptsMade).toBe(1);
  });
});
