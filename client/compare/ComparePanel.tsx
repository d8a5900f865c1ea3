import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { grantsTotal, territoryMembers } from '../../domain/alliance';
import { formatEuro } from '../../domain/fees';
import { compareMembers, sharedWith, type MemberComparison } from '../../domain/compare';
import type { Contiguity } from '../../domain/contiguity';
import type { RuleResult } from '../../domain/rules';
import { analyzeSelection } from '../builder/analysis';
import { useGraph } from '../builder/graph';
import type { Atlas } from '../data/atlas';
import { numberFormat } from '../i18n';
import { compareRefKey, parseCompareRef, useCatalogueByCode, useCompared, type Loaded } from './useCompared';

/** A compared territory: a saved alliance or an existing association (Unione, Comunità Montana, SNAI area…). */
export type CompareRef = { type: 'alliance' | 'association'; id: number };

interface Props {
  atlas: Atlas;
  refs: CompareRef[];
  onRemove(ref: CompareRef): void;
  onOpenAlliance(id: number): void;
  onClose(): void;
}

/** What a column shows once its territory is loaded, the same for alliances and associations. */
interface Facts {
  label: string;
  members: string[];
  totals: { comuni: number; population: number; areaKm2: number; smallComuni: number };
  contiguity: Contiguity;
  /** The server's checks for an alliance; computed here for an association (null while the border graph loads). */
  rules: RuleResult[] | null;
  ruleSet: { it: string; en: string } | null;
  /** Service codes of an alliance; null for an association, which records none. */
  services: string[] | null;
  /** What an alliance costs a year (services and running costs), what its Comuni pay in fees, what grants cover; cents. */
  costs: { totalCents: number; feesCents: number; grantsCents: number } | null;
}

interface Column {
  ref: CompareRef;
  key: string;
  loaded: Loaded;
  facts: Facts | null;
}

const RULE_ORDER: readonly RuleResult['id'][] = ['members', 'contiguity', 'population', 'same-province', 'obligation'];
const RULE_KEYS: Record<RuleResult['id'], string> = {
  members: 'members',
  contiguity: 'contiguity',
  population: 'population',
  'same-province': 'sameProvince',
  obligation: 'obligation',
};
/** Names of shared Comuni shown per pair; the rest are counted. */
const SHOWN_NAMES = 5;

/**
 * Two or more territories side by side: kind, totals, contiguity, rule checks, services and the
 * Comuni they share. Alliances bring their server checks; existing associations are checked in the
 * browser with the same rules, so the columns compare like with like.
 */
export function ComparePanel({ atlas, refs, onRemove, onOpenAlliance, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  const f1 = numberFormat(i18n.language, 1);

  // Stable across renders while the list is the same (App may pass a new array each time); the same
  // territory twice would be a column comparing with itself, so only the first is kept.
  const keys = [...new Set(refs.map(compareRefKey))].join(',');
  const unique = useMemo(() => keys.split(',').flatMap((key) => parseCompareRef(key) ?? []), [keys]);
  const loaded = useCompared(unique);
  const catalogue = useCatalogueByCode();
  const graph = useGraph(atlas, unique.some((ref) => ref.type === 'association'));

  const columns = useMemo<Column[]>(
    () =>
      unique.map((ref) => {
        const key = compareRefKey(ref);
        const state: Loaded = loaded[key] ?? { status: 'loading' };
        return { ref, key, loaded: state, facts: factsOf(state, atlas, graph) };
      }),
    [unique, loaded, atlas, graph],
  );

  const ready = columns.filter((c) => c.facts !== null);
  const pending = columns.some((c) => c.loaded.status === 'loading');
  // Shared Comuni once every column has loaded (a column that failed is left out).
  const comparison = useMemo<MemberComparison | null>(() => {
    if (columns.some((c) => c.loaded.status === 'loading')) return null;
    return compareMembers(columns.flatMap((c) => (c.facts ? [{ key: c.key, label: c.facts.label, members: c.facts.members }] : [])));
  }, [columns]);

  /** "Alleanza (bozza)" or "Unione di Comuni · 2019". */
  const kindOf = ({ loaded: l }: Column): string => {
    if (l.status !== 'ready') return '';
    if (l.type === 'alliance') return t('compare.allianceKind', { status: t(`alliance.status.${l.alliance.status}`) });
    return `${t(`association.kind.${l.association.kind}`)}${l.association.period ? ` · ${l.association.period}` : ''}`;
  };
  const labelOf = (column: Column): string =>
    column.facts?.label ?? t(column.ref.type === 'alliance' ? 'compare.allianceNumber' : 'compare.associationNumber', { id: column.ref.id });
  const labelByKey = new Map(columns.map((c) => [c.key, labelOf(c)]));
  const names = (codes: readonly string[]): string => {
    const sorted = codes.map((code) => atlas.name(code)).sort((a, b) => a.localeCompare(b, 'it'));
    const shown = sorted.slice(0, SHOWN_NAMES).join(', ');
    return sorted.length > SHOWN_NAMES ? `${shown} ${t('compare.more', { count: sorted.length - SHOWN_NAMES })}` : shown;
  };
  const euro = (cents: number) => formatEuro(cents, lang === 'en' ? 'en-GB' : 'it-IT');
  const perResident = (cents: number, population: number) => (population > 0 ? t('fees.perResident', { amount: euro(Math.round(cents / population)) }) : '—');
  const dash = (title?: string) => (
    <>
      <span aria-hidden="true" title={title}>—</span>
      <span className="visually-hidden">{title ?? t('compare.none')}</span>
    </>
  );

  /** One row: a header cell, then one cell per column (empty while loading, a dash after an error). */
  const row = (id: string, label: ReactNode, cell: (facts: Facts, column: Column) => ReactNode, numeric = false) => (
    <tr key={id} data-row={id}>
      <th scope="row">{label}</th>
      {columns.map((c) => (
        <td key={c.key} className={numeric ? 'num' : undefined}>
          {c.facts ? cell(c.facts, c) : c.loaded.status === 'error' ? dash() : null}
        </td>
      ))}
    </tr>
  );

  const ruleIds = RULE_ORDER.filter((id) => ready.some((c) => c.facts?.rules?.some((r) => r.id === id)));
  const rulesPending = ready.some((c) => c.facts?.rules === null);
  const hasAssociation = ready.some((c) => c.ref.type === 'association');

  return (
    <aside className="panel compare-panel" aria-labelledby="compare-title" data-testid="compare-panel" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="panel-head">
        <h2 id="compare-title">{t('compare.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('details.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {unique.length < 2 && (
        <p className="muted" data-testid="compare-hint">
          {t('compare.hint')}
        </p>
      )}
      {columns.length > 0 && (
        <div className="compare-scroll" role="region" aria-labelledby="compare-title" tabIndex={0} style={{ overflowX: 'auto' }}>
          <table className="members compare-table" data-testid="compare-table" aria-busy={pending || rulesPending}>
            <caption className="visually-hidden">{t('compare.caption', { count: columns.length })}</caption>
            <thead>
              <tr>
                <td />
                {columns.map((c) => (
                  <th key={c.key} scope="col" data-key={c.key}>
                    {c.ref.type === 'alliance' && c.facts ? (
                      <button type="button" className="link" onClick={() => onOpenAlliance(c.ref.id)}>
                        {labelOf(c)}
                      </button>
                    ) : (
                      labelOf(c)
                    )}{' '}
                    <button type="button" className="icon-button" aria-label={t('compare.remove', { name: labelOf(c) })} onClick={() => onRemove(c.ref)}>
                      ×
                    </button>
                    {c.loaded.status === 'loading' && (
                      <span className="muted" aria-busy="true">
                        <br />
                        {t('details.loading')}
                      </span>
                    )}
                    {c.loaded.status === 'error' && (
                      <span role="alert">
                        <br />
                        {t('details.error', { message: c.loaded.message })}
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row('kind', t('compare.rows.kind'), (_, c) => kindOf(c))}
              {row('comuni', t('compare.rows.comuni'), (x) => f.format(x.totals.comuni), true)}
              {row('population', t('compare.rows.population'), (x) => f.format(x.totals.population), true)}
              {row('area', t('compare.rows.area'), (x) => `${f1.format(x.totals.areaKm2)} ${t('units.km2')}`, true)}
              {row('small', t('compare.rows.small'), (x) => f.format(x.totals.smallComuni), true)}
              {row('contiguity', t('compare.rows.contiguity'), (x) =>
                x.contiguity.contiguous ? (
                  <span className="ok">
                    <span className="badge">✓ {t('builder.contiguous')}</span>
                  </span>
                ) : (
                  <span className="problem">
                    <span className="badge">✗ {t('builder.parts', { count: x.contiguity.components.length })}</span>
                  </span>
                ),
              )}
              {row('rule-set', t('compare.rows.ruleSet'), (x, c) => (
                <>
                  {x.ruleSet ? x.ruleSet[lang] : t('details.loading')}
                  {c.ref.type === 'association' && <span className="muted"> *</span>}
                </>
              ))}
              {ruleIds.map((id) =>
                row(`rule-${id}`, t(`compare.rule.${RULE_KEYS[id]}`), (x) => {
                  if (x.rules === null) return <span className="muted">{t('details.loading')}</span>;
                  const rule = x.rules.find((r) => r.id === id);
                  if (!rule) return dash(t('compare.notChecked'));
                  return (
                    <span className={`rule ${rule.level}`} title={rule.reference}>
                      <span className="badge">{t(`builder.level.${rule.level}`)}</span> {rule.message[lang]}
                    </span>
                  );
                }),
              )}
              {row('services', t('compare.rows.services'), (x) => {
                if (x.services === null) return dash(t('compare.noServicesRecorded'));
                if (x.services.length === 0) return <span className="muted">{t('compare.noServices')}</span>;
                return (
                  <ul className="link-list">
                    {x.services.map((code) => (
                      <li key={code}>{catalogue?.get(code)?.name[lang] ?? code}</li>
                    ))}
                  </ul>
                );
              })}
              {row('cost', t('compare.rows.cost'), (x) => (x.costs ? `${euro(x.costs.totalCents)} · ${perResident(x.costs.totalCents, x.totals.population)}` : dash(t('compare.noServicesRecorded'))), true)}
              {row('fees', t('compare.rows.fees'), (x) => (x.costs ? `${euro(x.costs.feesCents)} · ${perResident(x.costs.feesCents, x.totals.population)}` : dash(t('compare.noServicesRecorded'))), true)}
              {row('grants', t('compare.rows.grants'), (x) => (x.costs ? euro(x.costs.grantsCents) : dash(t('compare.noServicesRecorded'))), true)}
              {row('overlap', t('compare.rows.overlap'), (_, c) => {
                if (!comparison) return <span className="muted">{t('details.loading')}</span>;
                return (
                  <ul className="link-list">
                    {sharedWith(comparison, c.key).map((s) => (
                      <li key={s.key}>
                        {t('compare.sharedWith', { count: s.codes.length, name: labelByKey.get(s.key) ?? s.key })}
                        {s.codes.length > 0 && <span className="muted"> ({names(s.codes)})</span>}
                      </li>
                    ))}
                    <li>
                      <strong>{t('compare.onlyHere', { count: comparison.only[c.key]?.length ?? 0 })}</strong>
                    </li>
                  </ul>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {comparison && ready.length >= 3 && (
        <p data-testid="compare-in-all">
          {t('compare.inAll', { count: comparison.inAll.length })}
          {comparison.inAll.length > 0 && <span className="muted"> ({names(comparison.inAll)})</span>}
        </p>
      )}
      {hasAssociation && <p className="muted">* {t('compare.rulesNote')}</p>}
    </aside>
  );
}

/** The facts of a loaded column; null while loading or after an error. */
function factsOf(loaded: Loaded, atlas: Atlas, graph: ReturnType<typeof useGraph>): Facts | null {
  if (loaded.status !== 'ready') return null;
  if (loaded.type === 'alliance') {
    const a = loaded.alliance;
    return {
      label: a.name,
      members: territoryMembers(a.members),
      totals: a.totals,
      contiguity: a.contiguity,
      rules: a.rules,
      ruleSet: a.ruleSet.name,
      services: a.services.map((s) => s.code),
      costs: {
        totalCents: a.services.reduce((sum, x) => sum + x.annualCostCents, 0) + a.runningCostCents,
        feesCents: a.services.reduce((sum, x) => sum + (x.chargedCents ?? x.annualCostCents), 0),
        grantsCents: a.services.reduce((sum, x) => sum + grantsTotal(x), 0),
      },
    };
  }
  const s = loaded.association;
  const members = s.members.map((m) => m.code);
  const analysis = graph ? analyzeSelection(atlas, graph, members) : null;
  return {
    label: s.name,
    members,
    totals: s.totals,
    contiguity: s.contiguity,
    rules: analysis?.rules ?? null,
    ruleSet: analysis?.ruleSet.name ?? null,
    services: null,
    costs: null,
  };
}
