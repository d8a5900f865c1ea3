import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reapply, type EditableContent } from '../../domain/reapply';
import { territoryMembers, type AllianceStatus } from '../../domain/alliance';
import { api, ApiError } from '../api/client';
import type { AllianceView, IssuedInvitation, SavedAlliance } from '../api/types';
import { editToken, rememberEditToken } from '../alliances/edit-tokens';
import { builderStateOf } from './draft-store';
import { builderContentOf, editableOf } from './editable';
import type { Builder, BuilderState } from './useBuilder';
import type { useDraftAutosave } from './useDraftAutosave';

/** Where a save stands, as the builder shows it. */
export type SaveState = 'idle' | 'saving' | { error: string; conflict?: boolean } | { note: string };

/** What a save issued, shown once on the alliance's page: the edit token (on creation) and new adhesion links. */
export interface Issued {
  id: number;
  token: string | null;
  invitations: IssuedInvitation[];
}

type Drafts = ReturnType<typeof useDraftAutosave>;

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
    ...(st.ruleSetId ? { ruleSet: st.ruleSetId } : {}),
  };
}

/**
 * Saving the builder's alliance: starting an edit of a saved one, saving (new or changed), and after
 * a conflict (409) re-applying this edit on the newer version for review. `onSaved` hears of each
 * save that landed (to reload what lists alliances and open the saved one's page).
 */
export function useAllianceSave(builder: Builder, drafts: Drafts, onSaved: (issued: Issued) => void) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState<SaveState>('idle');
  /** What the alliance being edited looked like when the edit began: the base of a re-applied change after a 409. */
  const editBase = useRef<EditableContent | null>(null);

  const edit = (a: AllianceView, token: string) => {
    const loaded = { ...builderContentOf(a), editing: { id: a.id, version: a.version, token } };
    builder.load(loaded);
    drafts.clean(builderStateOf(loaded));
    editBase.current = editableOf(builderStateOf(loaded));
    setSaving('idle');
  };

  /** After a 409: the newer version from the server with this edit re-applied on top, loaded for review. */
  const reapplyEdit = async () => {
    const st = builder.state;
    if (!st.editing || !editBase.current) return;
    try {
      const latest = await api.alliance(st.editing.id);
      const theirs = editableOf(builderStateOf(builderContentOf(latest)));
      const merged = reapply(editBase.current, editableOf(st), theirs);
      const statuses = new Map(latest.members.map((m) => [m.code, m.status]));
      builder.load({
        ...builderContentOf(latest),
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
      editBase.current = theirs;
      setSaving({ note: t('builder.reapplied', { version: latest.version }) });
    } catch (error) {
      setSaving({ error: t('builder.error', { message: (error as Error).message }) });
    }
  };

  const save = async () => {
    const st = builder.state;
    setSaving('saving');
    // The edit token as this browser knows it now (it may have been replaced since the edit began).
    const editing = st.editing && { ...st.editing, token: editToken(st.editing.id) ?? st.editing.token };
    let result: SavedAlliance;
    try {
      result = await api.saveAlliance(saveBody(st), editing);
    } catch (error) {
      const conflict = error instanceof ApiError && error.status === 409;
      setSaving({ error: conflict ? t('builder.conflict') : t('builder.error', { message: (error as Error).message }), conflict });
      return;
    }
    editBase.current = editableOf(st);
    setSaving('idle');
    drafts.clean(st);
    const { id } = result;
    if (result.editToken) rememberEditToken(id, result.editToken);
    builder.setFields({ editing: { id, version: result.version, token: result.editToken ?? editing?.token ?? '' } });
    onSaved({ id, token: result.editToken ?? null, invitations: result.invitations });
  };

  return { saving, save, reapplyEdit, edit };
}
