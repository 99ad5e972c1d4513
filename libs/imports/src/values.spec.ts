import {
  boolean,
  date,
  EDUCATION_NAMES,
  gender,
  integer,
  level,
  normalizeKeyword,
  POLITICAL_THEORY_NAMES,
  vnd,
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

describe('money and number cells', () => {
  it('should read whole VND written plainly or grouped in thousands', () => {
    for (const cell of [
      '1450000000',
      '1.450.000.000',
      '1,450,000,000',
      '1 450 000 000',
      1450000000,
    ]) {
      expect(vnd(cell)).toEqual({ ok: true, value: '1450000000' });
    }
    expect(vnd('2.000.000 đ')).toEqual({ ok: true, value: '2000000' });
    expect(vnd('0')).toEqual({ ok: true, value: '0' });
    expect(vnd('999999999999999999')).toEqual({ ok: true, value: '999999999999999999' });
  });

  it('should refuse decimals, negative amounts and bad grouping', () => {
    for (const cell of [
      '1450000000.5',
      '1.450.000,50',
      '1.5',
      12.5,
      '1.45.000',
      'abc',
      '1.450,000',
    ]) {
      expect(vnd(cell)).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
    }
    expect(vnd('-5')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(vnd(-5)).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(vnd('1'.repeat(19))).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
  });

  it('should read integers in range', () => {
    expect(integer(2000, 2100)('2026')).toEqual({ ok: true, value: 2026 });
    expect(integer(2000, 2100)(2026)).toEqual({ ok: true, value: 2026 });
    expect(integer(2000, 2100)('1999')).toMatchObject({ ok: false, code: 'OUT_OF_RANGE' });
    expect(integer(0, 10)('2.5')).toMatchObject({ ok: false, code: 'INVALID_VALUE' });
  });

  it('should read booleans written đúng/sai too', () => {
    expect(boolean('Đúng')).toEqual({ ok: true, value: true });
    expect(boolean('sai')).toEqual({ ok: true, value: false });
  });
});
