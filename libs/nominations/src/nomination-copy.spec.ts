import { ACTIVE_STATES } from './active-nomination';
import { mayCopyFrom } from './nomination-copy';
import { STATES } from './workflow/transitions';

describe('copying a nomination as a new draft', () => {
  it('should be allowed only from a nomination that ended before its training', () => {
    expect(STATES.filter(mayCopyFrom)).toEqual(['rejected', 'withdrawn', 'cancelled']);
  });

  it('should never be allowed from an active nomination (the copy would be a second one)', () => {
    expect(ACTIVE_STATES.filter(mayCopyFrom)).toEqual([]);
  });
});
