import { useTranslation } from 'react-i18next';
import { numberFormat } from '../i18n';
import type { OverlayId } from '../state/view-state';
import type { LegendItem, Theme } from '../map/themes';
import { OUTLINE_OVERLAYS } from '../map/style';

function ItemLabel({ item }: { item: LegendItem }) {
  const { t, i18n } = useTranslation();
  if (item.kind === 'label') return <>{t(item.key, item.values)}</>;
  const f = numberFormat(i18n.language, item.digits);
  const step = item.digits > 0 ? 10 ** -item.digits : 1;
  if (item.to === null) return <>{t('legend.atLeast', { from: f.format(item.from) })}</>;
  return <>{t('legend.range', { from: f.format(item.from), to: f.format(item.to - step) })}</>;
}

/** What the colours mean, with the data source; active overlays below. */
export function Legend({ theme, overlays }: { theme: Theme | null; overlays: OverlayId[] }) {
  const { t } = useTranslation();
  if (!theme) return null;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <p className="legend-theme" data-testid="legend-theme">{t(`theme.${theme.id}`)}</p>
      <ul className="legend-items" data-testid="legend-items">
        {theme.legend.map((item) => (
          <li key={`${item.colour}-${item.kind === 'range' ? item.from : item.key + JSON.stringify(item.values ?? {})}`}>
            <span className="swatch" style={{ background: item.colour }} aria-hidden="true" />
            <ItemLabel item={item} />
          </li>
        ))}
      </ul>
      {theme.id === 'associations' && <p className="legend-note">{t('legend.associationsNote')}</p>}
      {overlays.length > 0 && (
        <ul className="legend-items legend-overlays" aria-label={t('overlays.title')}>
          {overlays.map((id) => {
            const outline = OUTLINE_OVERLAYS[id];
            return (
              <li key={id}>
                {outline ? (
                  <span className="swatch swatch-line" style={{ borderColor: outline.colour }} aria-hidden="true" />
                ) : (
                  <span className={`swatch swatch-${id}`} aria-hidden="true" />
                )}
                {t(`overlays.${id}`)}
              </li>
            );
          })}
        </ul>
      )}
      <p className="legend-source">{t('legend.source', { source: theme.source })}</p>
    </section>
  );
}
