import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import frFR from 'antd/es/locale/fr_FR.js';
import viVN from 'antd/es/locale/vi_VN.js';
import type { Locale } from 'antd/es/locale/index.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/index.ts';
import { AuthProvider } from './auth.tsx';

/** antd's locale files are typed as CommonJS; at run time Vite hands over the ES module's default export. */
const interop = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const ANTD_LOCALES = { vi: interop(viVN), en: interop(enUS), fr: interop(frFR) };

/** A sober public-service look: deep blue, the red of the national flag as a thin accent. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorError: '#c0261c',
    borderRadius: 6,
    fontSize: 15,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif",
    // antd's secondary and tertiary greys (45 % black) are below 4.5:1 on white: darker ones everywhere (WCAG AA).
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f4f6f9', headerHeight: 60, headerPadding: '0 16px' },
    Menu: { itemSelectedBg: '#e8eef7', itemSelectedColor: '#1d4f91' },
  },
};

/** antd in the interface language, the antd message/modal context, and the signed-in user. */
export function Providers({ children }: { children: ReactNode }) {
  useTranslation(); // re-render when the language changes
  return (
    <ConfigProvider locale={ANTD_LOCALES[currentLanguage()]} theme={theme}>
      <AntApp>
        <AuthProvider>{children}</AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
