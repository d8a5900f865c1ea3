import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { CopyButton } from '../controls/CopyButton';
import { editLink, rememberEditToken } from './edit-tokens';

/** The founder replaces a leaked edit link: the old one stops working, the new one is shown once. */
export function RotateEditLink({ allianceId, token, onRotated }: { allianceId: number; token: string; onRotated(): void }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rotate = () => {
    if (!window.confirm(t('invitations.confirmRotate'))) return;
    api
      .rotateEditToken(allianceId, token)
      .then(({ editToken }) => {
        rememberEditToken(allianceId, editToken);
        setLink(editLink(allianceId, editToken));
        onRotated();
      })
      .catch((e: unknown) => setError((e as Error).message));
  };
  if (link) {
    return (
      <div className="card" data-testid="rotated-edit-link">
        <p>{t('invitations.rotated')}</p>
        <input className="edit-link" readOnly value={link} onFocus={(e) => e.target.select()} aria-label={t('invitations.rotated')} />
        <p className="toolbar"><CopyButton text={link} label={t('alliance.copyEditLink')} /></p>
      </div>
    );
  }
  return (
    <p>
      <button type="button" className="link" onClick={rotate}>{t('invitations.rotate')}</button>
      {error && <span role="alert"> {error}</span>}
    </p>
  );
}
