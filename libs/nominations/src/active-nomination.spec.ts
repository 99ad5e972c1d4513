import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIVE_STATES } from './active-nomination';
import { STATES, TERMINAL_STATES } from './workflow/transitions';

describe('active nominations', () => {
  it('should be every state that is not terminal', () => {
    expect(ACTIVE_STATES).toEqual(STATES.filter((state) => !TERMINAL_STATES.includes(state)));
  });

  it('should be the states the database index holds unique per person and intake', () => {
    const migration = readFileSync(
      join(__dirname, '../../../migrations/1764176400000-one-active-nomination.ts'),
      'utf8',
    );
    const index =
      /CREATE UNIQUE INDEX nominations_one_active_per_intake[\s\S]*?WHERE status IN \(([^)]*)\)/.exec(
        migration,
      );
    expect(index).not.toBeNull();
    const states = index![1].split(',').map((state) => state.trim().replace(/'/g, ''));
    expect(states).toEqual(ACTIVE_STATES);
  });
});
