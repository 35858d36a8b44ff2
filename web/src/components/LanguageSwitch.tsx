import { CheckOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage, type Lang } from '../i18n/index.ts';

/**
 * Tiếng Việt / English / Français, each written in its own language; the choice is kept on this device.
 * A menu button (not a select): its list is a labelled menu that leaves the page when closed, so screen readers
 * and axe find no unnamed listbox behind it.
 */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const current = LANGUAGES.find((l) => l.code === lang) ?? LANGUAGES[0];
  return (
    <Dropdown
      trigger={['click']}
      destroyOnHidden
      menu={{
        'aria-label': t('lang.label'),
        selectable: true,
        selectedKeys: [lang],
        items: LANGUAGES.map((l) => ({ key: l.code, label: <span lang={l.code}>{l.label}</span>, icon: l.code === lang ? <CheckOutlined aria-hidden /> : <span aria-hidden style={{ display: 'inline-block', width: 14 }} /> })),
        onClick: ({ key }) => void setLanguage(key as Lang),
      }}
    >
      <Button type="text" icon={<GlobalOutlined aria-hidden />} data-testid="language-switch">
        {/* The name read out contains the visible text; on a phone the button shows VI / EN / FR. */}
        <span className="sr-only">{t('lang.label')}: </span>
        {compact ? current.code.toUpperCase() : current.label}
      </Button>
    </Dropdown>
  );
}
