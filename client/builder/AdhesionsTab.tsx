import { useTranslation } from 'react-i18next';
import { useAlliance } from '../data/queries';
import type { IssuedInvitation } from '../api/types';
import { editToken } from '../alliances/edit-tokens';
import { Invitations } from '../alliances/Invitations';
import { MemberStatuses } from '../alliances/MemberStatuses';
import { useBuilderStore, type Editing } from './builder-store';

const NONE: readonly IssuedInvitation[] = [];

/**
 * «Adesioni»: each member's status and act, and the founder's adhesion links, for an alliance
 * already saved (read at the version being edited); before the first save, a sentence says when they come.
 */
export function AdhesionsTab({ editing }: { editing: Editing | null }) {
  const { t } = useTranslation();
  const members = useBuilderStore((s) => s.state.selection.members);
  const saved = useAlliance(editing?.id ?? null);
  if (!editing) return <p data-testid="adhesions-after-save">{t('builderTabs.adhesionsAfterSave')}</p>;
  if (saved.error) return <p role="alert">{t('details.error', { message: saved.error.message })}</p>;
  if (!saved.data) return <p aria-busy="true">{t('builderTabs.adhesionsLoading')}</p>;
  const token = editToken(editing.id) ?? editing.token;
  const changed = members.length !== saved.data.members.length || saved.data.members.some((m) => !members.includes(m.code));
  return (
    <>
      {changed && <p className="muted" data-testid="adhesions-unsaved">{t('builderTabs.adhesionsUnsaved')}</p>}
      <MemberStatuses alliance={saved.data} />
      <Invitations alliance={saved.data} token={token} issued={NONE} />
    </>
  );
}
