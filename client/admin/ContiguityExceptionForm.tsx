import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useAdminToken } from './useAdminToken';

interface Props {
  allianceId: number;
  /** The version shown: the exception is recorded on it, or refused if someone saved since. */
  version: number;
  /** The exception recorded now (its reason), or null. */
  current: string | null;
  /** Called after the exception was recorded or removed: reload the alliance (its rules change). */
  onSaved(): void;
}

/** Same limits as the server (contiguityExceptionBody). */
const REASON = { min: 3, max: 500 } as const;

/**
 * An administrator records why an alliance whose territory is in separate parts is accepted
 * (e.g. a ferry link), or removes that exception. Shown only when the administrator's token is set.
 */
export function ContiguityExceptionForm({ allianceId, version, current, onSaved }: Props) {
  const { t } = useTranslation();
  const token = useAdminToken();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const title = useRef<HTMLHeadingElement>(null);
  const changed = useRef(false);

  // After a change the button pressed is replaced: keep the keyboard focus in this section.
  useEffect(() => {
    if (!changed.current) return;
    changed.current = false;
    title.current?.focus();
  }, [current]);

  if (!token) return null;

  const apply = async (value: string | null) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setAnnouncement('');
    try {
      await api.contiguityException(token, allianceId, version, value);
    } catch (e) {
      const message = (e as Error).message;
      const rejected = e instanceof ApiError && (e.status === 401 || e.status === 403);
      setError(rejected ? t('admin.rejected', { message }) : t('admin.error', { message }));
      return;
    } finally {
      setBusy(false);
    }
    setAnnouncement(value === null ? t('admin.exception.removed') : t('admin.exception.recorded'));
    setReason('');
    changed.current = true;
    onSaved();
  };

  const record = (event: FormEvent) => {
    event.preventDefault();
    const value = reason.trim();
    if (value.length < REASON.min || busy) return;
    void apply(value);
  };

  return (
    <section className="card" aria-labelledby={`exception-title-${allianceId}`} data-testid="contiguity-exception-form">
      <h3 id={`exception-title-${allianceId}`} ref={title} tabIndex={-1}>{t('admin.exception.title')}</h3>
      {current !== null ? (
        <>
          <p>{t('admin.exception.current')}</p>
          <blockquote className="description">{current}</blockquote>
          <p className="toolbar">
            <button type="button" aria-disabled={busy} onClick={() => void apply(null)}>{t('admin.exception.remove')}</button>
          </p>
        </>
      ) : (
        <form onSubmit={record}>
          <p className="muted" id={`exception-help-${allianceId}`}>{t('admin.exception.help')}</p>
          <label className="field">
            {t('admin.exception.reason')}
            <textarea
              value={reason}
              rows={3}
              required
              minLength={REASON.min}
              maxLength={REASON.max}
              aria-describedby={`exception-help-${allianceId}`}
              style={{ width: '100%', boxSizing: 'border-box', font: 'inherit' }}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <p className="toolbar">
            <button type="submit" className="primary" disabled={reason.trim().length < REASON.min} aria-disabled={busy}>{t('admin.exception.record')}</button>
          </p>
        </form>
      )}
      <p role="status" aria-live="polite">{announcement}</p>
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
