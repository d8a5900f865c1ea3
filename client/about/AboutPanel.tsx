import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { GLOSSARY_IDS, PRINCIPLE_IDS, type GlossaryId } from './about-content';

/** "Cos'è un'ALI": the six principles in plain words, where the atlas shows each, and a glossary. */
export function AboutPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  // A link to a term (#glossario-aderente) scrolls to it once the panel is there.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return (
    <aside className="panel wide-panel" aria-labelledby="about-title" data-testid="about-panel">
      <div className="panel-head">
        <h2 id="about-title">{t('about.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose}>×</button>
      </div>
      <p>{t('principles.intro')}</p>
      <h3>{t('about.principles')}</h3>
      <ol className="principles">
        {PRINCIPLE_IDS.map((id) => (
          <li key={id}>
            <strong>{t(`principles.${id}.title`)}.</strong> {t(`principles.${id}.text`)}
            <div className="muted">{t(`principles.${id}.where`)}</div>
          </li>
        ))}
      </ol>
      <h3 id="glossario">{t('about.glossary')}</h3>
      <dl className="glossary">
        {GLOSSARY_IDS.map((id) => (
          <div key={id} id={`glossario-${id}`}>
            <dt>{t(`glossary.${id}.term`)}</dt>
            <dd>{t(`glossary.${id}.text`)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('about.source')}</p>
    </aside>
  );
}

/** A term as a link to its glossary entry. */
export function Term({ id, children }: { id: GlossaryId; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <a href={`/?mode=about#glossario-${id}`} className="term" title={t('about.whatIs')}>
      {children}
    </a>
  );
}
