import { Clock, WorkContext } from '@app/common';
import { DataSource } from 'typeorm';
import { ComplianceSnapshotsService, isDay } from './compliance-snapshots.service';

describe('compliance snapshots', () => {
  it('should take only real calendar days as dates', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-13-01')).toBe(false);
    expect(isDay('20240101')).toBe(false);
    expect(isDay('2024-1-01')).toBe(false);
    expect(isDay(20240101)).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });

  it('should refuse a malformed or future date before touching the database', async () => {
    const untouched = {
      manager: {
        transaction: () => {
          throw new Error('the database was used');
        },
      },
    } as unknown as DataSource;
    const service = new ComplianceSnapshotsService();
    const ctx = WorkContext.start(null, untouched, new Clock());
    await expect(service.take(ctx, '2024-02-30')).rejects.toMatchObject({
      code: 'INVALID_DATE',
      kind: 'invalid',
    });
    await expect(service.take(ctx, '2999-01-01')).rejects.toMatchObject({
      code: 'INVALID_DATE',
      kind: 'invalid',
    });
  });
});
