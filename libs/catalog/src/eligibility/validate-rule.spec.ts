import { RULE_KINDS } from './rule-kinds';
import { validateRule } from './validate-rule';

const invalid = (field: string, code = 'INVALID_PARAMS') =>
  expect.objectContaining({ field, code, message: expect.any(String) });

describe('validateRule', () => {
  it.each([
    ['nomination_window_open', {}],
    ['not_already_qualified', {}],
    ['no_overlapping_full_time', {}],
    ['allowed_tiers', { tiers: ['district', 'commune'] }],
    ['allowed_positions', { positions: ['COMMUNE_KEY'] }],
    ['allowed_target_groups', { groups: [1, 2, 3] }],
    ['max_age', { years: 40 }],
    ['max_age', { years: 40, firstPostgraduateOnly: true }],
    ['max_age', { years: 18 }],
    ['max_age', { years: 70, firstPostgraduateOnly: false }],
    ['min_service_years', { years: 0 }],
    ['min_service_years', { years: 40 }],
    ['prerequisite', { kind: 'education', level: 5 }],
    ['prerequisite', { kind: 'political_theory', level: 3 }],
    ['prerequisite', { kind: 'fostering', level: 1 }],
    ['prerequisite', { kind: 'foreign_language', level: 6 }],
    ['min_language_overseas', { level: 1 }],
    ['min_language_overseas', { level: 6 }],
    ['max_age', { years: 40, categories: ['degree_master', 'degree_doctor'] }],
    ['nomination_window_open', { categories: ['other'] }],
  ])('should accept %s %j', (kind, params) => {
    expect(validateRule(kind, params)).toEqual([]);
  });

  it('should accept every default rule the catalog migration inserts', () => {
    const defaults: Array<[string, unknown]> = [
      ['nomination_window_open', {}],
      ['not_already_qualified', {}],
      ['no_overlapping_full_time', {}],
      ['min_language_overseas', { level: 3 }],
      [
        'max_age',
        { years: 40, firstPostgraduateOnly: true, categories: ['degree_master', 'degree_doctor'] },
      ],
      ['min_service_years', { years: 2, categories: ['degree_master', 'degree_doctor'] }],
      ['prerequisite', { kind: 'education', level: 3, categories: ['degree_master'] }],
      ['prerequisite', { kind: 'education', level: 4, categories: ['degree_doctor'] }],
      [
        'prerequisite',
        { kind: 'political_theory', level: 2, categories: ['political_theory_advanced'] },
      ],
    ];
    for (const [kind, params] of defaults) expect(validateRule(kind, params)).toEqual([]);
  });

  it('should reject an unknown kind and list the known ones', () => {
    const errors = validateRule('max_height', { cm: 180 });
    expect(errors).toEqual([
      { field: 'kind', code: 'UNKNOWN_RULE_KIND', message: expect.any(String) },
    ]);
    for (const kind of RULE_KINDS) expect(errors[0].message).toContain(kind);
  });

  it.each([[null], [[]], ['years=40'], [40], [undefined]])(
    'should reject params %p that are not an object',
    (params) => {
      expect(validateRule('max_age', params)).toEqual([
        { field: 'params', code: 'INVALID_PARAMS', message: 'params must be an object' },
      ]);
    },
  );

  it.each([
    ['allowed_tiers', {}],
    ['allowed_tiers', { tiers: [] }],
    ['allowed_tiers', { tiers: 'district' }],
    ['allowed_tiers', { tiers: [''] }],
    ['allowed_tiers', { tiers: [2] }],
    ['allowed_positions', { positions: [] }],
    ['allowed_positions', { positions: [null] }],
    ['allowed_target_groups', { groups: [] }],
    ['allowed_target_groups', { groups: [4] }],
    ['allowed_target_groups', { groups: ['1'] }],
    ['allowed_target_groups', { groups: 1 }],
    ['max_age', {}],
    ['max_age', { years: 17 }],
    ['max_age', { years: 71 }],
    ['max_age', { years: 40.5 }],
    ['max_age', { years: '40' }],
    ['max_age', { years: 40, firstPostgraduateOnly: 'yes' }],
    ['min_service_years', { years: -1 }],
    ['min_service_years', { years: 41 }],
    ['min_service_years', { years: 1.5 }],
    ['prerequisite', { kind: 'education' }],
    ['prerequisite', { kind: 'education', level: 0 }],
    ['prerequisite', { kind: 'degree', level: 3 }],
    ['prerequisite', { level: 3 }],
    ['min_language_overseas', {}],
    ['min_language_overseas', { level: 0 }],
    ['min_language_overseas', { level: 7 }],
  ])('should reject %s %j', (kind, params) => {
    const errors = validateRule(kind, params);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toEqual(errors.map(() => invalid('params')));
  });

  it.each([
    ['education', 6, 5],
    ['political_theory', 4, 3],
    ['fostering', 4, 3],
  ])('should reject a %s prerequisite of level %i above its scale', (kind, level, top) => {
    expect(validateRule('prerequisite', { kind, level })).toEqual([invalid('params')]);
    expect(validateRule('prerequisite', { kind, level })[0].message).toContain(`1 to ${top}`);
    expect(validateRule('prerequisite', { kind, level: top })).toEqual([]);
  });

  it('should report every problem at once', () => {
    const errors = validateRule('prerequisite', {
      kind: 'degree',
      level: 9,
      years: 3,
      categories: ['masters'],
    });
    expect(errors).toEqual([
      invalid('params'),
      invalid('params'),
      invalid('params.years', 'UNKNOWN_FIELD'),
      invalid('params.categories'),
    ]);
  });

  it.each([
    ['nomination_window_open', { open: true }, 'params.open'],
    ['not_already_qualified', { level: 3 }, 'params.level'],
    ['max_age', { years: 40, firstPostgraduate: true }, 'params.firstPostgraduate'],
    ['min_language_overseas', { level: 3, overseas: true }, 'params.overseas'],
  ])('should reject a parameter %s does not have', (kind, params, field) => {
    const errors = validateRule(kind, params);
    expect(errors).toEqual([invalid(field, 'UNKNOWN_FIELD')]);
    expect(errors[0].message).toContain(kind);
  });

  it.each([[[]], [['masters']], ['degree_master'], [[null]], [{ degree_master: true }]])(
    'should reject categories %j',
    (categories) => {
      expect(validateRule('max_age', { years: 40, categories })).toEqual([
        invalid('params.categories'),
      ]);
    },
  );
});
