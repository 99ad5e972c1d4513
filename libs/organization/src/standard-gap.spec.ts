import { describeGapVi, levelLabelVi, standardGaps } from './standard-gap';

describe('standard gaps in words', () => {
  const standard = {
    minEducation: 3,
    minPoliticalTheory: 2,
    minFosteringRank: null,
    minLanguageLevel: 3,
  };

  it('should name each gap with what is held and what is required, in Vietnamese', () => {
    const gaps = standardGaps(
      { educationLevel: 2, politicalTheory: 0, fosteringRank: null, languageLevel: 2 },
      standard,
    );
    expect(gaps.map(describeGapVi)).toEqual([
      'Trình độ chuyên môn: có Cao đẳng, cần Đại học',
      'Lý luận chính trị: chưa có, cần Trung cấp',
      'Ngoại ngữ: có Bậc 2, cần Bậc 3',
    ]);
  });

  it('should name levels on each scale and none held', () => {
    expect(levelLabelVi('education', 5)).toBe('Tiến sĩ');
    expect(levelLabelVi('fostering', 2)).toBe('Chuyên viên chính');
    expect(levelLabelVi('political_theory', 3)).toBe('Cao cấp');
    expect(levelLabelVi('foreign_language', null)).toBe('Chưa có');
  });
});
