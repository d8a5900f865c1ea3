import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../i18n';
import type { OverlayId } from '../state/view-state';
import { themeSource, type LegendItem, type Theme } from '../map/themes';
import { OUTLINE_OVERLAYS } from '../map/style';
import { allianceColour } from '../map/alliance-colours';
import type { AllianceListItem } from '../api/types';
import { CIRCLE_FILL, CIRCLE_KEY, CIRCLE_LINE, circleRadiusPx, HUB_LINK_COLOURS, rgbaCss } from '../map/overlay-style';

/** Alliances named in the legend; the rest are counted. */
const MAX_ALLIANCES = 10;

/** A legend entry's text ("1.900 – 3.099", "11.000 e oltre", or its label), for the page and the PNG alike. */
export function legendLabel(item: LegendItem, t: TFunction, language: string): string {
  if (item.kind === 'label') return t(item.key, item.values);
  const f = numberFormat(language, item.digits);
  const step = item.digits > 0 ? 10 ** -item.digits : 1;
  if (item.to === null) return t('legend.atLeast', { from: f.format(item.from) });
  return t('legend.range', { from: f.format(item.from), to: f.format(item.to - step) });
}

function ItemLabel({ item }: { item: LegendItem }) {
  const { t, i18n } = useTranslation();
  return <>{legendLabel(item, t, i18n.language)}</>;
}

/** What the colours mean, with the data source; active overlays below. */
export function Legend({ theme, overlays, alliances = null }: { theme: Theme | null; overlays: OverlayId[]; alliances?: readonly AllianceListItem[] | null }) {
  const { t, i18n } = useTranslation();
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
                ) : id === 'alliances' || id === 'hubs' ? null : (
                  <span className={`swatch swatch-${id}`} aria-hidden="true" />
                )}
                {t(`overlays.${id}`)}
                {outline && <span className="muted legend-overlay-source"> · {outline.source}</span>}
                {id === 'circles' && <CircleKey />}
                {id === 'hubs' && <HubKey />}
                {id === 'alliances' && alliances && alliances.length > 0 && <AllianceKey alliances={alliances} />}
              </li>
            );
          })}
        </ul>
      )}
      <p className="legend-source">{t('legend.source', { source: themeSource(theme, i18n.language) })}</p>
    </section>
  );
}

/** One swatch per alliance, in the colours of the overlay. */
function AllianceKey({ alliances }: { alliances: readonly AllianceListItem[] }) {
  const { t } = useTranslation();
  const shown = alliances.slice(0, MAX_ALLIANCES);
  return (
    <ul className="legend-items legend-alliances" data-testid="legend-alliances">
      {shown.map((a) => (
        <li key={a.id}>
          <span className={`swatch${a.status === 'draft' ? ' swatch-draft' : ''}`} style={{ background: allianceColour(a.id) }} aria-hidden="true" />
          {a.name}
          {a.status === 'draft' && <span className="muted"> ({t('alliance.status.draft')})</span>}
        </li>
      ))}
      {alliances.length > shown.length && <li className="muted">{t('legend.alliancesMore', { count: alliances.length - shown.length })}</li>}
      {alliances.some((a) => a.status === 'draft') && <li className="muted">{t('legend.alliancesDraft')}</li>}
    </ul>
  );
}

/** The circles' size key: three reference populations drawn with the map's own scale. */
function CircleKey() {
  const { t, i18n } = useTranslation();
  const f = numberFormat(i18n.language);
  const largest = circleRadiusPx(Math.max(...CIRCLE_KEY));
  return (
    <figure className="circle-key" data-testid="circle-key">
      <svg width={largest * 2 + 2} height={largest * 2 + 2} aria-hidden="true">
        {CIRCLE_KEY.map((p) => {
          const r = circleRadiusPx(p);
          return <circle key={p} cx={largest + 1} cy={largest * 2 + 1 - r} r={r} fill={rgbaCss(CIRCLE_FILL)} stroke={rgbaCss(CIRCLE_LINE)} />;
        })}
      </svg>
      <figcaption>{CIRCLE_KEY.map((p) => t('legend.residents', { value: f.format(p) })).join(' · ')}</figcaption>
    </figure>
  );
}

/** The hub links' colours by the Comune's inner-area class, and from which zoom they show. */
function HubKey() {
  const { t } = useTranslation();
  return (
    <ul className="legend-items hub-key" data-testid="hub-key">
      {Object.entries(HUB_LINK_COLOURS).map(([cls, colour]) => (
        <li key={cls}>
          <span className="swatch swatch-line" style={{ borderColor: rgbaCss(colour) }} aria-hidden="true" />
          {t(`innerArea.${cls}`)}
        </li>
      ))}
      <li className="muted">{t('legend.hubsNote')}</li>
    </ul>
  );
}
