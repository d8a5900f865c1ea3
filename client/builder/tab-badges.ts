import type { Contiguity } from '../../domain/contiguity';
import type { GovernanceRule } from '../../domain/governance';
import { BUILDER_TABS } from '../state/view-state';
import type { TabSpec } from './BuilderTabs';
import type { BuilderState } from './builder-store';

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface BadgeInput {
  state: Pick<BuilderState, 'selection' | 'meta' | 'services' | 'editing'>;
  /** The territory's contiguity (null while unknown or empty). */
  contiguity: Pick<Contiguity, 'contiguous' | 'components'> | null;
  formChecks: readonly Pick<GovernanceRule, 'level'>[];
}

/**
 * Each builder tab with the sign that helps most: Territorio its members, or a warning when the
 * territory is in parts; Servizi e costi the services; Forma e fasi the problems of the form;
 * Adesioni, once saved, how many members adhered.
 */
export function builderTabBadges({ state, contiguity, formChecks }: BadgeInput, t: Translate): TabSpec[] {
  const members = state.selection.members;
  const formProblems = formChecks.filter((r) => r.level === 'problem').length;
  const adhered = members.filter((code) => state.meta[code]?.status === 'adhered').length;
  const badges: Record<(typeof BUILDER_TABS)[number], TabSpec['badge']> = {
    territorio:
      members.length === 0
        ? null
        : contiguity && !contiguity.contiguous && contiguity.components.length > 1
          ? { text: `⚠ ${members.length}`, label: `${t('builderTabs.members', { count: members.length })}, ${t('builderTabs.notContiguous')}`, level: 'problem' }
          : { text: String(members.length), label: t('builderTabs.members', { count: members.length }), level: 'count' },
    servizi: state.services.length === 0 ? null : { text: String(state.services.length), label: t('builderTabs.services', { count: state.services.length }), level: 'count' },
    forma: formProblems === 0 ? null : { text: `⚠ ${formProblems}`, label: t('builderTabs.formProblems', { count: formProblems }), level: 'problem' },
    adesioni: state.editing === null || members.length === 0 ? null : { text: `${adhered}/${members.length}`, label: t('builderTabs.adhered', { adhered, count: members.length }), level: 'count' },
  };
  return BUILDER_TABS.map((id) => ({ id, badge: badges[id] }));
}
