import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { useAssociation } from '../data/queries';
import { addToComparison, openAlliance, selectComune, startBuilding } from '../state/actions';
import { useMapStore } from '../state/map-store';
import { updateView, useViewStore } from '../state/view-store';
import type { Atlas } from '../data/atlas';
import { numberFormat } from '../i18n';
import { useComune } from './useComune';

interface Props {
  code: string;
  atlas: Atlas | null;
}

const onAssociation = (association: number | null) => updateView({ association });
const onClose = () => updateView({ selected: null, association: null });
const onStart = (codes: string[], name?: string) => startBuilding(codes, name);
const onCompare = (id: number) => addToComparison({ type: 'association', id });
const onOpenAlliance = openAlliance;

/** Everything about one Comune: figures, neighbours, associations (click one to see it on the map). */
export function DetailsPanel({ code, atlas }: Props) {
  const state = useComune(code);
  const association = useAssociation(useViewStore((s) => s.view.association));
  const onSelect = (other: string) => selectComune(atlas, other, true);
  // Chosen from the search or a list: the map flies to it once its extent is known.
  const loaded = state.comune;
  useEffect(() => {
    if (loaded && useMapStore.getState().flyTo === loaded.code) {
      useMapStore.getState().set({ flyTo: null });
      useMapStore.getState().fitTo(loaded.bbox);
    }
  }, [loaded]);
  const { t, i18n } = useTranslation();

  const f = numberFormat(i18n.language);
  const f1 = numberFormat(i18n.language, 1);
  const c = state.comune;
  const nd = t('details.noData');

  return (
    <aside className="panel" aria-labelledby="details-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="panel-head">
        <h2 id="details-title" tabIndex={-1}>{c?.name ?? atlas?.name(code) ?? code}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')}>
          ×
        </button>
      </div>
      {state.error && <p role="alert">{t('details.error', { message: state.error })}</p>}
      {!c && !state.error && <p aria-busy="true">{t('details.loading')}</p>}
      {c && (
        <>
          <dl className="facts" data-testid="comune-facts">
            <dt>{t('details.province')}</dt>
            <dd>{c.province.name} ({c.province.acronym})</dd>
            <dt>{t('details.region')}</dt>
            <dd>{c.region.name}</dd>
            <dt>{t('details.population', { year: c.populationYear ?? '' })}</dt>
            <dd data-testid="population">{c.population === null ? nd : f.format(c.population)}</dd>
            <dt>{t('details.area')}</dt>
            <dd>{f1.format(c.areaKm2)} {t('units.km2')}</dd>
            <dt>{t('details.density')}</dt>
            <dd>{c.densityPerKm2 === null ? nd : `${f1.format(c.densityPerKm2)} ${t('units.perKm2')}`}</dd>
            <dt>{t('details.small')}</dt>
            <dd>{c.small ? t('details.yes') : t('details.no')}</dd>
            <dt>{t('details.mountain')}</dt>
            <dd data-testid="mountain">
              {c.mountain
                ? t('details.mountainBecause', { kind: t(`association.kind.${c.mountain.kind}`), name: c.mountain.name })
                : t('details.notMountain')}
            </dd>
            <dt>{t('details.innerArea')}</dt>
            <dd>{c.innerAreaClass ? t(`innerArea.${c.innerAreaClass}`) : nd}</dd>
            {c.hub && c.hub.code !== c.code && (
              <>
                <dt>{t('details.hub')}</dt>
                <dd>
                  {c.hub.name}
                  {c.travelMinutesToHub !== null && ` · ${t('details.minutes', { minutes: f1.format(c.travelMinutesToHub) })}`}
                </dd>
              </>
            )}
            <dt>{t('details.codes')}</dt>
            <dd>{c.code} / {c.cadastralCode ?? nd}</dd>
          </dl>

          <p>
            <button type="button" className="primary" onClick={() => onStart([c.code])}>
              {t('details.startAlliance')}
            </button>
          </p>

          <h3>{t('details.alliances')}</h3>
          {c.alliances.length === 0 ? (
            <p className="muted">{t('details.noAlliances')}</p>
          ) : (
            <ul className="link-list" data-testid="comune-alliances">
              {c.alliances.map((a) => (
                <li key={a.id}>
                  <button type="button" className="link" onClick={() => onOpenAlliance(a.id)}>
                    {a.name}
                  </button>{' '}
                  <span className="muted">
                    {a.status === 'draft' ? t('details.allianceDraft') : t('details.alliancePublished')} ·{' '}
                    {t(`builder.statuses.${a.memberStatus}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}

          <h3>{t('details.associations')}</h3>
          {c.associations.length === 0 ? (
            <p className="muted">{t('details.noAssociations')}</p>
          ) : (
            <ul className="link-list">
              {c.associations.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    className="link"
                    aria-pressed={association?.id === a.id}
                    onClick={() => onAssociation(association?.id === a.id ? null : a.id)}
                  >
                    <span className="muted">{t(`association.kind.${a.kind}`)}:</span> {a.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {association && c.associations.some((a) => a.id === association.id) && (
            <section className="card" aria-live="polite" data-testid="association-card">
              <h4>{association.name}</h4>
              <p>
                {t(`association.kind.${association.kind}`)}
                {association.period ? ` · ${association.period}` : ''} · {t('association.members', { count: association.totals.comuni })}
              </p>
              <p>{t('association.totals', { population: f.format(association.totals.population), area: f1.format(association.totals.areaKm2) })}</p>
              <p>
                {association.contiguity.contiguous
                  ? t('association.contiguous')
                  : t('association.parts', { count: association.contiguity.components.length })}
              </p>
              <p className="muted">{t('association.highlighted')}</p>
              <p className="toolbar">
                <button type="button" onClick={() => onStart(association.members.map((m) => m.code), association.name)}>
                  {t('builder.startFromAssociation')}
                </button>
                <button type="button" onClick={() => onCompare(association.id)}>
                  {t('compare.add')}
                </button>
                <button type="button" onClick={() => onAssociation(null)}>
                  {t('association.clear')}
                </button>
              </p>
            </section>
          )}

          <h3>{t('details.neighbours', { count: c.neighbours.length })}</h3>
          {c.neighbours.length === 0 ? (
            <p className="muted">{t('details.noNeighbours')}</p>
          ) : (
            <ul className="chips">
              {c.neighbours.map((n) => (
                <li key={n}>
                  <button type="button" className="chip" onClick={() => onSelect(n)}>
                    {atlas?.name(n) ?? n}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
