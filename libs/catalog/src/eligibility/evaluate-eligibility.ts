import type {
  ProgramCategory,
  ProgramMode,
  QualificationKind,
  TargetGroup,
} from '../catalog-types';
import { EligibilityRule, RULE_KINDS, RuleKind, RuleParams } from './rule-kinds';

/** Everything the rules look at, gathered by the caller; the evaluation itself is pure. */
export interface EligibilityContext {
  person: {
    birthDate: string;
    joinedServiceOn: string | null;
    tierCode: string;
    positionCode: string | null;
    educationLevel: number | null;
    politicalTheory: number;
    fosteringRank: number | null;
    languageLevel: number | null;
  };
  program: {
    category: ProgramCategory;
    overseas: boolean;
    mode: ProgramMode;
    grantsKind: QualificationKind | null;
    grantsLevel: number | null;
  };
  intake: {
    startsOn: string;
    endsOn: string;
    nominationOpensOn: string;
    nominationClosesOn: string;
  };
  /** Known when a nomination names it; rules about it are skipped otherwise. */
  targetGroup: TargetGroup | null;
  /** The person's other full-time trainings (approved or in progress). */
  otherFullTimeTrainings: Array<{ label: string; startsOn: string; endsOn: string }>;
  /** YYYY-MM-DD, in the organization's time zone. */
  today: string;
}

export interface Message {
  vi: string;
  en: string;
}

export interface RuleFailure {
  ruleId: string;
  kind: RuleKind;
  message: Message;
}

export interface EligibilityVerdict {
  eligible: boolean;
  failures: RuleFailure[];
  /** Rules that could not be judged yet (e.g. the target group before a nomination names it). */
  notEvaluated: RuleKind[];
}

type Outcome = Message | null | 'not_evaluated';
type Check<K extends RuleKind> = (params: RuleParams[K], context: EligibilityContext) => Outcome;

const POSTGRADUATE = 4; // master
const levelNames: Record<QualificationKind, Record<number, Message>> = {
  education: {
    1: { vi: 'trung cấp', en: 'intermediate' },
    2: { vi: 'cao đẳng', en: 'college' },
    3: { vi: 'đại học', en: 'university' },
    4: { vi: 'thạc sĩ', en: "master's" },
    5: { vi: 'tiến sĩ', en: 'doctorate' },
  },
  political_theory: {
    1: { vi: 'sơ cấp', en: 'elementary' },
    2: { vi: 'trung cấp', en: 'intermediate' },
    3: { vi: 'cao cấp', en: 'advanced' },
  },
  fostering: {
    1: { vi: 'chuyên viên', en: 'specialist' },
    2: { vi: 'chuyên viên chính', en: 'principal specialist' },
    3: { vi: 'chuyên viên cao cấp', en: 'senior specialist' },
  },
  foreign_language: Object.fromEntries(
    [1, 2, 3, 4, 5, 6].map((level) => [level, { vi: `bậc ${level}`, en: `level ${level}` }]),
  ),
};
const kindNames: Record<QualificationKind, Message> = {
  education: { vi: 'trình độ chuyên môn', en: 'professional education' },
  political_theory: { vi: 'lý luận chính trị', en: 'political theory' },
  fostering: { vi: 'bồi dưỡng quản lý nhà nước', en: 'state-management fostering' },
  foreign_language: { vi: 'ngoại ngữ', en: 'foreign language' },
};
const levelName = (kind: QualificationKind, level: number) =>
  levelNames[kind][level] ?? { vi: String(level), en: String(level) };

function personLevel(person: EligibilityContext['person'], kind: QualificationKind): number {
  const levels: Record<QualificationKind, number | null> = {
    education: person.educationLevel,
    political_theory: person.politicalTheory,
    fostering: person.fosteringRank,
    foreign_language: person.languageLevel,
  };
  return levels[kind] ?? 0;
}

/** Whole years from `from` to `to` (dates YYYY-MM-DD). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

const checks: { [K in RuleKind]: Check<K> } = {
  nomination_window_open: (_, { intake, today }) =>
    today >= intake.nominationOpensOn && today <= intake.nominationClosesOn
      ? null
      : {
          vi: `Ngoài thời hạn đề cử (${intake.nominationOpensOn} đến ${intake.nominationClosesOn}).`,
          en: `Nominations are accepted from ${intake.nominationOpensOn} to ${intake.nominationClosesOn} only.`,
        },
  allowed_tiers: ({ tiers }, { person }) =>
    tiers.includes(person.tierCode)
      ? null
      : {
          vi: `Khóa học chỉ dành cho cán bộ cấp: ${tiers.join(', ')}.`,
          en: `The programme is for staff of these tiers only: ${tiers.join(', ')}.`,
        },
  allowed_positions: ({ positions }, { person }) =>
    person.positionCode && positions.includes(person.positionCode)
      ? null
      : {
          vi: `Khóa học chỉ dành cho các chức danh: ${positions.join(', ')}.`,
          en: `The programme is for these positions only: ${positions.join(', ')}.`,
        },
  allowed_target_groups: ({ groups }, { targetGroup }) =>
    targetGroup === null
      ? 'not_evaluated'
      : groups.includes(targetGroup)
        ? null
        : {
            vi: `Đối tượng ${targetGroup} không thuộc các đối tượng được cử: ${groups.join(', ')}.`,
            en: `Target group ${targetGroup} is not among the groups allowed: ${groups.join(', ')}.`,
          },
  max_age: ({ years, firstPostgraduateOnly }, { person, intake }) => {
    if (firstPostgraduateOnly && (person.educationLevel ?? 0) >= POSTGRADUATE) return null;
    const age = yearsBetween(person.birthDate, intake.startsOn);
    return age <= years
      ? null
      : {
          vi: `Tuổi khi khai giảng là ${age}, vượt quá ${years} tuổi${firstPostgraduateOnly ? ' (lần đầu đào tạo sau đại học)' : ''}.`,
          en: `Aged ${age} at the start, over the limit of ${years}${firstPostgraduateOnly ? ' for a first postgraduate degree' : ''}.`,
        };
  },
  min_service_years: ({ years }, { person, intake }) => {
    const served = person.joinedServiceOn
      ? yearsBetween(person.joinedServiceOn, intake.startsOn)
      : 0;
    return served >= years
      ? null
      : {
          vi: `Thời gian công tác ${served} năm, chưa đủ ${years} năm.`,
          en: `${served} years of service, fewer than the ${years} required.`,
        };
  },
  prerequisite: ({ kind, level }, { person }) =>
    personLevel(person, kind) >= level
      ? null
      : {
          vi: `Cần có ${kindNames[kind].vi} từ ${levelName(kind, level).vi} trở lên.`,
          en: `Requires ${kindNames[kind].en} of ${levelName(kind, level).en} or higher.`,
        },
  min_language_overseas: ({ level }, { person, program }) =>
    !program.overseas || (person.languageLevel ?? 0) >= level
      ? null
      : {
          vi: `Đào tạo ở nước ngoài cần ngoại ngữ từ bậc ${level} trở lên.`,
          en: `Training abroad requires foreign-language level ${level} or higher.`,
        },
  not_already_qualified: (_, { person, program }) =>
    !program.grantsKind ||
    program.grantsLevel === null ||
    personLevel(person, program.grantsKind) < program.grantsLevel
      ? null
      : {
          vi: `Đã có ${kindNames[program.grantsKind].vi} ${levelName(program.grantsKind, program.grantsLevel).vi} hoặc cao hơn.`,
          en: `Already holds ${kindNames[program.grantsKind].en} of ${levelName(program.grantsKind, program.grantsLevel).en} or higher.`,
        },
  no_overlapping_full_time: (_, { program, intake, otherFullTimeTrainings }) => {
    if (program.mode !== 'full_time') return null;
    const overlap = otherFullTimeTrainings.find(
      (other) => other.startsOn <= intake.endsOn && other.endsOn >= intake.startsOn,
    );
    return overlap
      ? {
          vi: `Trùng thời gian với khóa học tập trung ${overlap.label} (${overlap.startsOn} đến ${overlap.endsOn}).`,
          en: `Overlaps the full-time training ${overlap.label} (${overlap.startsOn} to ${overlap.endsOn}).`,
        }
      : null;
  },
};

/**
 * The rules in force for one intake: for each kind, the most specific level that defines
 * it wins (intake over programme over default); disabled rules switch their kind off.
 * Rules limited to other programme categories do not apply.
 */
export function rulesInForce(
  rules: EligibilityRule[],
  category: ProgramCategory,
): EligibilityRule[] {
  const rank = { default: 0, program: 1, intake: 2 } as const;
  const applicable = rules.filter(
    (rule) => !rule.params.categories || rule.params.categories.includes(category),
  );
  const top = new Map<RuleKind, number>();
  for (const rule of applicable)
    top.set(rule.kind, Math.max(top.get(rule.kind) ?? -1, rank[rule.level]));
  return applicable.filter((rule) => rule.enabled && rank[rule.level] === top.get(rule.kind));
}

/** Evaluates every rule in force and reports every failure, in a fixed order. */
export function evaluateEligibility(
  rules: EligibilityRule[],
  context: EligibilityContext,
): EligibilityVerdict {
  const failures: RuleFailure[] = [];
  const notEvaluated = new Set<RuleKind>();
  for (const rule of rulesInForce(rules, context.program.category)) {
    const check = checks[rule.kind] as Check<RuleKind>;
    const outcome = check(rule.params, context);
    if (outcome === 'not_evaluated') notEvaluated.add(rule.kind);
    else if (outcome) failures.push({ ruleId: rule.id, kind: rule.kind, message: outcome });
  }
  const order = (kind: RuleKind) => RULE_KINDS.indexOf(kind);
  failures.sort((a, b) => order(a.kind) - order(b.kind) || a.ruleId.localeCompare(b.ruleId));
  return {
    eligible: failures.length === 0,
    failures,
    notEvaluated: [...notEvaluated].sort((a, b) => order(a) - order(b)),
  };
}
