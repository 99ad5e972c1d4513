import { registerTranslations } from '../i18n';

/** Words of the shell's own controls (the layout loads with the app, so they are always there). */
const vi = {
  menu: 'Mở menu chính',
  mainMenu: 'Menu chính',
  skipToContent: 'Chuyển đến nội dung chính',
};

const en: typeof vi = {
  menu: 'Open the main menu',
  mainMenu: 'Main menu',
  skipToContent: 'Skip to the main content',
};

registerTranslations('shell', { vi, en });
