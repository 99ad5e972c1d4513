import type { AuditService } from '@app/audit';
import { Clock } from '@app/common';
import type { AppConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AdminBootstrap } from './admin-bootstrap.service';

describe('AdminBootstrap', () => {
  it('should skip with a warning when no administrator exists and ADMIN_EMAIL is unset', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const transaction = jest.fn();
    const dataSource = {
      manager: { query: jest.fn().mockResolvedValue([{ present: false }]), transaction },
    } as unknown as DataSource;
    const bootstrap = new AdminBootstrap(dataSource, {} as AuditService, new Clock(), {
      NODE_ENV: 'production',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    } as AppConfig);

    await expect(bootstrap.ensureAdmin()).resolves.toBe('skipped');
    expect(transaction).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('ADMIN_EMAIL is not set'));
    warn.mockRestore();
  });
});
