import type { SeededRandom } from './random';

/** Family names, weighted roughly by how common they are in the Mekong Delta. */
const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 30],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 6],
  ['Huỳnh', 6],
  ['Võ', 5],
  ['Phan', 4],
  ['Trương', 3],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 2],
  ['Lý', 2],
];

/** Family names common among the Khmer and Hoa communities of Cần Thơ. */
const MINORITY_FAMILY_NAMES = ['Thạch', 'Danh', 'Sơn', 'Kim', 'Lâm', 'Quách', 'Hứa', 'Trịnh'];

const MIDDLE_NAMES = {
  male: [
    'Văn',
    'Văn',
    'Văn',
    'Minh',
    'Hoàng',
    'Thanh',
    'Quốc',
    'Hữu',
    'Đức',
    'Công',
    'Tấn',
    'Trọng',
  ],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Hồng', 'Mỹ', 'Bích', 'Minh'],
} as const;

const GIVEN_NAMES = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Hải',
    'Hiếu',
    'Hùng',
    'Huy',
    'Khang',
    'Khánh',
    'Khoa',
    'Lộc',
    'Long',
    'Luân',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Phát',
    'Phong',
    'Phúc',
    'Quang',
    'Sang',
    'Sơn',
    'Tài',
    'Tâm',
    'Thắng',
    'Thành',
    'Thiện',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Việt',
    'Vinh',
    'Vũ',
  ],
  female: [
    'Anh',
    'Châu',
    'Diễm',
    'Dung',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hoa',
    'Hương',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Ngân',
    'Nhi',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Thảo',
    'Thùy',
    'Trang',
    'Trinh',
    'Tuyết',
    'Uyên',
    'Vân',
    'Xuân',
    'Yến',
  ],
} as const;

/** A realistic Vietnamese full name: family name, middle name, given name. */
export function vietnameseName(
  random: SeededRandom,
  gender: 'female' | 'male',
  ethnicMinority: boolean,
): string {
  const family = ethnicMinority
    ? random.pick(MINORITY_FAMILY_NAMES)
    : random.weighted(FAMILY_NAMES);
  const middles = MIDDLE_NAMES[gender].filter((name) => name !== family);
  const middle = random.pick(middles);
  const given = random.pick(GIVEN_NAMES[gender]);
  // Some people carry a second middle name ("Nguyễn Thị Ngọc Hân").
  const seconds = middles.slice(3).filter((name) => name !== middle);
  const second = random.chance(0.15) ? ` ${random.pick(seconds)}` : '';
  return `${family} ${middle}${second} ${given}`;
}
