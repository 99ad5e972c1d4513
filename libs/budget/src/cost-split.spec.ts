import { SplitContext, SplitFund, validateCostSplit } from './cost-split';

const MILLION = 1_000_000n;

// Unit paths as the units table stores them: every ancestor's id, slash-separated.
const CITY = '/c0000000-0000-4000-8000-000000000001/';
const DISTRICT = `${CITY}d0000000-0000-4000-8000-000000000002/`;
const SIBLING = `${CITY}d0000000-0000-4000-8000-000000000003/`;
const COMMUNE = `${DISTRICT}e0000000-0000-4000-8000-000000000004/`;

const fund = (id: string, values: Partial<SplitFund> = {}): SplitFund => ({
  id,
  code: `KP-2027-${id}`,
  status: 'open',
  source: 'state_budget',
  fiscalYear: 2027,
  ownerUnitPath: CITY,
  ...values,
});

const FUNDS = [
  fund('CITY'),
  fund('SPONSOR', { source: 'sponsor' }),
  fund('DISTRICT', { ownerUnitPath: DISTRICT }),
  fund('COMMUNE', { ownerUnitPath: COMMUNE }),
  fund('SIBLING', { ownerUnitPath: SIBLING }),
  fund('CLOSED', { status: 'closed' }),
  fund('SCHOLARSHIP', { source: 'scholarship' }),
  fund('Y2026', { fiscalYear: 2026 }),
];

const context = (values: Partial<SplitContext> = {}): SplitContext => ({
  estimate: 100n * MILLION,
  fiscalYear: 2027,
  allowedSources: ['state_budget', 'sponsor'],
  nomineeUnitPath: COMMUNE,
  funds: new Map(FUNDS.map((f) => [f.id, f])),
  ...values,
});

const codes = (errors: Array<{ code?: string }>) => errors.map((error) => error.code);

describe('validateCostSplit', () => {
  it('should accept a split across several funds with a learner share', () => {
    expect(
      validateCostSplit(
        {
          lines: [
            { fundId: 'CITY', amount: 50n * MILLION },
            { fundId: 'SPONSOR', amount: 20n * MILLION },
            { fundId: 'DISTRICT', amount: 20n * MILLION },
          ],
          learnerShare: 10n * MILLION,
        },
        context(),
      ),
    ).toEqual([]);
  });

  it("should accept a fund owned by the nominee's own unit and one owned by an ancestor", () => {
    expect(
      validateCostSplit(
        {
          lines: [
            { fundId: 'COMMUNE', amount: 60n * MILLION },
            { fundId: 'CITY', amount: 40n * MILLION },
          ],
          learnerShare: 0n,
        },
        context(),
      ),
    ).toEqual([]);
  });

  it('should keep amounts above 2^31 exact', () => {
    const estimate = 4_000_000_000_001n;
    expect(
      validateCostSplit(
        {
          lines: [{ fundId: 'CITY', amount: estimate - 1n }],
          learnerShare: 1n,
        },
        context({ estimate }),
      ),
    ).toEqual([]);
  });

  it("should refuse a fund owned by a sibling of the nominee's unit", () => {
    expect(
      validateCostSplit(
        { lines: [{ fundId: 'SIBLING', amount: 100n * MILLION }], learnerShare: 0n },
        context(),
      ),
    ).toEqual([
      expect.objectContaining({ field: 'lines[0].fundId', code: 'OWNER_NOT_ABOVE_NOMINEE' }),
    ]);
  });

  it("should refuse a fund owned below the nominee's unit", () => {
    expect(
      codes(
        validateCostSplit(
          { lines: [{ fundId: 'COMMUNE', amount: 100n * MILLION }], learnerShare: 0n },
          context({ nomineeUnitPath: DISTRICT }),
        ),
      ),
    ).toEqual(['OWNER_NOT_ABOVE_NOMINEE']);
  });

  it.each([
    ['AMOUNT_NOT_POSITIVE', 'lines[1].amount', [50n, 0n], ['CITY', 'SPONSOR'], 50n],
    ['AMOUNT_NOT_POSITIVE', 'lines[0].amount', [-10n], ['CITY'], 110n],
    ['DUPLICATE_FUND', 'lines[1].fundId', [50n, 50n], ['CITY', 'CITY'], 0n],
    ['UNKNOWN_FUND', 'lines[0].fundId', [100n], ['NOPE'], 0n],
    ['FUND_CLOSED', 'lines[0].fundId', [100n], ['CLOSED'], 0n],
    ['SOURCE_NOT_ALLOWED', 'lines[0].fundId', [100n], ['SCHOLARSHIP'], 0n],
    ['WRONG_FISCAL_YEAR', 'lines[0].fundId', [100n], ['Y2026'], 0n],
    ['OWNER_NOT_ABOVE_NOMINEE', 'lines[0].fundId', [100n], ['SIBLING'], 0n],
    ['AMOUNT_NEGATIVE', 'learnerShare', [110n], ['CITY'], -10n],
    ['SPLIT_DOES_NOT_ADD_UP', 'lines', [90n], ['CITY'], 0n],
  ] as const)('should report %s on %s', (code, field, amounts, fundIds, share) => {
    const errors = validateCostSplit(
      {
        lines: fundIds.map((fundId, i) => ({ fundId, amount: amounts[i] * MILLION })),
        learnerShare: share * MILLION,
      },
      context(),
    );
    expect(errors).toEqual([{ field, code, message: expect.stringMatching(/\S/) }]);
  });

  it('should say what the lines add up to when they miss the estimate', () => {
    const [error] = validateCostSplit(
      { lines: [{ fundId: 'CITY', amount: 90n * MILLION }], learnerShare: 5n * MILLION },
      context(),
    );
    expect(error.message).toContain('95000000 VND');
    expect(error.message).toContain('100000000 VND');
  });

  it('should report every problem at once', () => {
    const errors = validateCostSplit(
      {
        lines: [
          { fundId: 'CITY', amount: 0n },
          { fundId: 'CITY', amount: 10n * MILLION },
          { fundId: 'NOPE', amount: 10n * MILLION },
          { fundId: 'CLOSED', amount: 10n * MILLION },
          { fundId: 'SCHOLARSHIP', amount: 10n * MILLION },
          { fundId: 'Y2026', amount: 10n * MILLION },
          { fundId: 'SIBLING', amount: 10n * MILLION },
        ],
        learnerShare: -1n,
      },
      context(),
    );
    expect(errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'lines[0].amount', code: 'AMOUNT_NOT_POSITIVE' },
      { field: 'lines[1].fundId', code: 'DUPLICATE_FUND' },
      { field: 'lines[2].fundId', code: 'UNKNOWN_FUND' },
      { field: 'lines[3].fundId', code: 'FUND_CLOSED' },
      { field: 'lines[4].fundId', code: 'SOURCE_NOT_ALLOWED' },
      { field: 'lines[5].fundId', code: 'WRONG_FISCAL_YEAR' },
      { field: 'lines[6].fundId', code: 'OWNER_NOT_ABOVE_NOMINEE' },
      { field: 'learnerShare', code: 'AMOUNT_NEGATIVE' },
      { field: 'lines', code: 'SPLIT_DOES_NOT_ADD_UP' },
    ]);
    expect(new Set(codes(errors)).size).toBe(9);
  });

  it('should report several problems of one line together', () => {
    expect(
      codes(
        validateCostSplit(
          { lines: [{ fundId: 'SIBLING', amount: 100n * MILLION }], learnerShare: 0n },
          context({ fiscalYear: 2026, allowedSources: ['sponsor'] }),
        ),
      ),
    ).toEqual(['SOURCE_NOT_ALLOWED', 'WRONG_FISCAL_YEAR', 'OWNER_NOT_ABOVE_NOMINEE']);
  });
});
