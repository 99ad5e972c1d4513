import { CITY_ROOT, districtCommittee, DISTRICTS, SeededRandom } from '@app/organization/demo';
import type { FundPolicy, FundSource } from '../fund.entities';

/**
 * The demo training funds, after docs/domain.md: per fiscal year, per owner (the city, each
 * district, some communes) and per source, about 81% from the state budget. Amounts are
 * whole millions of VND, drawn from a seeded generator, so every run gives the same funds.
 */

const MILLION = 1_000_000n;

export type DemoFundTier = 'city' | 'district' | 'commune';

export interface DemoFund {
  code: string;
  name: string;
  fiscalYear: number;
  /** The organization demo's unit code, e.g. 'CT' or 'CT.NK.X01'. */
  ownerUnitCode: string;
  tier: DemoFundTier;
  source: FundSource;
  policy: FundPolicy;
  /** Whole VND. */
  amount: bigint;
}

/** What each tier gets in total, in millions of VND. */
export const DEMO_FUND_TOTALS = {
  city: {
    2026: { state_budget: 11_000n, sponsor: 2_600n },
    2027: { state_budget: 11_300n, sponsor: 2_700n },
  },
  /** The nine district party committees together, 2027. */
  district: { state_budget: 4_710n, sponsor: 1_290n },
  /** The communes with a fund (the first two of each district) together, 2027. */
  commune: { state_budget: 1_000n },
} as const;

/** The districts with a sponsor fund, and their share of the district sponsor total. */
const DISTRICT_SPONSORS: ReadonlyArray<readonly [string, number]> = [
  ['NK', 4],
  ['CR', 3],
  ['BT', 2],
  ['TN', 1],
];

const COMMUNES_PER_DISTRICT = 2;
const SEED = 20_270_101;

const SOURCE_SUFFIX: Record<'state_budget' | 'sponsor', string> = {
  state_budget: 'NSNN',
  sponsor: 'TT',
};
const SOURCE_NAME: Record<'state_budget' | 'sponsor', string> = {
  state_budget: 'ngân sách nhà nước',
  sponsor: 'nguồn tài trợ',
};

/**
 * Splits `total` millions over `weights`, in whole millions, the last share taking what
 * rounding leaves so the parts add up exactly.
 */
function split(total: bigint, weights: number[]): bigint[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const parts = weights.map((weight) => (total * BigInt(weight)) / sum);
  parts[parts.length - 1] += total - parts.reduce((a, b) => a + b, 0n);
  return parts;
}

function fund(
  fiscalYear: number,
  ownerUnitCode: string,
  ownerName: string,
  tier: DemoFundTier,
  source: 'state_budget' | 'sponsor',
  millions: bigint,
): DemoFund {
  // 'CT' for the city, 'NK' for a district, 'NK-X01' for a commune.
  const owner =
    ownerUnitCode === CITY_ROOT.slug
      ? CITY_ROOT.slug
      : ownerUnitCode.slice(CITY_ROOT.slug.length + 1).replace('.', '-');
  return {
    code: `KP-${fiscalYear}-${owner}-${SOURCE_SUFFIX[source]}`,
    name: `Kinh phí đào tạo, bồi dưỡng năm ${fiscalYear} – ${ownerName} (${SOURCE_NAME[source]})`,
    fiscalYear,
    ownerUnitCode,
    tier,
    source,
    // The state budget is never overspent; sponsors' money may be, with finance's override.
    policy: source === 'state_budget' ? 'stop' : 'warn',
    amount: millions * MILLION,
  };
}

/** Every demo fund, in a fixed order: city, districts, communes. */
export function buildDemoFunds(): DemoFund[] {
  const random = new SeededRandom(SEED);
  const funds: DemoFund[] = [];

  for (const year of [2026, 2027] as const) {
    const totals = DEMO_FUND_TOTALS.city[year];
    funds.push(
      fund(year, CITY_ROOT.slug, CITY_ROOT.name, 'city', 'state_budget', totals.state_budget),
    );
    funds.push(fund(year, CITY_ROOT.slug, CITY_ROOT.name, 'city', 'sponsor', totals.sponsor));
  }

  // Urban districts get a little more; each amount varies by up to a fifth.
  const districtBudget = split(
    DEMO_FUND_TOTALS.district.state_budget,
    DISTRICTS.map((district) => (district.urban ? 120 : 100) + random.int(-20, 20)),
  );
  const sponsors = split(
    DEMO_FUND_TOTALS.district.sponsor,
    DISTRICT_SPONSORS.map(([, weight]) => weight),
  );
  DISTRICTS.forEach((district, index) => {
    const code = `${CITY_ROOT.slug}.${district.slug}`;
    const name = districtCommittee(district);
    funds.push(fund(2027, code, name, 'district', 'state_budget', districtBudget[index]));
    const sponsor = DISTRICT_SPONSORS.findIndex(([slug]) => slug === district.slug);
    if (sponsor >= 0) funds.push(fund(2027, code, name, 'district', 'sponsor', sponsors[sponsor]));
  });

  const communes = DISTRICTS.flatMap((district) =>
    district.communes.slice(0, COMMUNES_PER_DISTRICT).map((name, index) => ({
      code: `${CITY_ROOT.slug}.${district.slug}.X${String(index + 1).padStart(2, '0')}`,
      name,
    })),
  );
  const communeBudget = split(
    DEMO_FUND_TOTALS.commune.state_budget,
    communes.map(() => random.int(40, 70)),
  );
  communes.forEach((commune, index) =>
    funds.push(
      fund(2027, commune.code, commune.name, 'commune', 'state_budget', communeBudget[index]),
    ),
  );
  return funds;
}
