import { useTranslation } from 'react-i18next';
import { useShownCoverage } from '../coverage/useShownCoverage';
import type { Atlas } from '../data/atlas';
import { numberFormat } from '../i18n';

/** What the pointer is over: a Comune (its area or its circle), or the link from a Comune to its hub. */
export interface MapHover {
  code: string;
  /** The service hub, when the pointer is over a Comune's link to it. */
  hub?: string;
  x: number;
  y: number;
}

/** The figures of what the pointer is over, next to it: name, province, residents, and the hub a link leads to. */
/** Beside the pointer, on the side with more room: never cut at the map's right edge. */
function placement(hover: MapHover): { left?: number; right?: number; top: number } {
  const width = document.getElementById('map')?.clientWidth ?? Infinity;
  return hover.x > width / 2 ? { right: width - hover.x + 12, top: hover.y + 12 } : { left: hover.x + 12, top: hover.y + 12 };
}

export function MapTooltip({ atlas, hover }: { atlas: Atlas; hover: MapHover }) {
  const { t, i18n } = useTranslation();
  const f = numberFormat(i18n.language);
  // In Servizi: whether this Comune receives the service shown.
  const coverage = useShownCoverage().report;
  const table = atlas.table;
  const row = atlas.row(hover.code);
  if (row === undefined) return null;
  const hubRow = hover.hub ? atlas.row(hover.hub) : undefined;
  const population = table.population[row];
  const innerClass = table.innerAreaClass[row];
  return (
    <div className="tooltip" style={placement(hover)} role="tooltip" data-testid="map-tooltip" data-code={hover.code}>
      <strong>{table.name[row]}</strong> ({atlas.provinceByCode.get(table.province[row] as string)?.acronym})
      <br />
      {t('tooltip.population', { value: population == null ? '—' : f.format(population) })}
      {coverage && (
        <>
          <br />
          <strong>{t(coverage.covered[hover.code] ? 'coverage.tooltipCovered' : 'coverage.tooltipUncovered')}</strong>
        </>
      )}
      {hubRow !== undefined && (
        <>
          <br />
          {t('tooltip.hub', { hub: table.name[hubRow] })}
          {innerClass && <> · {t(`innerArea.${innerClass}`)}</>}
        </>
      )}
    </div>
  );
}
