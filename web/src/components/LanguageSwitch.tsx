import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage, type Lang } from '../i18n/index.ts';

/** Tiếng Việt / English / Français, each written in its own language; the choice is kept on this device. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Select<Lang>
      aria-label={t('lang.label')}
      value={currentLanguage()}
      onChange={(lang) => void setLanguage(lang)}
      options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      // On a phone the closed switch shows VI / EN / FR; the list always names each language in full.
      labelRender={({ value, label }) => (compact ? String(value).toUpperCase() : label)}
      prefix={<GlobalOutlined aria-hidden />}
      popupMatchSelectWidth={false}
      variant="borderless"
      data-testid="language-switch"
    />
  );
}
