/**
 * The form names are searched in: lower case, without diacritics, single spaces.
 * "Nguyễn Văn A", "NGUYỄN VĂN A" and "nguyen van a" all become "nguyen van a".
 */
export function toSearchName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `value` matched literally inside a LIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
