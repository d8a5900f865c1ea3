import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setAdminToken } from './admin-token';
import { useAdminToken } from './useAdminToken';

interface Props {
  /** Told the new token (null once forgotten), after it has been stored for the session. */
  onChange?(token: string | null): void;
}

/** Enter or forget the administrator's token for this browser session. */
export function AdminTokenField({ onChange }: Props) {
  const { t } = useTranslation();
  const token = useAdminToken();
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const forgetButton = useRef<HTMLButtonElement>(null);
  /** Set by "Usa" / "Dimentica": the control they replace keeps the keyboard focus in the form. */
  const keepFocus = useRef(false);

  useEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    (token ? forgetButton.current : input.current)?.focus();
  }, [token]);

  const use = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (value === '') return;
    keepFocus.current = true;
    setAdminToken(value);
    setDraft('');
    onChange?.(value);
  };
  const forget = () => {
    keepFocus.current = true;
    setAdminToken(null);
    onChange?.(null);
  };

  return (
    <section className="card" aria-labelledby="admin-token-title" data-testid="admin-token">
      <h3 id="admin-token-title">{t('admin.token.title')}</h3>
      <p aria-live="polite">{token ? t('admin.token.set') : t('admin.token.unset')}</p>
      {token ? (
        <p className="toolbar">
          <button ref={forgetButton} type="button" onClick={forget}>{t('admin.token.forget')}</button>
        </p>
      ) : (
        <form onSubmit={use}>
          <label className="field">
            {t('admin.token.label')}
            <input ref={input} type="password" autoComplete="off" spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <p className="muted">{t('admin.token.help')}</p>
          <p className="toolbar">
            <button type="submit" className="primary" disabled={draft.trim() === ''}>{t('admin.token.use')}</button>
          </p>
        </form>
      )}
    </section>
  );
}
