import { errorMessages } from './errors';
import { fillMessage, messageFor } from './fill-message';

describe('fillMessage', () => {
  it('should put each param in its placeholder', () => {
    expect(fillMessage('Row {row}, column {column}.', { row: 7, column: 'code' }, 'en')).toBe(
      'Row 7, column code.',
    );
  });

  it('should leave out an optional part whose param is missing, and keep it when present', () => {
    const template = 'Thiếu cột bắt buộc[ {column}].';
    expect(fillMessage(template, {}, 'vi')).toBe('Thiếu cột bắt buộc.');
    expect(fillMessage(template, { column: null }, 'vi')).toBe('Thiếu cột bắt buộc.');
    expect(fillMessage(template, { column: 'họ_tên' }, 'vi')).toBe('Thiếu cột bắt buộc họ_tên.');
  });

  it('should refuse to fill a required placeholder that has no value', () => {
    expect(fillMessage('Column {column} appears twice.', {}, 'en')).toBeUndefined();
    expect(fillMessage('Column {column} appears twice.', { column: '' }, 'en')).toBeUndefined();
  });

  it('should group an amount by thousands the reader’s way', () => {
    expect(fillMessage('{n:amount}', { n: '100000000' }, 'vi')).toBe('100.000.000');
    expect(fillMessage('{n:amount}', { n: 1234567 }, 'en')).toBe('1,234,567');
    expect(fillMessage('{n:amount}', { n: '-5000' }, 'en')).toBe('-5,000');
    expect(fillMessage('{n:amount}', { n: '999' }, 'vi')).toBe('999');
    // Only whole numbers are grouped; anything else is shown as it is.
    expect(fillMessage('{n:amount}', { n: 'abc' }, 'vi')).toBe('abc');
  });

  it('should list an array and not show an object', () => {
    expect(fillMessage('{allowed}', { allowed: ['submit', 'withdraw'] }, 'en')).toBe(
      'submit, withdraw',
    );
    expect(fillMessage('x[ {o}]', { o: { a: 1 } }, 'en')).toBe('x');
  });

  it('should keep Vietnamese text and params intact', () => {
    expect(fillMessage('Đơn vị[ mã {value}] không tồn tại.', { value: 'PHÒNG-Tổ' }, 'vi')).toBe(
      'Đơn vị mã PHÒNG-Tổ không tồn tại.',
    );
  });

  it('should not read a param from the prototype', () => {
    expect(fillMessage('x[ {constructor}]', {}, 'en')).toBe('x');
  });
});

describe('messageFor', () => {
  it('should give the catalogue’s words for a code in each language', () => {
    expect(messageFor('FORBIDDEN', 'vi')).toBe(errorMessages.FORBIDDEN.vi);
    expect(messageFor('FORBIDDEN', 'en')).toBe(errorMessages.FORBIDDEN.en);
  });

  it('should know no code outside the catalogue, not even an inherited name', () => {
    expect(messageFor('NO_SUCH_CODE', 'vi')).toBeUndefined();
    expect(messageFor('constructor', 'vi')).toBeUndefined();
  });
});
