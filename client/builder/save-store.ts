import i18next from 'i18next';
import { create } from 'zustand';
import { reapply, type EditableContent } from '../../domain/reapply';
import { territoryMembers, type AllianceStatus } from '../../domain/alliance';
import { api, ApiError } from '../api/client';
import type { AllianceView, IssuedInvitation, SavedAlliance } from '../api/types';
import { editToken, rememberEditToken } from '../alliances/edit-tokens';
import { builderStateOf } from './draft-store';
import { builderContentOf, editableOf } from './editable';
import { useBuilderStore, type BuilderState } from './builder-store';
import { markClean } from './draft-autosave';
import { afterSave } from '../state/after-save';

/** Where a save stands, as the builder shows it. */
export type SaveState = 'idle' | 'saving' | { error: string; conflict?: boolean } | { note: string };

/** What a save issued, shown once on the alliance's page: the edit token (on creation) and new adhesion links. */
export interface Issued {
  id: number;
  token: string | null;
  invitations: IssuedInvitation[];
}

/** The request body of a save: the builder's content as the API takes it. */
function saveBody(st: BuilderState) {
  const territory = new Set(territoryMembers(st.selection.members.map((code) => ({ code, status: st.meta[code]?.status ?? 'proposed' }))));
  return {
    name: st.name,
    description: st.description,
    // No status: a new member is proposed, and each member's own decisions keep theirs.
    members: st.selection.members.map((code) => ({ code, lead: st.meta[code]?.lead ?? false })),
    partners: st.partners,
    // Recipients no longer in the territory (removed or withdrawn) are dropped, as in the fee preview.
    services: st.services.map((s) => (s.recipients ? { ...s, recipients: s.recipients.filter((c) => territory.has(c)) } : s)),
    runningCostCents: st.runningCostCents,
    status: st.status,
    // Forma e fasi: saved with the alliance (the server checks them again, and refuses with a reason).
    legalForm: st.legalForm,
    governance: st.governance,
    ...(st.ruleSetId ? { ruleSet: st.ruleSetId } : {}),
  };
}

interface SaveStore {
  saving: SaveState;
  /** What the alliance being edited looked like when the edit began: the base of a re-applied change after a 409. */
  editBase: EditableContent | null;
  /** The legal form and governance as the edit began (beside editBase, which does not hold them). */
  governanceBase: GovernanceContent | null;
}

/** The Forma e fasi part of the builder's content. */
type GovernanceContent = Pick<BuilderState, 'legalForm' | 'governance'>;
const governanceOf = (st: GovernanceContent): GovernanceContent => ({ legalForm: st.legalForm, governance: st.governance });
const sameGovernance = (a: GovernanceContent, b: GovernanceContent) => JSON.stringify(governanceOf(a)) === JSON.stringify(governanceOf(b));

export const useSaveStore = create<SaveStore>()(() => ({ saving: 'idle', editBase: null, governanceBase: null }));

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options);

/** Starts editing a saved alliance with its edit token. */
export function editAlliance(a: AllianceView, token: string): void {
  const loaded = { ...builderContentOf(a), editing: { id: a.id, version: a.version, token } };
  useBuilderStore.getState().load(loaded);
  markClean(builderStateOf(loaded));
  useSaveStore.setState({ editBase: editableOf(builderStateOf(loaded)), governanceBase: governanceOf(loaded), saving: 'idle' });
}

/** After a 409: the newer version from the server with this edit re-applied on top, loaded for review. */
export async function reapplyEdit(): Promise<void> {
  const st = useBuilderStore.getState().state;
  const base = useSaveStore.getState().editBase;
  if (!st.editing || !base) return;
  try {
    const latest = await api.alliance(st.editing.id);
    const theirs = editableOf(builderStateOf(builderContentOf(latest)));
    const merged = reapply(base, editableOf(st), theirs);
    const latestContent = builderContentOf(latest);
    // Forma e fasi: this edit's, if it changed them; else the newer version's.
    const governanceBase = useSaveStore.getState().governanceBase;
    const governance = governanceBase && !sameGovernance(governanceBase, st) ? governanceOf(st) : governanceOf(latestContent);
    const statuses = new Map(latest.members.map((m) => [m.code, m.status]));
    useBuilderStore.getState().load({
      ...latestContent,
      ...governance,
      name: merged.name,
      description: merged.description,
      status: merged.status as AllianceStatus,
      ruleSetId: merged.ruleSetId,
      runningCostCents: merged.runningCostCents,
      members: [...merged.members],
      meta: Object.fromEntries(merged.members.map((c) => [c, { status: statuses.get(c) ?? 'proposed', lead: merged.leads[c] ?? false }])),
      partners: merged.partners as AllianceView['partners'],
      services: merged.services as AllianceView['services'],
      editing: { ...st.editing, version: latest.version },
    });
    useSaveStore.setState({ editBase: theirs, governanceBase: governanceOf(latestContent), saving: { note: t('builder.reapplied', { version: latest.version }) } });
  } catch (error) {
    useSaveStore.setState({ saving: { error: t('builder.error', { message: (error as Error).message }) } });
  }
}

/** Saves the builder's alliance (new or changed). */
export async function saveAlliance(): Promise<void> {
  const st = useBuilderStore.getState().state;
  useSaveStore.setState({ saving: 'saving' });
  // The edit token as this browser knows it now (it may have been replaced since the edit began).
  const editing = st.editing && { ...st.editing, token: editToken(st.editing.id) ?? st.editing.token };
  let result: SavedAlliance;
  try {
    result = await api.saveAlliance(saveBody(st), editing);
  } catch (error) {
    const conflict = error instanceof ApiError && error.status === 409;
    useSaveStore.setState({ saving: { error: conflict ? t('builder.conflict') : t('builder.error', { message: (error as Error).message }), conflict } });
    return;
  }
  useSaveStore.setState({ editBase: editableOf(st), governanceBase: governanceOf(st), saving: 'idle' });
  markClean(st);
  const { id } = result;
  if (result.editToken) rememberEditToken(id, result.editToken);
  useBuilderStore.getState().setFields({ editing: { id, version: result.version, token: result.editToken ?? editing?.token ?? '' } });
  await afterSave({ id, token: result.editToken ?? null, invitations: result.invitations });
}
