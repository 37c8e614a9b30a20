import { ToggleGroup } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../i18n/languages';
import { switchLanguage } from '../i18n/setup';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <ToggleGroup.Root
      type="single"
      className="segmented segmented-small"
      aria-label={t('topbar.language')}
      value={i18n.language}
      onValueChange={(value) => {
        // Radix reports "" when the pressed item is pressed again; the language stays as it is.
        if (isLanguage(value)) void switchLanguage(value);
      }}
    >
      {LANGUAGES.map((language) => (
        <ToggleGroup.Item key={language} value={language} className="segmented-item" lang={language}>
          {t(`language.${language}`)}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
