import { share, toFigures } from './compliance.service';

describe('share', () => {
  it.each([
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [1788, 1800, 0.9933],
    [5, 5, 1],
    [0, 7, 0],
  ])('should round %i / %i to %d', (count, denominator, expected) => {
    expect(share(count, denominator)).toBe(expected);
  });

  it('should be null when there is nothing to divide by', () => {
    expect(share(0, 0)).toBeNull();
  });
});

describe('toFigures', () => {
  it('should take the standard share of staff holding a position, the others of all staff', () => {
    expect(
      toFigures({ total: 10, with_position: 8, meeting: 6, university: 7, theory: 5 }),
    ).toEqual({
      total: 10,
      withPosition: 8,
      meetingStandard: { count: 6, share: 0.75 },
      universityOrHigher: { count: 7, share: 0.7 },
      politicalTheoryIntermediateOrHigher: { count: 5, share: 0.5 },
    });
  });
});
