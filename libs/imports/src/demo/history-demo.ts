import type { FundingSource, ProgramCategory } from '@app/catalog';
import { SeededRandom } from '@app/organization/demo';

/** The article's period: the history the organization brings from before the product. */
export const HISTORY_YEARS = { from: 2012, to: 2022 } as const;

/** One imported participation of the demo, before its person is chosen. */
export interface DemoPastParticipation {
  /** Index into the demo staff old enough to train (taken modulo their count). */
  person: number;
  category: ProgramCategory;
  startsOn: string;
  endsOn: string;
  providerName: string;
  overseas: boolean;
  cost: string;
  fundingSource: FundingSource;
  completed: boolean;
}

/** What a course of each category lasts (days) and costs (millions of VND, from–to). */
const COURSES: Record<ProgramCategory, { days: number; cost: [number, number]; weight: number }> = {
  political_theory_advanced: { days: 540, cost: [28, 40], weight: 3 },
  political_theory_intermediate: { days: 240, cost: [10, 16], weight: 5 },
  political_theory_elementary: { days: 30, cost: [2, 4], weight: 3 },
  degree_university: { days: 1200, cost: [30, 45], weight: 2 },
  degree_master: { days: 720, cost: [70, 110], weight: 2 },
  degree_doctor: { days: 1300, cost: [180, 260], weight: 0.4 },
  state_management: { days: 60, cost: [4, 8], weight: 5 },
  leadership_skills: { days: 10, cost: [2, 5], weight: 4 },
  knowledge_update: { days: 5, cost: [1, 3], weight: 5 },
  foreign_language: { days: 90, cost: [3, 7], weight: 2 },
  information_technology: { days: 30, cost: [1, 3], weight: 2 },
  other: { days: 5, cost: [1, 2], weight: 1 },
};

const PROVIDERS: Record<string, string[]> = {
  political: ['Học viện Chính trị quốc gia Hồ Chí Minh', 'Trường Chính trị thành phố Cần Thơ'],
  degree: ['Trường Đại học Cần Thơ', 'Học viện Hành chính Quốc gia', 'Đại học Quốc gia TP.HCM'],
  fostering: ['Trường Chính trị thành phố Cần Thơ', 'Học viện Hành chính Quốc gia', 'Sở Nội vụ'],
};
const OVERSEAS = [
  'Đại học Quốc gia Singapore',
  'Đại học Flinders (Úc)',
  'Học viện Hành chính Pháp',
];

const SOURCES: ReadonlyArray<readonly [FundingSource, number]> = [
  ['state_budget', 81],
  ['sponsor', 9],
  ['scholarship', 6],
  ['other', 4],
];

const day = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's training history 2012–2022, the same on every run: about thirty participations
 * a year, more in later years, most of them fostering, one in twenty not completed; the
 * state budget pays four in five; a few degrees abroad.
 */
export function buildDemoHistory(seed = 2012): DemoPastParticipation[] {
  const random = new SeededRandom(seed);
  const categories = Object.entries(COURSES).map(
    ([category, course]) => [category as ProgramCategory, course.weight] as const,
  );
  const result: DemoPastParticipation[] = [];
  for (let year = HISTORY_YEARS.from; year <= HISTORY_YEARS.to; year++) {
    const perYear = 24 + (year - HISTORY_YEARS.from) + random.int(0, 6);
    for (let index = 0; index < perYear; index++) {
      const category = random.weighted(categories);
      const course = COURSES[category];
      const degree = category.startsWith('degree_');
      const overseas =
        (category === 'degree_master' || category === 'degree_doctor') && random.chance(0.15);
      const startsOn = day(year, random.int(1, 330));
      const cost =
        random.int(course.cost[0] * 10, course.cost[1] * 10) * 100_000 * (overseas ? 3 : 1);
      result.push({
        person: random.int(0, 1_000_000),
        category,
        startsOn,
        endsOn: addDays(startsOn, course.days),
        providerName: overseas
          ? random.pick(OVERSEAS)
          : random.pick(
              PROVIDERS[
                category.startsWith('political') ? 'political' : degree ? 'degree' : 'fostering'
              ],
            ),
        overseas,
        cost: String(cost),
        fundingSource: overseas && random.chance(0.5) ? 'scholarship' : random.weighted(SOURCES),
        completed: !random.chance(0.05),
      });
    }
  }
  return result;
}
