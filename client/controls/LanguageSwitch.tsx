import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';

/** IT / EN for pages outside the map (the map's own switch also writes the view to the URL). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang" role="group" aria-label={t('nav.language')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          aria-pressed={i18n.language === lang}
          onClick={() => {
            void i18n.changeLanguage(lang);
            document.documentElement.lang = lang;
          }}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
