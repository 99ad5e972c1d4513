import { PROGRAM_CATEGORIES, ProgramCategory, QUALIFICATION_KINDS } from '../catalog-types';
import {
  EligibilityContext,
  EligibilityVerdict,
  evaluateEligibility,
  rulesInForce,
  yearsBetween,
} from './evaluate-eligibility';
import { EligibilityRule, RULE_KINDS, RuleKind, RuleParams } from './rule-kinds';

type Level = EligibilityRule['level'];
type Params<K extends RuleKind> = EligibilityRule<K>['params'];

let nextId = 0;
function rule<K extends RuleKind>(
  kind: K,
  params: Params<K>,
  options: { level?: Level; enabled?: boolean; id?: string } = {},
): EligibilityRule {
  return {
    id: options.id ?? `rule-${String(++nextId).padStart(4, '0')}`,
    kind,
    params,
    enabled: options.enabled ?? true,
    level: options.level ?? 'default',
  } as EligibilityRule;
}

/** The organization-wide defaults the catalog migration inserts. */
const defaultRules = (): EligibilityRule[] => [
  rule('nomination_window_open', {}, { id: 'd-window' }),
  rule('not_already_qualified', {}, { id: 'd-qualified' }),
  rule('no_overlapping_full_time', {}, { id: 'd-overlap' }),
  rule('min_language_overseas', { level: 3 }, { id: 'd-language' }),
  rule(
    'max_age',
    { years: 40, firstPostgraduateOnly: true, categories: ['degree_master', 'degree_doctor'] },
    { id: 'd-age' },
  ),
  rule(
    'min_service_years',
    { years: 2, categories: ['degree_master', 'degree_doctor'] },
    { id: 'd-service' },
  ),
  rule(
    'prerequisite',
    { kind: 'education', level: 3, categories: ['degree_master'] },
    { id: 'd-prereq-master' },
  ),
  rule(
    'prerequisite',
    { kind: 'education', level: 4, categories: ['degree_doctor'] },
    { id: 'd-prereq-doctor' },
  ),
  rule(
    'prerequisite',
    { kind: 'political_theory', level: 2, categories: ['political_theory_advanced'] },
    { id: 'd-prereq-theory' },
  ),
];

interface Overrides {
  person?: Partial<EligibilityContext['person']>;
  program?: Partial<EligibilityContext['program']>;
  intake?: Partial<EligibilityContext['intake']>;
  targetGroup?: EligibilityContext['targetGroup'];
  otherFullTimeTrainings?: EligibilityContext['otherFullTimeTrainings'];
  today?: string;
}

/** A district office head nominated for a domestic master's: passes every default rule. */
function context(overrides: Overrides = {}): EligibilityContext {
  return {
    person: {
      birthDate: '1990-05-10',
      joinedServiceOn: '2015-01-01',
      tierCode: 'district',
      positionCode: 'DISTRICT_OFFICE_HEAD',
      educationLevel: 3,
      politicalTheory: 2,
      fosteringRank: 1,
      languageLevel: 3,
      ...overrides.person,
    },
    program: {
      category: 'degree_master',
      overseas: false,
      mode: 'full_time',
      grantsKind: 'education',
      grantsLevel: 4,
      ...overrides.program,
    },
    intake: {
      startsOn: '2027-03-01',
      endsOn: '2029-02-28',
      nominationOpensOn: '2026-11-01',
      nominationClosesOn: '2026-12-15',
      ...overrides.intake,
    },
    targetGroup: overrides.targetGroup === undefined ? 2 : overrides.targetGroup,
    otherFullTimeTrainings: overrides.otherFullTimeTrainings ?? [],
    today: overrides.today ?? '2026-11-26',
  };
}

const ids = (rules: EligibilityRule[]) => rules.map((r) => r.id).sort();
const kinds = (verdict: EligibilityVerdict) => verdict.failures.map((failure) => failure.kind);
const only = <K extends RuleKind>(kind: K, params: Params<K>) => [rule(kind, params)];

function expectMessages(verdict: EligibilityVerdict) {
  for (const failure of verdict.failures) {
    expect(failure.message.vi.trim()).not.toBe('');
    expect(failure.message.en.trim()).not.toBe('');
    expect(failure.message.vi).not.toEqual(failure.message.en);
  }
}

describe('yearsBetween', () => {
  it.each([
    ['1990-05-10', '2026-05-09', 35],
    ['1990-05-10', '2026-05-10', 36],
    ['1990-05-10', '2026-05-11', 36],
    ['1990-05-10', '2026-04-30', 35],
    ['1990-05-10', '2026-06-01', 36],
    ['2020-01-01', '2020-12-31', 0],
    ['2020-01-01', '2021-01-01', 1],
    ['2026-11-26', '2026-11-26', 0],
    ['1999-12-31', '2000-01-01', 0],
  ])('should count whole years from %s to %s as %i', (from, to, years) => {
    expect(yearsBetween(from, to)).toBe(years);
  });

  it('should make a 29 February birthday a year older on 1 March of a common year', () => {
    expect(yearsBetween('2000-02-29', '2001-02-28')).toBe(0);
    expect(yearsBetween('2000-02-29', '2001-03-01')).toBe(1);
    expect(yearsBetween('1988-02-29', '2027-02-28')).toBe(38);
    expect(yearsBetween('1988-02-29', '2027-03-01')).toBe(39);
  });

  it('should make a 29 February birthday a year older on 29 February of a leap year', () => {
    expect(yearsBetween('2000-02-29', '2004-02-28')).toBe(3);
    expect(yearsBetween('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('should count a 28 February anniversary from a leap year on 28 February', () => {
    expect(yearsBetween('2000-02-28', '2001-02-28')).toBe(1);
    expect(yearsBetween('2000-02-28', '2001-02-27')).toBe(0);
  });
});

describe('evaluateEligibility', () => {
  it('should find the base context eligible under the default rules', () => {
    expect(evaluateEligibility(defaultRules(), context())).toEqual({
      eligible: true,
      failures: [],
      notEvaluated: [],
    });
  });

  it('should be eligible when no rule is in force', () => {
    expect(evaluateEligibility([], context({ today: '2030-01-01' }))).toEqual({
      eligible: true,
      failures: [],
      notEvaluated: [],
    });
  });

  describe('nomination_window_open', () => {
    const rules = only('nomination_window_open', {});

    it.each([
      ['on the first day', '2026-11-01'],
      ['on the last day', '2026-12-15'],
      ['inside', '2026-11-26'],
    ])('should pass %s of the window', (_, today) => {
      expect(evaluateEligibility(rules, context({ today })).eligible).toBe(true);
    });

    it.each([
      ['the day before it opens', '2026-10-31'],
      ['the day after it closes', '2026-12-16'],
      ['a year later', '2027-11-26'],
    ])('should fail %s', (_, today) => {
      const verdict = evaluateEligibility(rules, context({ today }));
      expect(kinds(verdict)).toEqual(['nomination_window_open']);
      expect(verdict.failures[0].message.en).toContain('2026-11-01');
      expect(verdict.failures[0].message.vi).toContain('2026-12-15');
      expectMessages(verdict);
    });

    it('should pass a window of a single day on that day only', () => {
      const intake = { nominationOpensOn: '2026-11-26', nominationClosesOn: '2026-11-26' };
      expect(evaluateEligibility(rules, context({ intake })).eligible).toBe(true);
      expect(evaluateEligibility(rules, context({ intake, today: '2026-11-27' })).eligible).toBe(
        false,
      );
    });
  });

  describe('allowed_tiers', () => {
    const rules = only('allowed_tiers', { tiers: ['district', 'commune'] });

    it('should pass a person of an allowed tier', () => {
      for (const tierCode of ['district', 'commune'])
        expect(evaluateEligibility(rules, context({ person: { tierCode } })).eligible).toBe(true);
    });

    it('should fail a person of another tier and name the allowed tiers', () => {
      const verdict = evaluateEligibility(rules, context({ person: { tierCode: 'city' } }));
      expect(kinds(verdict)).toEqual(['allowed_tiers']);
      expect(verdict.failures[0].message.vi).toContain('district, commune');
      expect(verdict.failures[0].message.en).toContain('district, commune');
      expectMessages(verdict);
    });
  });

  describe('allowed_positions', () => {
    const rules = only('allowed_positions', { positions: ['COMMUNE_KEY', 'DISTRICT_OFFICE_HEAD'] });

    it('should pass a person holding an allowed position', () => {
      expect(evaluateEligibility(rules, context()).eligible).toBe(true);
    });

    it.each([['SPECIALIST'], [null]])('should fail a person whose position is %p', (code) => {
      const verdict = evaluateEligibility(rules, context({ person: { positionCode: code } }));
      expect(kinds(verdict)).toEqual(['allowed_positions']);
      expect(verdict.failures[0].message.en).toContain('COMMUNE_KEY');
      expectMessages(verdict);
    });
  });

  describe('allowed_target_groups', () => {
    const rules = only('allowed_target_groups', { groups: [1, 2] });

    it('should pass an allowed target group', () => {
      expect(evaluateEligibility(rules, context({ targetGroup: 1 })).eligible).toBe(true);
      expect(evaluateEligibility(rules, context({ targetGroup: 2 })).eligible).toBe(true);
    });

    it('should fail another target group', () => {
      const verdict = evaluateEligibility(rules, context({ targetGroup: 3 }));
      expect(kinds(verdict)).toEqual(['allowed_target_groups']);
      expect(verdict.notEvaluated).toEqual([]);
      expectMessages(verdict);
    });

    it('should report the rule as not evaluated, not failed, when no target group is named', () => {
      expect(evaluateEligibility(rules, context({ targetGroup: null }))).toEqual({
        eligible: true,
        failures: [],
        notEvaluated: ['allowed_target_groups'],
      });
    });

    it('should list the kind once however many rules of it are skipped', () => {
      const both = [
        rule('allowed_target_groups', { groups: [1] }),
        rule('allowed_target_groups', { groups: [2] }),
      ];
      const verdict = evaluateEligibility(both, context({ targetGroup: null }));
      expect(verdict.notEvaluated).toEqual(['allowed_target_groups']);
    });
  });

  describe('max_age', () => {
    // The intake starts on 2027-03-01.
    const rules = only('max_age', { years: 40 });

    it('should pass a person exactly at the limit on the first day', () => {
      const verdict = evaluateEligibility(rules, context({ person: { birthDate: '1987-03-01' } }));
      expect(verdict.eligible).toBe(true);
    });

    it('should pass a person turning 41 on the day after the start', () => {
      const verdict = evaluateEligibility(rules, context({ person: { birthDate: '1986-03-02' } }));
      expect(verdict.eligible).toBe(true);
    });

    it('should fail a person turning 41 on the first day', () => {
      const verdict = evaluateEligibility(rules, context({ person: { birthDate: '1986-03-01' } }));
      expect(kinds(verdict)).toEqual(['max_age']);
      expect(verdict.failures[0].message.en).toContain('41');
      expect(verdict.failures[0].message.vi).toContain('41');
      expectMessages(verdict);
    });

    it('should measure a 29 February birthday at the start of the intake', () => {
      // 1987-02-29 does not exist; 1988-02-29 does: 38 on 2027-02-28, 39 on 2027-03-01.
      const limit38 = only('max_age', { years: 38 });
      const born = { birthDate: '1988-02-29' };
      expect(evaluateEligibility(limit38, context({ person: born })).eligible).toBe(false);
      expect(
        evaluateEligibility(limit38, context({ person: born, intake: { startsOn: '2027-02-28' } }))
          .eligible,
      ).toBe(true);
    });

    describe('firstPostgraduateOnly', () => {
      const firstOnly = only('max_age', { years: 40, firstPostgraduateOnly: true });
      const old = { birthDate: '1970-01-01' };

      it('should not limit a master holder', () => {
        const verdict = evaluateEligibility(
          firstOnly,
          context({
            person: { ...old, educationLevel: 4 },
            program: { category: 'degree_doctor' },
          }),
        );
        expect(verdict.eligible).toBe(true);
      });

      it('should not limit a doctor', () => {
        expect(
          evaluateEligibility(firstOnly, context({ person: { ...old, educationLevel: 5 } }))
            .eligible,
        ).toBe(true);
      });

      it('should limit a university graduate, a first postgraduate nomination', () => {
        const verdict = evaluateEligibility(
          firstOnly,
          context({ person: { ...old, educationLevel: 3 } }),
        );
        expect(kinds(verdict)).toEqual(['max_age']);
        expect(verdict.failures[0].message.en).toContain('first postgraduate');
        expect(verdict.failures[0].message.vi).toContain('lần đầu');
        expectMessages(verdict);
      });

      it('should limit a person with no recorded education', () => {
        const verdict = evaluateEligibility(
          firstOnly,
          context({ person: { ...old, educationLevel: null } }),
        );
        expect(kinds(verdict)).toEqual(['max_age']);
      });

      it('should limit a master holder when the rule is not for first degrees only', () => {
        const verdict = evaluateEligibility(
          only('max_age', { years: 40, firstPostgraduateOnly: false }),
          context({ person: { ...old, educationLevel: 4 } }),
        );
        expect(kinds(verdict)).toEqual(['max_age']);
        expect(verdict.failures[0].message.en).not.toContain('first postgraduate');
      });
    });
  });

  describe('min_service_years', () => {
    // The intake starts on 2027-03-01.
    const rules = only('min_service_years', { years: 2 });

    it('should pass on the anniversary', () => {
      const verdict = evaluateEligibility(
        rules,
        context({ person: { joinedServiceOn: '2025-03-01' } }),
      );
      expect(verdict.eligible).toBe(true);
    });

    it('should fail on the day before the anniversary', () => {
      const verdict = evaluateEligibility(
        rules,
        context({ person: { joinedServiceOn: '2025-03-02' } }),
      );
      expect(kinds(verdict)).toEqual(['min_service_years']);
      expect(verdict.failures[0].message.en).toContain('1 years');
      expectMessages(verdict);
    });

    it('should count a person with no service date as having none', () => {
      const verdict = evaluateEligibility(rules, context({ person: { joinedServiceOn: null } }));
      expect(kinds(verdict)).toEqual(['min_service_years']);
      expect(verdict.failures[0].message.vi).toContain('0 năm');
    });

    it('should pass anyone when zero years are required', () => {
      expect(
        evaluateEligibility(
          only('min_service_years', { years: 0 }),
          context({ person: { joinedServiceOn: null } }),
        ).eligible,
      ).toBe(true);
    });
  });

  describe('prerequisite', () => {
    it.each(QUALIFICATION_KINDS.map((kind) => [kind]))(
      'should pass at the level and fail below it for %s',
      (kind) => {
        const rules = only('prerequisite', { kind, level: 2 });
        const field = {
          education: 'educationLevel',
          political_theory: 'politicalTheory',
          fostering: 'fosteringRank',
          foreign_language: 'languageLevel',
        }[kind];
        expect(evaluateEligibility(rules, context({ person: { [field]: 2 } })).eligible).toBe(true);
        expect(evaluateEligibility(rules, context({ person: { [field]: 3 } })).eligible).toBe(true);
        const verdict = evaluateEligibility(rules, context({ person: { [field]: 1 } }));
        expect(kinds(verdict)).toEqual(['prerequisite']);
        expectMessages(verdict);
      },
    );

    it('should treat a missing level as none', () => {
      const verdict = evaluateEligibility(
        only('prerequisite', { kind: 'fostering', level: 1 }),
        context({ person: { fosteringRank: null } }),
      );
      expect(kinds(verdict)).toEqual(['prerequisite']);
      expect(verdict.failures[0].message.vi).toBe(
        'Cần có bồi dưỡng quản lý nhà nước từ chuyên viên trở lên.',
      );
      expect(verdict.failures[0].message.en).toBe(
        'Requires state-management fostering of specialist or higher.',
      );
    });

    it('should name the level in both languages', () => {
      const verdict = evaluateEligibility(
        only('prerequisite', { kind: 'education', level: 3 }),
        context({ person: { educationLevel: 2 } }),
      );
      expect(verdict.failures[0].message).toEqual({
        vi: 'Cần có trình độ chuyên môn từ đại học trở lên.',
        en: 'Requires professional education of university or higher.',
      });
    });

    it('should report every unmet prerequisite', () => {
      const verdict = evaluateEligibility(
        [
          rule('prerequisite', { kind: 'education', level: 3 }, { id: 'b' }),
          rule('prerequisite', { kind: 'political_theory', level: 3 }, { id: 'a' }),
        ],
        context({ person: { educationLevel: 2, politicalTheory: 1 } }),
      );
      expect(verdict.failures.map((failure) => failure.ruleId)).toEqual(['a', 'b']);
    });
  });

  describe('min_language_overseas', () => {
    const rules = only('min_language_overseas', { level: 3 });
    const overseas = { overseas: true };

    it('should not apply to a domestic programme', () => {
      expect(
        evaluateEligibility(rules, context({ person: { languageLevel: null } })).eligible,
      ).toBe(true);
    });

    it('should pass overseas at the level', () => {
      expect(
        evaluateEligibility(rules, context({ program: overseas, person: { languageLevel: 3 } }))
          .eligible,
      ).toBe(true);
    });

    it.each([[2], [null]])('should fail overseas with language level %p', (languageLevel) => {
      const verdict = evaluateEligibility(
        rules,
        context({ program: overseas, person: { languageLevel } }),
      );
      expect(kinds(verdict)).toEqual(['min_language_overseas']);
      expect(verdict.failures[0].message.en).toContain('level 3');
      expectMessages(verdict);
    });
  });

  describe('not_already_qualified', () => {
    const rules = only('not_already_qualified', {});

    it('should pass a person below what the programme grants', () => {
      expect(evaluateEligibility(rules, context()).eligible).toBe(true);
    });

    it.each([[4], [5]])('should fail a person already at education level %i', (educationLevel) => {
      const verdict = evaluateEligibility(rules, context({ person: { educationLevel } }));
      expect(kinds(verdict)).toEqual(['not_already_qualified']);
      expect(verdict.failures[0].message).toEqual({
        vi: 'Đã có trình độ chuyên môn thạc sĩ hoặc cao hơn.',
        en: "Already holds professional education of master's or higher.",
      });
    });

    it('should never fail a programme that grants nothing', () => {
      const verdict = evaluateEligibility(
        rules,
        context({
          program: { category: 'leadership_skills', grantsKind: null, grantsLevel: null },
          person: { educationLevel: 5, politicalTheory: 3, fosteringRank: 3, languageLevel: 6 },
        }),
      );
      expect(verdict.eligible).toBe(true);
    });

    it('should compare on the scale the programme grants', () => {
      const program = {
        category: 'political_theory_advanced' as const,
        grantsKind: 'political_theory' as const,
        grantsLevel: 3,
      };
      expect(
        evaluateEligibility(rules, context({ program, person: { politicalTheory: 2 } })).eligible,
      ).toBe(true);
      const verdict = evaluateEligibility(
        rules,
        context({ program, person: { politicalTheory: 3, educationLevel: 1 } }),
      );
      expect(kinds(verdict)).toEqual(['not_already_qualified']);
      expectMessages(verdict);
    });
  });

  describe('no_overlapping_full_time', () => {
    // The intake runs from 2027-03-01 to 2029-02-28.
    const rules = only('no_overlapping_full_time', {});
    const training = (startsOn: string, endsOn: string) => ({
      label: 'Cao cấp lý luận chính trị K12',
      startsOn,
      endsOn,
    });

    it('should pass trainings that end before or start after', () => {
      const verdict = evaluateEligibility(
        rules,
        context({
          otherFullTimeTrainings: [
            training('2026-06-01', '2027-02-28'),
            training('2029-03-01', '2029-12-31'),
          ],
        }),
      );
      expect(verdict.eligible).toBe(true);
    });

    it.each([
      ['ending on the first day', '2026-06-01', '2027-03-01'],
      ['starting on the last day', '2029-02-28', '2029-12-31'],
      ['inside', '2027-06-01', '2027-09-30'],
      ['around', '2026-01-01', '2030-01-01'],
    ])('should fail a training %s', (_, startsOn, endsOn) => {
      const verdict = evaluateEligibility(
        rules,
        context({ otherFullTimeTrainings: [training(startsOn, endsOn)] }),
      );
      expect(kinds(verdict)).toEqual(['no_overlapping_full_time']);
      expect(verdict.failures[0].message.vi).toContain('Cao cấp lý luận chính trị K12');
      expect(verdict.failures[0].message.en).toContain(startsOn);
      expectMessages(verdict);
    });

    it('should not apply to an in-service programme', () => {
      const verdict = evaluateEligibility(
        rules,
        context({
          program: { mode: 'in_service' },
          otherFullTimeTrainings: [training('2027-06-01', '2027-09-30')],
        }),
      );
      expect(verdict.eligible).toBe(true);
    });
  });

  it('should report every failure, not only the first', () => {
    const verdict = evaluateEligibility(
      defaultRules(),
      context({
        today: '2027-01-10',
        person: { birthDate: '1980-01-01', joinedServiceOn: '2026-01-01', educationLevel: 2 },
        otherFullTimeTrainings: [
          { label: 'Trung cấp lý luận chính trị', startsOn: '2027-01-05', endsOn: '2027-06-30' },
        ],
      }),
    );
    expect(verdict.eligible).toBe(false);
    expect(kinds(verdict)).toEqual([
      'nomination_window_open',
      'max_age',
      'min_service_years',
      'prerequisite',
      'no_overlapping_full_time',
    ]);
    expect(verdict.failures.map((failure) => failure.ruleId)).toEqual([
      'd-window',
      'd-age',
      'd-service',
      'd-prereq-master',
      'd-overlap',
    ]);
    expectMessages(verdict);
  });

  it('should report failures of every kind at once, in the documented order', () => {
    const rules = [
      ...defaultRules(),
      rule('allowed_tiers', { tiers: ['commune'] }, { level: 'program' }),
      rule('allowed_positions', { positions: ['COMMUNE_KEY'] }, { level: 'program' }),
      rule('allowed_target_groups', { groups: [1] }, { level: 'intake' }),
      rule('not_already_qualified', {}, { level: 'program' }),
    ];
    const verdict = evaluateEligibility(
      rules,
      context({
        today: '2027-02-01',
        targetGroup: 3,
        program: { overseas: true, grantsLevel: 2 },
        person: { birthDate: '1970-01-01', joinedServiceOn: null, languageLevel: 1 },
        otherFullTimeTrainings: [{ label: 'K1', startsOn: '2027-01-01', endsOn: '2027-12-31' }],
      }),
    );
    expect(kinds(verdict)).toEqual([
      'nomination_window_open',
      'allowed_tiers',
      'allowed_positions',
      'allowed_target_groups',
      'max_age',
      'min_service_years',
      'min_language_overseas',
      'not_already_qualified',
      'no_overlapping_full_time',
    ]);
    expectMessages(verdict);
  });
});

describe('rulesInForce', () => {
  it('should keep the defaults that apply to the category', () => {
    expect(ids(rulesInForce(defaultRules(), 'degree_master'))).toEqual(
      [
        'd-window',
        'd-qualified',
        'd-overlap',
        'd-language',
        'd-age',
        'd-service',
        'd-prereq-master',
      ].sort(),
    );
    expect(ids(rulesInForce(defaultRules(), 'political_theory_advanced'))).toEqual(
      ['d-window', 'd-qualified', 'd-overlap', 'd-language', 'd-prereq-theory'].sort(),
    );
    expect(ids(rulesInForce(defaultRules(), 'foreign_language'))).toEqual(
      ['d-window', 'd-qualified', 'd-overlap', 'd-language'].sort(),
    );
  });

  it('should let a programme rule replace the defaults of its kind', () => {
    const program = rule(
      'prerequisite',
      { kind: 'fostering', level: 1 },
      { level: 'program', id: 'p-prereq' },
    );
    const inForce = ids(rulesInForce([...defaultRules(), program], 'degree_master'));
    expect(inForce).toContain('p-prereq');
    expect(inForce).not.toContain('d-prereq-master');
    expect(inForce).toContain('d-age');
  });

  it('should let an intake rule replace programme and default rules of its kind', () => {
    const rules = [
      ...defaultRules(),
      rule('max_age', { years: 45 }, { level: 'program', id: 'p-age' }),
      rule('max_age', { years: 35 }, { level: 'intake', id: 'i-age' }),
      rule('min_service_years', { years: 5 }, { level: 'program', id: 'p-service' }),
    ];
    const inForce = ids(rulesInForce(rules, 'degree_master'));
    expect(inForce).toContain('i-age');
    expect(inForce).not.toContain('p-age');
    expect(inForce).not.toContain('d-age');
    expect(inForce).toContain('p-service');
    expect(inForce).not.toContain('d-service');
  });

  it('should keep every rule of the winning level', () => {
    const rules = [
      ...defaultRules(),
      rule('prerequisite', { kind: 'education', level: 3 }, { level: 'program', id: 'p-1' }),
      rule('prerequisite', { kind: 'fostering', level: 1 }, { level: 'program', id: 'p-2' }),
    ];
    const inForce = rulesInForce(rules, 'degree_master').filter((r) => r.kind === 'prerequisite');
    expect(ids(inForce)).toEqual(['p-1', 'p-2']);
  });

  it('should switch a kind off with a disabled rule, at its level and below', () => {
    const rules = [
      ...defaultRules(),
      rule('max_age', { years: 45 }, { level: 'program', id: 'p-age' }),
      rule('max_age', { years: 40 }, { level: 'intake', enabled: false, id: 'i-age' }),
      rule('min_service_years', { years: 2 }, { level: 'program', enabled: false }),
    ];
    const inForce = rulesInForce(rules, 'degree_master');
    expect(inForce.some((r) => r.kind === 'max_age')).toBe(false);
    expect(inForce.some((r) => r.kind === 'min_service_years')).toBe(false);
    const verdict = evaluateEligibility(
      rules,
      context({ person: { birthDate: '1960-01-01', joinedServiceOn: null } }),
    );
    expect(verdict.eligible).toBe(true);
  });

  it('should let an enabled rule at a more specific level switch a kind back on', () => {
    const rules = [
      rule('max_age', { years: 40 }, { enabled: false }),
      rule('max_age', { years: 30 }, { level: 'intake', id: 'i-age' }),
    ];
    expect(ids(rulesInForce(rules, 'degree_master'))).toEqual(['i-age']);
  });

  it('should ignore a disabled default', () => {
    expect(rulesInForce([rule('max_age', { years: 40 }, { enabled: false })], 'other')).toEqual([]);
  });

  it('should let a rule limited to other categories neither apply nor replace', () => {
    const rules = [
      rule('max_age', { years: 40 }, { id: 'd-age' }),
      rule(
        'max_age',
        { years: 30, categories: ['degree_doctor'] },
        { level: 'intake', id: 'i-doctor' },
      ),
      rule(
        'max_age',
        { years: 30, categories: ['degree_doctor'] },
        { level: 'program', enabled: false },
      ),
    ];
    expect(ids(rulesInForce(rules, 'degree_master'))).toEqual(['d-age']);
    expect(ids(rulesInForce(rules, 'degree_doctor'))).toEqual(['i-doctor']);
  });

  it('should evaluate the intake rule over the programme rule', () => {
    const rules = [
      rule('allowed_tiers', { tiers: ['city'] }, { level: 'program' }),
      rule('allowed_tiers', { tiers: ['district'] }, { level: 'intake' }),
    ];
    expect(evaluateEligibility(rules, context()).eligible).toBe(true);
    expect(evaluateEligibility(rules, context({ person: { tierCode: 'city' } })).eligible).toBe(
      false,
    );
  });
});

/** mulberry32: the same sequence for the same seed. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  const chance = (probability: number) => next() < probability;
  const date = (fromYear: number, toYear: number) =>
    `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return { next, int, pick, chance, date, shuffle };
}
type Random = ReturnType<typeof seeded>;

const TIERS = ['city', 'district', 'commune'];
const POSITIONS = ['CITY_KEY', 'DISTRICT_OFFICE_HEAD', 'COMMUNE_KEY', 'SPECIALIST'];

function randomContext(random: Random): EligibilityContext {
  const startsOn = random.date(2026, 2028);
  const opensOn = random.date(2026, 2026);
  const closesOn = random.pick([opensOn, '2026-12-31', startsOn].filter((d) => d >= opensOn));
  const grantsKind = random.chance(0.2) ? null : random.pick(QUALIFICATION_KINDS);
  return {
    person: {
      birthDate: random.date(1960, 2002),
      joinedServiceOn: random.chance(0.1) ? null : random.date(1985, 2027),
      tierCode: random.pick(TIERS),
      positionCode: random.chance(0.1) ? null : random.pick(POSITIONS),
      educationLevel: random.chance(0.1) ? null : random.int(1, 5),
      politicalTheory: random.int(0, 3),
      fosteringRank: random.chance(0.2) ? null : random.int(1, 3),
      languageLevel: random.chance(0.2) ? null : random.int(1, 6),
    },
    program: {
      category: random.pick(PROGRAM_CATEGORIES),
      overseas: random.chance(0.3),
      mode: random.pick(['full_time', 'in_service'] as const),
      grantsKind,
      grantsLevel: grantsKind ? random.int(1, 5) : null,
    },
    intake: {
      startsOn,
      endsOn: random.pick([startsOn, `${Number(startsOn.slice(0, 4)) + 1}${startsOn.slice(4)}`]),
      nominationOpensOn: opensOn,
      nominationClosesOn: closesOn,
    },
    targetGroup: random.chance(0.3) ? null : random.pick([1, 2, 3] as const),
    otherFullTimeTrainings: Array.from({ length: random.int(0, 3) }, (_, i) => {
      const from = random.date(2026, 2028);
      return { label: `K${i + 1}`, startsOn: from, endsOn: random.pick([from, '2029-01-01']) };
    }),
    today: random.date(2026, 2027),
  };
}

function randomParams(random: Random, kind: RuleKind): Params<RuleKind> {
  const byKind: { [K in RuleKind]: () => RuleParams[K] } = {
    nomination_window_open: () => ({}),
    not_already_qualified: () => ({}),
    no_overlapping_full_time: () => ({}),
    allowed_tiers: () => ({ tiers: TIERS.filter(() => random.chance(0.5)).concat('city') }),
    allowed_positions: () => ({ positions: [random.pick(POSITIONS), random.pick(POSITIONS)] }),
    allowed_target_groups: () => ({ groups: [random.pick([1, 2, 3] as const)] }),
    max_age: () => ({ years: random.int(30, 55), firstPostgraduateOnly: random.chance(0.5) }),
    min_service_years: () => ({ years: random.int(0, 10) }),
    prerequisite: () => ({ kind: random.pick(QUALIFICATION_KINDS), level: random.int(1, 5) }),
    min_language_overseas: () => ({ level: random.int(1, 6) }),
  };
  const params: Params<RuleKind> = byKind[kind]();
  if (random.chance(0.3)) {
    params.categories = PROGRAM_CATEGORIES.filter(() => random.chance(0.4)) as ProgramCategory[];
  }
  return params;
}

function randomRules(random: Random): EligibilityRule[] {
  return Array.from({ length: random.int(0, 18) }, (_, i) => {
    const kind = random.pick(RULE_KINDS);
    return rule(kind, randomParams(random, kind), {
      id: `r-${random.int(0, 9)}${String(i).padStart(2, '0')}`,
      level: random.pick(['default', 'program', 'intake'] as const),
      enabled: random.chance(0.85),
    });
  });
}

describe('evaluateEligibility, for any order of the rules (property)', () => {
  it('should give the same verdict however the rules are shuffled', () => {
    const random = seeded(20261126);
    let failing = 0;
    let notEvaluated = 0;
    for (let run = 0; run < 500; run++) {
      const rules = randomRules(random);
      const ctx = randomContext(random);
      const expected = evaluateEligibility(rules, ctx);
      if (!expected.eligible) failing++;
      if (expected.notEvaluated.length) notEvaluated++;
      for (let shuffle = 0; shuffle < 10; shuffle++) {
        const reordered = random.shuffle(rules);
        expect(evaluateEligibility(reordered, ctx)).toEqual(expected);
        expect(ids(rulesInForce(reordered, ctx.program.category))).toEqual(
          ids(rulesInForce(rules, ctx.program.category)),
        );
      }
      expect(evaluateEligibility([...rules].reverse(), ctx)).toEqual(expected);
    }
    // The generator must exercise both outcomes, or the property says nothing.
    expect(failing).toBeGreaterThan(100);
    expect(500 - failing).toBeGreaterThan(20);
    expect(notEvaluated).toBeGreaterThan(10);
  });

  it('should not change the rules it is given', () => {
    const random = seeded(7);
    const rules = randomRules(random);
    const copy = structuredClone(rules);
    evaluateEligibility(rules, randomContext(random));
    expect(rules).toEqual(copy);
  });
});
