import type { ThemeConfig } from 'antd';

/** Colours chosen for contrast (WCAG AA on white) as well as for the organization's look. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#a61b1b',
    colorLink: '#8f1515',
    colorTextSecondary: '#595959',
    colorTextDescription: '#595959',
    // Placeholders and error text are read too: darker than Ant Design's defaults.
    colorTextPlaceholder: '#6b6b6b',
    colorError: '#cf1322',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f5f5f5' },
  },
};
