import { AuditService } from '@app/audit';
import { Clock, WorkContext } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from './passwords';

/**
 * Creates the first administrator (ADMIN_EMAIL / ADMIN_PASSWORD) when the API starts and no
 * active user holds the admin role. An advisory lock makes concurrent starts create one.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
  }

  /** What happened, for the log and the tests. */
  async ensureAdmin(): Promise<'created' | 'exists' | 'skipped'> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    // At start-up, before any request: the system's own work.
    const ctx = WorkContext.start(null, this.dataSource, this.clock);
    if (await this.adminExists(ctx.manager)) return 'exists';
    if (!email || !password) {
      this.logger.warn(
        'No administrator exists and ADMIN_EMAIL is not set: set ADMIN_EMAIL and ADMIN_PASSWORD to create the first one.',
      );
      return 'skipped';
    }
    // Hashed outside the lock, which is held only for the check and the insert.
    const passwordHash = await hashPassword(password);
    const outcome = await ctx.transaction(async (tx) => {
      const { manager } = tx;
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtext('training-nominations:first-admin'))`,
      );
      if (await this.adminExists(manager)) return 'exists' as const;
      const [taken] = await manager.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [
        email,
      ]);
      if (taken) {
        this.logger.warn(
          { email },
          'No active administrator, but ADMIN_EMAIL belongs to an existing user: left unchanged',
        );
        return 'skipped' as const;
      }
      const [{ id }] = await manager.query(
        `INSERT INTO users (email, password_hash, display_name, locale)
         VALUES ($1, $2, 'Administrator', 'vi') RETURNING id`,
        [email, passwordHash],
      );
      await manager.query(`INSERT INTO role_assignments (user_id, role) VALUES ($1, 'admin')`, [
        id,
      ]);
      await this.audit.record(tx, 'user', id, null, {
        email,
        displayName: 'Administrator',
        locale: 'vi',
        staffId: null,
        active: true,
        roles: [{ role: 'admin', unitId: null, authorityId: null }],
      });
      return 'created' as const;
    });
    if (outcome === 'created') this.logger.log({ email }, 'Created the first administrator');
    return outcome;
  }

  private async adminExists(manager: EntityManager): Promise<boolean> {
    const [{ present }] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM users us JOIN role_assignments ra ON ra.user_id = us.id
                       WHERE ra.role = 'admin' AND us.active) AS present`,
    );
    return present;
  }
}
