import {
  boolean,
  date,
  EDUCATION_NAMES,
  gender,
  level,
  normalizeKeyword,
  POLITICAL_THEORY_NAMES,
} from './values';

describe('import cell parsers', () => {
  it('should normalize headers without case, diacritics or punctuation', () => {
    expect(normalizeKeyword('  Mã  Cán_Bộ *')).toBe('ma can bo');
    expect(normalizeKeyword('full_name')).toBe('full name');
    expect(normalizeKeyword('Bồi dưỡng QLNN')).toBe('boi duong qlnn');
  });

  it('should read ISO and Vietnamese dates, date cells and serials', () => {
    expect(date('1985-06-15')).toEqual({ ok: true, value: '1985-06-15' });
    expect(date('5/6/1985')).toEqual({ ok: true, value: '1985-06-05' });
    expect(date('15.06.1985')).toEqual({ ok: true, value: '1985-06-15' });
    expect(date(new Date(Date.UTC(1990, 1, 28)))).toEqual({ ok: true, value: '1990-02-28' });
    expect(date(45292)).toEqual({ ok: true, value: '2024-01-01' });
    for (const bad of ['31/02/1985', '1985-13-01', 'yesterday', '06/15', true]) {
      expect(date(bad)).toMatchObject({ ok: false, code: 'INVALID_DATE' });
    }
  });

  it('should read booleans and genders in both languages', () => {
    expect(['có', 'Có', 'true', '1', 'x', true].map((cell) => boolean(cell))).toEqual(
      Array(6).fill({ ok: true, value: true }),
    );
    expect(['không', 'KHONG', 'false', '0', false].map((cell) => boolean(cell))).toEqual(
      Array(5).fill({ ok: true, value: false }),
    );
    expect(boolean('maybe')).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(gender('Nữ')).toEqual({ ok: true, value: 'female' });
    expect(gender('NAM')).toEqual({ ok: true, value: 'male' });
    expect(gender('other')).toMatchObject({ ok: false });
  });

  it('should read levels by number or name and refuse out-of-range values', () => {
    const education = level(1, 5, EDUCATION_NAMES);
    expect(education('Thạc sĩ')).toEqual({ ok: true, value: 4 });
    expect(education(3)).toEqual({ ok: true, value: 3 });
    expect(education('6')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(education('giỏi')).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(level(1, 6)('bậc 4')).toEqual({ ok: true, value: 4 });
    expect(level(1, 6)(2.5)).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    expect(level(0, 3, POLITICAL_THEORY_NAMES)('không')).toEqual({ ok: true, value: 0 });
    expect(level(1, 3, POLITICAL_THEORY_NAMES)('không')).toMatchObject({ code: 'OUT_OF_RANGE' });
  });
});
