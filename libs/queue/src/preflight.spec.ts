import { evictionPolicy } from './preflight';

describe('Redis eviction policy', () => {
  it('reads the policy from INFO memory', () => {
    const info =
      '# Memory\r\nused_memory:1024\r\nmaxmemory_policy:allkeys-lru\r\nmem_fragmentation_ratio:1.2\r\n';
    expect(evictionPolicy(info)).toBe('allkeys-lru');
    expect(evictionPolicy('maxmemory_policy:noeviction\r\n')).toBe('noeviction');
  });

  it('says nothing when the server hides it', () => {
    expect(evictionPolicy('# Memory\r\nused_memory:1024\r\n')).toBeUndefined();
  });
});
