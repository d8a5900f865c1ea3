import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ABOUT_INTRO, GLOSSARY, PRINCIPLES } from './about-content';

/** "Cos'è un'ALI": the six principles in plain words, where the atlas shows each, and a glossary. */
export function AboutPanel({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
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
      <p>{ABOUT_INTRO[lang]}</p>
      <h3>{t('about.principles')}</h3>
      <ol className="principles">
        {PRINCIPLES.map((p) => (
          <li key={p.title.it}>
            <strong>{p.title[lang]}.</strong> {p.text[lang]}
            <div className="muted">{p.where[lang]}</div>
          </li>
        ))}
      </ol>
      <h3 id="glossario">{t('about.glossary')}</h3>
      <dl className="glossary">
        {GLOSSARY.map((g) => (
          <div key={g.id} id={`glossario-${g.id}`}>
            <dt>{g.term[lang]}</dt>
            <dd>{g.text[lang]}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('about.source')}</p>
    </aside>
  );
}

/** A term as a link to its glossary entry. */
export function Term({ id, children }: { id: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <a href={`/?mode=about#glossario-${id}`} className="term" title={t('about.whatIs')}>
      {children}
    </a>
  );
}
