import { DomainError } from '@app/common';
import { NOTIFIED_EVENT_TYPES, NOTIFIED_EVENTS, deliveryJobId } from '@app/notifications';
import { JobProducer, redisOptionsFromUrl } from '@app/queue';
import { bearer, Factory, HttpClient, startTestStack, TestStack, tokenFor } from '@app/testing';
import { Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';

const UNKNOWN_ID = '6f1f6f38-0d7e-4d67-9a55-3c1d1b7c2a90';

describe('notifications over HTTP', () => {
  let stack: TestStack;
  let db: DataSource;
  const users: Record<'alice' | 'bob' | 'admin', string> = { alice: '', bob: '', admin: '' };
  const http: Record<keyof typeof users, HttpClient> = {} as never;

  beforeAll(async () => {
    stack = await startTestStack();
    db = stack.api.get(DataSource);
    const factory = new Factory(db);
    users.alice = await factory.user();
    users.bob = await factory.user();
    users.admin = await factory.user({ grants: [{ role: 'admin' }] });
    for (const name of Object.keys(users) as Array<keyof typeof users>) {
      http[name] = stack.http.with(bearer(tokenFor(stack, users[name])));
    }
  });
  afterAll(() => stack.close());

  const event = async (type = 'nomination.submitted'): Promise<string> => {
    const [row] = await db.query(
      `INSERT INTO outbox_events (type, aggregate_id, payload)
       VALUES ($1, gen_random_uuid(), '{}') RETURNING id::text`,
      [type],
    );
    return row.id;
  };

  /** An inbox item, `minutesAgo` old. */
  const inboxItem = async (
    userId: string,
    item: {
      title?: string;
      body?: string;
      minutesAgo?: number;
      read?: boolean;
      type?: string;
    } = {},
  ): Promise<string> => {
    const type = item.type ?? 'nomination.submitted';
    const [row] = await db.query(
      `INSERT INTO notifications (user_id, event_id, type, title, body, link, created_at, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(mins => $7),
               CASE WHEN $8 THEN now() END)
       RETURNING id`,
      [
        userId,
        await event(type),
        type,
        item.title ?? 'Đề cử mới chờ bạn duyệt',
        item.body ?? 'Nội dung',
        'https://app.example.org/nominations/1',
        item.minutesAgo ?? 0,
        item.read ?? false,
      ],
    );
    return row.id;
  };

  const delivery = async (
    userId: string,
    spec: {
      status: string;
      channel?: 'email' | 'inbox';
      type?: string;
      lastError?: string | null;
      attempts?: number;
    },
  ) => {
    const eventId = await event(spec.type ?? 'nomination.submitted');
    const channel = spec.channel ?? 'email';
    const [row] = await db.query(
      `INSERT INTO deliveries (event_id, user_id, channel, status, attempts, last_error, sent_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $4 = 'sent' THEN now() END)
       RETURNING id::text`,
      [
        eventId,
        userId,
        channel,
        spec.status,
        spec.attempts ?? 0,
        spec.lastError ?? (spec.status === 'failed' ? '550 mailbox unavailable' : null),
      ],
    );
    const [{ uid }] = await db.query(`SELECT uid::text FROM outbox_events WHERE id = $1`, [
      eventId,
    ]);
    return { id: row.id as string, eventId, jobId: deliveryJobId(uid, userId, channel) };
  };

  const put = (who: HttpClient, eventType: string, body: unknown) =>
    who.request('PUT', `/api/v1/notifications/preferences/${eventType}`, { body });
  const remove = (who: HttpClient, eventType: string) =>
    who.request('DELETE', `/api/v1/notifications/preferences/${eventType}`);
  const retry = (who: HttpClient, id: string) => who.post(`/api/v1/admin/deliveries/${id}/retry`);
  const statusOf = async (id: string) =>
    (await db.query(`SELECT status FROM deliveries WHERE id = $1`, [id]))[0].status;
  const queue = () => stack.api.get(JobProducer).queue('notifications');

  describe('sign-in', () => {
    it('should answer 401 to a caller without a token, on every endpoint', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/notifications'],
        ['POST', '/api/v1/notifications/read-all'],
        ['POST', `/api/v1/notifications/${UNKNOWN_ID}/read`],
        ['GET', '/api/v1/notifications/preferences'],
        ['DELETE', '/api/v1/notifications/preferences/nomination.approved'],
        ['GET', '/api/v1/admin/deliveries'],
        ['POST', '/api/v1/admin/deliveries/1/retry'],
        ['GET', '/api/v1/admin/notifications/backlog'],
      ]) {
        const response = await stack.http.request(method, path);
        expect([method, path, response.status, response.body.code]).toEqual([
          method,
          path,
          401,
          'UNAUTHENTICATED',
        ]);
      }
    });
  });

  describe('inbox', () => {
    let alices: { old: string; read: string; newest: string };
    let bobs: string;

    beforeAll(async () => {
      alices = {
        old: await inboxItem(users.alice, { title: 'Cũ nhất', minutesAgo: 30 }),
        read: await inboxItem(users.alice, { title: 'Đã đọc', minutesAgo: 20, read: true }),
        newest: await inboxItem(users.alice, {
          title: 'Đề cử của Nguyễn Thị Hồng Nhung đã được phê duyệt',
          body: 'Bồi dưỡng kiến thức quốc phòng – an ninh, khóa 2026 (Cần Thơ).',
          minutesAgo: 1,
          type: 'nomination.approved',
        }),
      };
      bobs = await inboxItem(users.bob, { title: 'Của Bình' });
    });

    it('should list only the caller’s own items, newest first, with the unread count', async () => {
      const response = await http.alice.get('/api/v1/notifications');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ total: 3, page: 1, pageSize: 50, unreadCount: 2 });
      expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([
        alices.newest,
        alices.read,
        alices.old,
      ]);
      expect(response.body.items[0]).toEqual({
        id: alices.newest,
        type: 'nomination.approved',
        title: 'Đề cử của Nguyễn Thị Hồng Nhung đã được phê duyệt',
        body: 'Bồi dưỡng kiến thức quốc phòng – an ninh, khóa 2026 (Cần Thơ).',
        link: 'https://app.example.org/nominations/1',
        // The path of the web application, from the event's nomination.
        path: expect.stringMatching(/^\/nominations\/[0-9a-f-]{36}$/),
        nominationId: null,
        createdAt: expect.any(String),
        readAt: null,
      });
      expect(response.body.items[1].readAt).toEqual(expect.any(String));

      const bob = await http.bob.get('/api/v1/notifications');
      expect(bob.body).toMatchObject({ total: 1, unreadCount: 1 });
      expect(bob.body.items.map((item: { id: string }) => item.id)).toEqual([bobs]);
    });

    it('should filter unread items and page', async () => {
      const unread = await http.alice.get('/api/v1/notifications?unread=true');
      expect(unread.body).toMatchObject({ total: 2, unreadCount: 2 });
      expect(unread.body.items.map((item: { id: string }) => item.id)).toEqual([
        alices.newest,
        alices.old,
      ]);

      const second = await http.alice.get('/api/v1/notifications?page=2&pageSize=1');
      expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 1, unreadCount: 2 });
      expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([alices.read]);

      const bad = await http.alice.get('/api/v1/notifications?unread=maybe');
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    it('should answer 404 when marking another user’s item, and leave it unread', async () => {
      const response = await http.bob.post(`/api/v1/notifications/${alices.old}/read`);
      expect([response.status, response.body.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
      const unknown = await http.bob.post(`/api/v1/notifications/${UNKNOWN_ID}/read`);
      expect([unknown.status, unknown.body.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
      const malformed = await http.bob.post('/api/v1/notifications/not-a-uuid/read');
      expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      const [row] = await db.query(`SELECT read_at FROM notifications WHERE id = $1`, [alices.old]);
      expect(row.read_at).toBeNull();
    });

    it('should mark one item read, and keep the first time when marked again', async () => {
      const first = await http.alice.post(`/api/v1/notifications/${alices.old}/read`);
      expect(first.status).toBe(204);
      expect(first.text).toBe('');
      const [{ read_at: readAt }] = await db.query(
        `SELECT read_at FROM notifications WHERE id = $1`,
        [alices.old],
      );
      expect(readAt).not.toBeNull();

      expect((await http.alice.post(`/api/v1/notifications/${alices.old}/read`)).status).toBe(204);
      const [again] = await db.query(`SELECT read_at FROM notifications WHERE id = $1`, [
        alices.old,
      ]);
      expect(again.read_at).toEqual(readAt);
      expect((await http.alice.get('/api/v1/notifications')).body.unreadCount).toBe(1);
    });

    it('should mark all the caller’s items read, and only theirs', async () => {
      await inboxItem(users.alice, { title: 'Thêm một' });
      const response = await http.alice.post('/api/v1/notifications/read-all');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ marked: 2 });
      expect((await http.alice.post('/api/v1/notifications/read-all')).body).toEqual({
        marked: 0,
      });
      expect((await http.alice.get('/api/v1/notifications')).body.unreadCount).toBe(0);
      expect((await http.bob.get('/api/v1/notifications')).body.unreadCount).toBe(1);
    });

    it('should count at most 10,000 items, saying so, however large the inbox', async () => {
      const crowded = await new Factory(db).user();
      await db.query(
        `WITH events AS (
           INSERT INTO outbox_events (type, aggregate_id, dispatched_at, routed_at)
           SELECT 'nomination.submitted', gen_random_uuid(), now(), now() FROM generate_series(1, 10002)
           RETURNING id)
         INSERT INTO notifications (user_id, event_id, type, title, body)
         SELECT $1, id, 'nomination.submitted', 'Đề cử mới chờ bạn duyệt', 'Nội dung' FROM events`,
        [crowded],
      );
      const client = stack.http.with(bearer(tokenFor(stack, crowded)));
      const all = await client.get('/api/v1/notifications?pageSize=1');
      expect(all.body).toMatchObject({
        total: 10000,
        totalCapped: true,
        unreadCount: 10000,
        unreadCountCapped: true,
      });
      expect(all.body.items).toHaveLength(1);
      expect((await http.alice.get('/api/v1/notifications')).body).toMatchObject({
        totalCapped: false,
        unreadCountCapped: false,
      });
    });
  });

  describe('preferences', () => {
    const preferences = async (who: HttpClient) => {
      const response = await who.get('/api/v1/notifications/preferences');
      expect(response.status).toBe(200);
      return response.body as Array<Record<string, unknown>>;
    };

    it('should list the defaults, one entry per notified event type', async () => {
      expect(await preferences(http.bob)).toEqual(
        NOTIFIED_EVENT_TYPES.map((eventType) => ({
          eventType,
          email: true,
          inbox: true,
          emailDigest: false,
          awaitsAction: NOTIFIED_EVENTS[eventType].awaitsAction,
          default: true,
        })),
      );
    });

    it('should save a choice, replace it, and reset it to the default', async () => {
      const saved = await put(http.alice, 'nomination.approved', { email: false, inbox: true });
      expect(saved.status).toBe(200);
      expect(saved.body).toEqual({
        eventType: 'nomination.approved',
        email: false,
        inbox: true,
        emailDigest: false,
        awaitsAction: false,
        default: false,
      });
      const replaced = await put(http.alice, 'nomination.approved', {
        email: true,
        inbox: false,
        emailDigest: true,
      });
      expect(replaced.body).toMatchObject({ email: true, inbox: false, emailDigest: true });
      expect(
        (await preferences(http.alice)).find((entry) => entry.eventType === 'nomination.approved'),
      ).toMatchObject({ email: true, inbox: false, emailDigest: true, default: false });
      expect(
        await db.query(
          `SELECT email, inbox, email_digest FROM notification_preferences WHERE user_id = $1`,
          [users.alice],
        ),
      ).toEqual([{ email: true, inbox: false, email_digest: true }]);
      // Someone else's choices are their own.
      expect((await preferences(http.bob)).every((entry) => entry.default)).toBe(true);

      const reset = await remove(http.alice, 'nomination.approved');
      expect(reset.status).toBe(204);
      expect(
        (await preferences(http.alice)).find((entry) => entry.eventType === 'nomination.approved'),
      ).toMatchObject({ email: true, inbox: true, emailDigest: false, default: true });
      expect((await remove(http.alice, 'nomination.approved')).status).toBe(204);
    });

    it('should keep a channel on for an event that asks the user to act', async () => {
      const refused = await put(http.alice, 'nomination.submitted', { email: false, inbox: false });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        code: 'ACTION_NOTICE_REQUIRED',
        eventType: 'nomination.submitted',
      });
      const inboxOnly = await put(http.alice, 'nomination.submitted', {
        email: false,
        inbox: true,
      });
      expect(inboxOnly.status).toBe(200);

      const informational = await put(http.alice, 'nomination.approved', {
        email: false,
        inbox: false,
      });
      expect(informational.status).toBe(200);
      expect(informational.body).toMatchObject({ email: false, inbox: false, default: false });
    });

    it('should refuse a digest without email, unknown fields and unknown event types', async () => {
      const digest = await put(http.alice, 'nomination.rejected', {
        email: false,
        inbox: true,
        emailDigest: true,
      });
      expect([digest.status, digest.body.code]).toEqual([400, 'DIGEST_NEEDS_EMAIL']);

      const unknownField = await put(http.alice, 'nomination.rejected', {
        email: true,
        inbox: true,
        sms: true,
      });
      expect([unknownField.status, unknownField.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(unknownField.body.errors).toEqual([
        expect.objectContaining({ field: 'sms', code: 'UNKNOWN_FIELD' }),
      ]);

      const missing = await put(http.alice, 'nomination.rejected', { email: 'yes' });
      expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(missing.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'email',
        'inbox',
      ]);

      for (const eventType of ['nomination.created', 'constructor']) {
        const unknown = await put(http.alice, eventType, { email: true, inbox: true });
        expect([eventType, unknown.status, unknown.body.code]).toEqual([
          eventType,
          404,
          'UNKNOWN_EVENT_TYPE',
        ]);
        const reset = await remove(http.alice, eventType);
        expect([reset.status, reset.body.code]).toEqual([404, 'UNKNOWN_EVENT_TYPE']);
      }
      const [{ count }] = await db.query(
        `SELECT count(*)::int AS count FROM notification_preferences
          WHERE user_id = $1 AND event_type = 'nomination.rejected'`,
        [users.alice],
      );
      expect(count).toBe(0);
    });
  });

  describe('deliveries (administrators)', () => {
    it('should refuse everyone but administrators', async () => {
      const { id } = await delivery(users.alice, { status: 'failed' });
      const list = await http.alice.get('/api/v1/admin/deliveries');
      expect([list.status, list.body.code]).toEqual([403, 'FORBIDDEN']);
      const retried = await retry(http.alice, id);
      expect([retried.status, retried.body.code]).toEqual([403, 'FORBIDDEN']);
      expect(await statusOf(id)).toBe('failed');
      const backlog = await http.alice.get('/api/v1/admin/notifications/backlog');
      expect([backlog.status, backlog.body.code]).toEqual([403, 'FORBIDDEN']);
    });

    it('should report the backlog to administrators', async () => {
      const response = await http.admin.get('/api/v1/admin/notifications/backlog');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        queue: {
          waiting: expect.any(Number),
          active: expect.any(Number),
          delayed: expect.any(Number),
          failed: expect.any(Number),
        },
        deliveries: { pending: expect.any(Number), failed: expect.any(Number) },
        outbox: expect.objectContaining({ undispatched: expect.any(Number) }),
      });
      expect(response.body.deliveries.failed).toBeGreaterThan(0);
    });

    it('should list deliveries newest first, filtered by status, channel, recipient and event', async () => {
      const failed = await delivery(users.alice, {
        status: 'failed',
        type: 'nomination.returned',
        attempts: 8,
        lastError: '421 Dịch vụ tạm ngừng',
      });
      const failedInbox = await delivery(users.bob, { status: 'failed', channel: 'inbox' });
      const sent = await delivery(users.bob, { status: 'sent', attempts: 1 });
      await delivery(users.alice, { status: 'pending' });

      const response = await http.admin.get('/api/v1/admin/deliveries?status=failed');
      expect(response.status).toBe(200);
      expect(
        response.body.items.every((item: { status: string }) => item.status === 'failed'),
      ).toBe(true);
      const ids = response.body.items.map((item: { id: string }) => item.id);
      expect(ids.indexOf(failedInbox.id)).toBeLessThan(ids.indexOf(failed.id));
      expect(response.body.total).toBe(ids.length);
      const [{ aggregate_id: aggregateId }] = await db.query(
        `SELECT aggregate_id FROM outbox_events WHERE id = $1`,
        [failed.eventId],
      );
      const [alice] = await db.query(`SELECT email, display_name FROM users WHERE id = $1`, [
        users.alice,
      ]);
      expect(response.body.items.find((item: { id: string }) => item.id === failed.id)).toEqual({
        id: failed.id,
        eventId: failed.eventId,
        eventType: 'nomination.returned',
        aggregateId,
        recipient: { userId: users.alice, email: alice.email, displayName: alice.display_name },
        channel: 'email',
        status: 'failed',
        digest: false,
        attempts: 8,
        lastError: '421 Dịch vụ tạm ngừng',
        sentAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const filtered = await http.admin.get(
        `/api/v1/admin/deliveries?status=failed&channel=inbox&userId=${users.bob}&eventType=nomination.submitted`,
      );
      expect(filtered.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
      expect(filtered.body.items.map((item: { id: string }) => item.id)).toEqual([failedInbox.id]);

      const sentOnly = await http.admin.get(`/api/v1/admin/deliveries?status=sent`);
      expect(sentOnly.body.items.map((item: { id: string }) => item.id)).toEqual([sent.id]);
      expect(sentOnly.body.items[0].sentAt).toEqual(expect.any(String));

      const bad = await http.admin.get('/api/v1/admin/deliveries?status=lost&channel=sms');
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
        'channel',
        'status',
      ]);
    });

    it('should retry a failed delivery: pending again, audited, its job enqueued under the delivery’s id', async () => {
      const failed = await delivery(users.alice, { status: 'failed', attempts: 8 });
      const response = await retry(http.admin, failed.id);
      expect(response.status).toBe(202);
      expect(response.body).toMatchObject({
        id: failed.id,
        status: 'pending',
        attempts: 8,
        lastError: '550 mailbox unavailable',
      });
      expect(await statusOf(failed.id)).toBe('pending');

      const job = await queue().getJob(failed.jobId);
      expect(job).toBeDefined();
      expect(job!.name).toBe('notifications.deliver');
      expect(job!.data).toEqual({ deliveryId: failed.id });
      expect(job!.opts.attempts).toBe(stack.config.DELIVERY_ATTEMPTS);
      expect(await job!.getState()).toBe('waiting');

      const audit = await db.query(
        `SELECT actor_user_id, action, before, after FROM audit_log
          WHERE entity = 'delivery' AND entity_id = $1`,
        [failed.id],
      );
      expect(audit).toEqual([
        {
          actor_user_id: users.admin,
          action: 'update',
          before: { status: 'failed' },
          after: { status: 'pending' },
        },
      ]);

      // Now pending: not retried twice.
      const again = await retry(http.admin, failed.id);
      expect([again.status, again.body.code]).toEqual([409, 'DELIVERY_NOT_FAILED']);
    });

    it('should refuse to retry a delivery that has not failed, or does not exist', async () => {
      for (const status of ['sent', 'pending', 'digest']) {
        const { id } = await delivery(users.bob, { status });
        const response = await retry(http.admin, id);
        expect([status, response.status, response.body.code]).toEqual([
          status,
          409,
          'DELIVERY_NOT_FAILED',
        ]);
        expect(await statusOf(id)).toBe(status);
      }
      const unknown = await retry(http.admin, '987654321');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'DELIVERY_NOT_FOUND']);
      const malformed = await retry(http.admin, 'abc');
      expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });

    describe('with a job already kept under the delivery’s id', () => {
      let worker: Worker;
      const token = 'test-worker';

      beforeAll(() => {
        // Takes jobs by hand, so the test decides when a job runs and how it ends.
        worker = new Worker('notifications', null, {
          connection: redisOptionsFromUrl(stack.config.REDIS_URL),
          prefix: stack.config.QUEUE_PREFIX,
          autorun: false,
        });
      });
      afterAll(() => worker.close());

      /** A failed delivery whose job a worker has taken (and is running). */
      const taken = async () => {
        await queue().drain();
        const failed = await delivery(users.alice, { status: 'failed' });
        await stack.api
          .get(JobProducer)
          .enqueue('notifications.deliver', { deliveryId: failed.id }, { jobId: failed.jobId });
        const job = (await worker.getNextJob(token)) as Job;
        expect(job.id).toBe(failed.jobId);
        return { ...failed, job };
      };

      it('should replace a finished job, which would otherwise swallow the retry', async () => {
        const { id, jobId, job } = await taken();
        await job.moveToCompleted('skipped', token, false);
        expect(await (await queue().getJob(jobId))!.getState()).toBe('completed');

        expect((await retry(http.admin, id)).status).toBe(202);
        const replaced = await queue().getJob(jobId);
        expect(await replaced!.getState()).toBe('waiting');
        expect(replaced!.data).toEqual({ deliveryId: id });
      });

      it('should refuse while the job is running, and change nothing', async () => {
        const { id, jobId, job } = await taken();
        const response = await retry(http.admin, id);
        expect([response.status, response.body.code]).toEqual([409, 'DELIVERY_IN_PROGRESS']);
        expect(await statusOf(id)).toBe('failed');
        expect(await (await queue().getJob(jobId))!.getState()).toBe('active');
        await job.moveToFailed(new Error('done'), token, false);
      });
    });

    it('should put the delivery back to failed when the job cannot be enqueued', async () => {
      const failed = await delivery(users.alice, { status: 'failed' });
      const [{ updated_at: updatedAt }] = await db.query(
        `SELECT updated_at FROM deliveries WHERE id = $1`,
        [failed.id],
      );
      const enqueue = jest
        .spyOn(stack.api.get(JobProducer), 'enqueue')
        .mockRejectedValueOnce(
          new DomainError('QUEUE_UNAVAILABLE', 'unavailable', 'The job queue is not reachable.'),
        );
      try {
        const response = await retry(http.admin, failed.id);
        expect([response.status, response.body.code]).toEqual([503, 'QUEUE_UNAVAILABLE']);
      } finally {
        enqueue.mockRestore();
      }
      const [row] = await db.query(`SELECT status, updated_at FROM deliveries WHERE id = $1`, [
        failed.id,
      ]);
      expect(row).toEqual({ status: 'failed', updated_at: updatedAt });
      expect(await queue().getJob(failed.jobId)).toBeUndefined();

      // And it can be retried once the queue is back.
      expect((await retry(http.admin, failed.id)).status).toBe(202);
      expect(await statusOf(failed.id)).toBe('pending');
    });
  });
});
