// Header language switch; the choice persists in localStorage (see i18n/index.ts).
import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, languages, setLanguage } from '../i18n/index.ts';

export function LanguageSwitch({ variant = 'borderless' }: { variant?: 'borderless' | 'outlined' }) {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      data-testid="language-switch"
      aria-label={t('lang.label')}
      size="small"
      variant={variant}
      value={i18n.language as Language}
      onChange={setLanguage}
      prefix={<GlobalOutlined />}
      popupMatchSelectWidth={false}
      options={languages.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      className="lang-switch"
    />
  );
}
