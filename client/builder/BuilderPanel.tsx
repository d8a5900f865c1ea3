import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdjacencyGraph } from '../../domain/adjacency';
import { territoryMembers } from '../../domain/alliance';
import type { Atlas } from '../data/atlas';
import { updateView, useViewStore } from '../state/view-store';
import { analyzeSelection } from './analysis';
import { DEFAULT_META, useBuilder, useUndoKeys } from './useBuilder';
import { reapplyEdit, saveAlliance, useSaveStore } from './save-store';
import { dismissOffer, restoreOffer, useAutosaveStore } from './draft-autosave';
import { AdhesionsTab } from './AdhesionsTab';
import { BuilderTabs, TabPanel } from './BuilderTabs';
import { builderTabBadges } from './tab-badges';
import { builderFormRules, useExtendedUnione } from './form-checks';
import { FormTab } from './FormTab';
import { ServicesEditor } from './ServicesEditor';
import { TerritoryTab } from './TerritoryTab';
import './builder-tabs.css';

interface Props {
  atlas: Atlas;
  graph: AdjacencyGraph | null;
}

/**
 * The alliance being built: its name, then its sections as tabs (Territorio, Servizi e costi,
 * Forma e fasi, Adesioni; the open one is in the URL), and the save bar under them all.
 */
export function BuilderPanel({ atlas, graph }: Props) {
  const builder = useBuilder();
  const saving = useSaveStore((s) => s.saving);
  const draftOffer = useAutosaveStore((s) => s.offer);
  const tab = useViewStore((s) => s.view.tab);
  useUndoKeys();
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const { state } = builder;
  const members = state.selection.members;
  // Withdrawn members stay on the list but leave the territory (as on the server).
  const territory = useMemo(
    () => territoryMembers(members.map((code) => ({ code, status: (state.meta[code] ?? DEFAULT_META).status }))),
    [members, state.meta],
  );
  const analysis = useMemo(
    () => (graph ? analyzeSelection(atlas, graph, territory, state.ruleSetId || undefined) : null),
    [atlas, graph, territory, state.ruleSetId],
  );
  const unione = useExtendedUnione(state);
  const nameOf = (code: string) => atlas.name(code);
  const totals = analysis?.summary.totals;
  const facts = analysis && totals ? { contiguous: analysis.contiguity.contiguous, population: totals.population } : null;
  const formChecks = builderFormRules(state, territory, facts, unione, nameOf);
  const tabs = builderTabBadges({ state, contiguity: analysis?.contiguity ?? null, formChecks }, t);
  const problems = (analysis?.rules.filter((r) => r.level === 'problem').length ?? 0) + formChecks.filter((r) => r.level === 'problem').length;

  return (
    <aside className="panel builder" aria-labelledby="builder-title">
      <h2 id="builder-title" tabIndex={-1}>{t('builder.title')}</h2>
      {draftOffer && (
        <div className="card" role="status" data-testid="draft-offer">
          <p>
            {t('builder.draftFound', {
              when: new Date(draftOffer.savedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT'),
              count: draftOffer.state.members.length,
              name: draftOffer.state.name || t('builder.untitled'),
            })}
          </p>
          <p className="toolbar">
            <button type="button" className="primary" onClick={restoreOffer}>{t('builder.restoreDraft')}</button>
            <button type="button" onClick={() => dismissOffer()}>{t('builder.discardDraft')}</button>
          </p>
        </div>
      )}
      <label className="field">
        {t('builder.name')}
        <input value={state.name} maxLength={120} onChange={(e) => builder.setFields({ name: e.target.value })} />
      </label>
      <label className="field">
        {t('builder.description')}
        <textarea value={state.description} maxLength={2000} rows={2} onChange={(e) => builder.setFields({ description: e.target.value })} />
      </label>
      <BuilderTabs tabs={tabs} selected={tab} onSelect={(next) => updateView({ tab: next }, { replace: true })} />
      <TabPanel id="territorio" selected={tab}>
        <TerritoryTab atlas={atlas} graph={graph} analysis={analysis} territory={territory} />
      </TabPanel>
      <TabPanel id="servizi" selected={tab}>
        <ServicesEditor atlas={atlas} builder={builder} territory={territory} />
      </TabPanel>
      <TabPanel id="forma" selected={tab}>
        <FormTab nameOf={nameOf} rules={formChecks} unione={unione} />
      </TabPanel>
      <TabPanel id="adesioni" selected={tab}>
        <AdhesionsTab editing={state.editing} />
      </TabPanel>

      <div className="save-bar">
        <label>
          <input
            type="checkbox"
            checked={state.status === 'published'}
            onChange={(e) => builder.setFields({ status: e.target.checked ? 'published' : 'draft' })}
          />{' '}
          {/* On a phone the bar keeps to one line: the short word, the rule said by the note below when it applies. */}
          <span className="publish-long">{t('builder.publish')}</span>
          <span className="publish-short">{t('builderTabs.publishShort')}</span>
        </label>
        {state.status === 'published' && problems > 0 && <p className="muted">{t('builder.publishBlocked', { count: problems })}</p>}
        <button type="button" className="primary" disabled={members.length === 0 || state.name.trim() === '' || saving === 'saving'} onClick={() => void saveAlliance()}>
          {saving === 'saving' ? t('builder.saving') : state.editing ? t('builder.saveChanges') : t('builder.save')}
        </button>
        {typeof saving === 'object' && 'note' in saving && (
          <p role="status" className="muted" data-testid="save-note">
            {saving.note}
          </p>
        )}
        {typeof saving === 'object' && 'error' in saving && (
          <p role="alert" className="error" data-testid="save-error">
            {saving.error}
            {saving.conflict && (
              <>
                {' '}
                <button type="button" onClick={() => void reapplyEdit()}>{t('builder.reapply')}</button>
              </>
            )}
          </p>
        )}
      </div>
    </aside>
  );
}
