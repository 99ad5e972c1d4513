import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the relay's wake-up call on new outbox events, per-user preferences, one
 * delivery record per (event, recipient, channel) — the guard against sending twice — the
 * in-app inbox, and the reminders already sent for a step's wait.
 */
export class Notifications1764151200000 implements MigrationInterface {
  name = 'Notifications1764151200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Set when the event's recipients and deliveries are recorded: an event dispatched long
    // ago but never routed lost its job (e.g. Redis lost its data) and is enqueued again.
    await queryRunner.query(`ALTER TABLE outbox_events ADD COLUMN routed_at timestamptz`);
    // A hint only: the relay also polls, and claims rows; NOTIFY is sent at commit.
    await queryRunner.query(`
      CREATE FUNCTION notify_outbox_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_events', '');
        RETURN NULL;
      END $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER outbox_events_notify AFTER INSERT ON outbox_events
        FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_event()
    `);
    await queryRunner.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        email boolean NOT NULL,
        inbox boolean NOT NULL,
        -- Email once a day, gathered, instead of one email per event.
        email_digest boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, event_type),
        CHECK (email OR NOT email_digest)
      )
    `);
    await queryRunner.query(`
      CREATE TABLE deliveries (
        id bigserial PRIMARY KEY,
        event_id bigint NOT NULL REFERENCES outbox_events(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        channel text NOT NULL CHECK (channel IN ('email', 'inbox')),
        -- digest: waits for the recipient's daily digest email.
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'digest')),
        digest boolean NOT NULL DEFAULT false,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        -- While 'sending': the claim's end; a crashed sender's claim lapses.
        claimed_until timestamptz,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (event_id, user_id, channel)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX deliveries_open_idx ON deliveries (status, id) WHERE status <> 'sent'`,
    );
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        event_id bigint NOT NULL REFERENCES outbox_events(id),
        type text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        nomination_id uuid REFERENCES nominations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (event_id, user_id)
      )
    `);
    await queryRunner.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );
    // One reminder and one escalation per wait on a step: a step reached again after a
    // return is a new wait.
    await queryRunner.query(`
      CREATE TABLE step_reminders (
        nomination_id uuid NOT NULL REFERENCES nominations(id),
        step_position smallint NOT NULL,
        waiting_since timestamptz NOT NULL,
        level text NOT NULL CHECK (level IN ('reminder', 'escalation')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (nomination_id, step_position, waiting_since, level)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'step_reminders',
      'notifications',
      'deliveries',
      'notification_preferences',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP TRIGGER outbox_events_notify ON outbox_events`);
    await queryRunner.query(`DROP FUNCTION notify_outbox_event()`);
    await queryRunner.query(`ALTER TABLE outbox_events DROP COLUMN routed_at`);
  }
}
