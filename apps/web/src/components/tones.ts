/**
 * Tag colours dark enough for white text (WCAG AA): Ant Design's light preset tags do not
 * reach the contrast on their pale backgrounds.
 */
export const TONE = {
  good: '#237804',
  warn: '#ad4e00',
  bad: '#a8071a',
  info: '#0958d9',
  teal: '#006d75',
  neutral: '#595959',
} as const;
