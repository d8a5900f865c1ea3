import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { sourcesQuery } from '../data/queries';
import { numberFormat } from '../i18n';

/** "Dati": every dataset with its source, version, reference date, licence, counts and known gaps. */
export function SourcesPanel({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  const query = useQuery(sourcesQuery());
  const answer = query.data ?? null;
  const error = query.error ? query.error.message : null;

  return (
    <aside className="panel" aria-labelledby="sources-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="panel-head">
        <h2 id="sources-title">{t('sources.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('sources.close')}>
          ×
        </button>
      </div>
      <p>{t('sources.intro')}</p>
      <OpenDataLinks />
      {error && <p role="alert">{t('sources.error', { message: error })}</p>}
      {!answer && !error && <p aria-busy="true">{t('details.loading')}</p>}
      {answer && (
        <>
          <p className="muted" data-testid="sources-origin">{t(`sources.origin.${answer.origin?.kind ?? 'none'}`)}</p>
          {answer.datasets.map((d) => ({ ...d, ...(lang === 'en' && d.en ? d.en : {}) })).map((d) => (
            <section key={d.id} className="card" data-testid={`source-${d.id}`}>
              <h3>{d.title[lang]}</h3>
              <dl className="facts">
                <dt>{t('sources.source')}</dt>
                <dd>{d.source}</dd>
                <dt>{t('sources.version')}</dt>
                <dd>{d.upstreamVersion}</dd>
                <dt>{t('sources.referenceDate')}</dt>
                <dd>{d.referenceDate}</dd>
                <dt>{t('sources.licence')}</dt>
                <dd>{d.licence}</dd>
                <dt>{t('sources.attribution')}</dt>
                <dd>{d.attribution}</dd>
                <dt>{t('sources.counts')}</dt>
                <dd>
                  {Object.entries(d.counts)
                    .map(([key, value]) => t(`sources.count.${key}`, { value: f.format(value) }))
                    .join(' · ')}
                </dd>
                {d.importedAt && (
                  <>
                    <dt>{t('sources.importedAt')}</dt>
                    <dd>{new Date(d.importedAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'it-IT')}</dd>
                  </>
                )}
              </dl>
              <h4>{t('sources.gaps')}</h4>
              {d.gaps.length === 0 ? (
                <p className="muted">{t('sources.noGaps')}</p>
              ) : (
                <ul>
                  {d.gaps.map((g) => (
                    <li key={g.it}>{g[lang]}</li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </aside>
  );
}

/** The open data of published alliances and the OGC API for GIS software, one link each. */
function OpenDataLinks() {
  const { t } = useTranslation();
  const ogc = `${window.location.origin}/ogc`;
  return (
    <section className="card" aria-labelledby="open-data-title" data-testid="open-data">
      <h3 id="open-data-title">{t('sources.openData')}</h3>
      <p>{t('sources.openDataIntro')}</p>
      <ul className="link-list">
        <li>
          {t('sources.downloads.members')}: <a href="/api/open-data/alliances.csv" download>CSV</a> · <a href="/api/open-data/alliances.xlsx" download>Excel</a>
        </li>
        <li>
          {t('sources.downloads.services')}: <a href="/api/open-data/services.csv" download>CSV</a> · <a href="/api/open-data/services.xlsx" download>Excel</a>
        </li>
        <li><a href="/api/open-data/fees.csv" download>{t('sources.downloads.fees')}</a></li>
        <li><a href="/api/open-data/alliances.geojson" download>{t('sources.downloads.outlines')}</a></li>
        <li><a href="/api/open-data/catalog.jsonld">{t('sources.downloads.catalog')}</a></li>
        <li><a href="/api/feed.atom" type="application/atom+xml">{t('sources.downloads.feed')}</a></li>
        <li><a href="/api/docs">{t('sources.downloads.api')}</a></li>
      </ul>
      <h4>{t('sources.gis')}</h4>
      <p>{t('sources.gisIntro')}</p>
      <p><code data-testid="ogc-url">{ogc}</code></p>
      <p><a href="/ogc?f=html">{t('sources.gisPage')}</a></p>
    </section>
  );
}
