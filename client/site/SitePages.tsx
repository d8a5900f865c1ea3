import { useTranslation } from 'react-i18next';
import { usePublisherName } from './publisher';

/** Note legali and Privacy, one page with two sections (#privacy). */
export function LegalPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const name = usePublisherName();
  return (
    <aside className="panel wide-panel" aria-labelledby="legal-title" data-testid="legal-page">
      <div className="panel-head">
        <h2 id="legal-title">{t('site.legalTitle')}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose}>×</button>
      </div>
      <h3 id="note-legali">{t('site.legal')}</h3>
      <p>{t('site.legalText', { name })}</p>
      <h3 id="privacy">{t('site.privacy')}</h3>
      <p>{t('site.privacyText')}</p>
    </aside>
  );
}

/** The accessibility statement (dichiarazione di accessibilità) and how to give feedback. */
export function AccessibilityPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const name = usePublisherName();
  return (
    <aside className="panel wide-panel" aria-labelledby="accessibility-title" data-testid="accessibility-page">
      <div className="panel-head">
        <h2 id="accessibility-title">{t('site.accessibilityTitle')}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose}>×</button>
      </div>
      <p>{t('site.accessibilityText', { name })}</p>
      <p>{t('site.accessibilityStatus')}</p>
      <h3 id="feedback">{t('site.feedbackTitle')}</h3>
      <p>{t('site.feedbackText', { name })}</p>
    </aside>
  );
}
