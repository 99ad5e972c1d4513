import { languageOf } from './accept-language';

describe('languageOf', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['vi', 'vi'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['vi;q=0.4, en;q=0.6', 'en'],
    ['en;q=0.4, vi;q=0.6', 'vi'],
    ['en, vi', 'en'],
    ['vi, en', 'vi'],
    ['fr', 'vi'],
    ['fr-FR, en;q=0.5', 'en'],
    ['en;q=0', 'vi'],
    ['*', 'vi'],
    ['en;q=0.5, *', 'vi'],
    ['en, *;q=0.5', 'en'],
    ['en;q=abc', 'vi'],
    ['en;q=2', 'vi'],
    ['de;q=1, en;q=0.001', 'en'],
    [',,;;q=,', 'vi'],
  ] as const)('should read %j as %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });

  it('should read a header sent twice as one list', () => {
    expect(languageOf(['fr', 'en;q=0.8'])).toBe('en');
  });

  it('should read only the first ranges of a very long header', () => {
    // English comes after 5,000 other ranges, past what is read.
    const header = `${'xx;q=0.1,'.repeat(5000)}en`;
    expect(languageOf(header)).toBe('vi');
    expect(languageOf(`${'xx;q=0.1,'.repeat(10)}en`)).toBe('en');
  });
});
