import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { CatalogueService } from '../api/types';
import { alliancesChanged } from '../data/follow-revision';
import { alliancesRevisionQuery, catalogueQuery, queryClient, useAlliancesRevision, useCatalogueQuery, type Revision } from '../data/queries';
import { AdminTokenField } from './AdminTokenField';
import { useAdminToken } from './useAdminToken';
import { EMPTY, ServiceForm, type ServiceFields } from './ServiceForm';

type Lang = 'it' | 'en';
type Bilingual = { it: string; en: string };

/** The text in the current language, falling back to Italian when the English one is empty. */
const inLanguage = (text: Bilingual, lang: Lang) => (lang === 'en' && text.en.trim() !== '' ? text.en : text.it);

/** Element ids inside the panel (service codes are [a-z0-9-], safe in an id). */
const ids = {
  name: (code: string) => `catalogue-${code}-name`,
  rename: (code: string) => `catalogue-${code}-rename`,
  toggle: (code: string) => `catalogue-${code}-toggle`,
};

const fieldsOf = (s: CatalogueService): ServiceFields => ({ code: s.code, name: { ...s.name }, description: { ...s.description }, reference: s.reference });

/**
 * The service catalogue: the fundamental functions of the Comuni and the shared digital services.
 * Everyone reads it; with the administrator's token (set at the bottom) entries can be added,
 * renamed, retired and restored.
 */
export function CataloguePanel({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'it';
  const token = useAdminToken();
  const [showRetired, setShowRetired] = useState(false);
  /** The checkbox as it is now, for a reload that ends an action started before it changed. */
  const showRetiredNow = useRef(false);
  // The list through the query cache, at the alliances revision (which every change to the catalogue moves).
  const revision = useAlliancesRevision();
  const list = useCatalogueQuery(showRetired);
  const services = list.data ?? null;
  const loadError = list.error ? list.error.message : null;
  const [actionError, setActionError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /**
   * Where the keyboard focus goes once the list has reloaded after an action: `target` (an element
   * id, or null for the title) once the list of `revision` is on screen.
   */
  const focusNext = useRef<{ target: string | null; revision: Revision | undefined } | null>(null);
  const title = useRef<HTMLHeadingElement>(null);

  // After every render: once an action has reloaded the list, move the focus where it asked.
  useEffect(() => {
    const pending = focusNext.current;
    if (pending === null || pending.revision !== revision || list.isPlaceholderData) return;
    const target = pending.target;
    focusNext.current = null;
    // The entry may have left the list (retired while retired ones are hidden): fall back to the title.
    (target === null ? title.current : (document.getElementById(target) ?? title.current))?.focus();
  });

  useEffect(() => {
    if (token === null) setEditing(null);
  }, [token]);

  /**
   * Runs an administrator's action, reloads the list, then announces the outcome and moves the
   * focus to `after.focus` (an element id; the title when it is gone).
   */
  const run = async (
    action: (adminToken: string) => Promise<unknown>,
    success: string,
    after: { focus: string | null; closeEditor?: boolean },
  ): Promise<boolean> => {
    if (!token || busy) return false;
    setBusy(true);
    setActionError(null);
    setAnnouncement('');
    try {
      await action(token);
    } catch (e) {
      const message = (e as Error).message;
      const rejected = e instanceof ApiError && (e.status === 401 || e.status === 403);
      setActionError(rejected ? t('admin.rejected', { message }) : t('admin.error', { message }));
      setBusy(false);
      return false;
    }
    // The change moved the alliances revision: every view of the catalogue (builder, alliance pages)
    // reads it again; this panel's list is read before the outcome is announced.
    await alliancesChanged();
    const now: Revision = queryClient.getQueryData(alliancesRevisionQuery().queryKey) ?? 'unknown';
    await queryClient.fetchQuery(catalogueQuery(showRetiredNow.current, now)).catch(() => undefined);
    setBusy(false);
    setAnnouncement(success);
    focusNext.current = { target: after.focus, revision: now };
    if (after.closeEditor) setEditing(null);
    return true;
  };

  const rename = (s: CatalogueService, fields: ServiceFields) =>
    run(
      (adminToken) => api.saveService(adminToken, { name: fields.name, description: fields.description, reference: fields.reference }, s.code),
      t('admin.renamed', { name: inLanguage(fields.name, lang) }),
      { focus: ids.rename(s.code), closeEditor: true },
    );

  const retire = (s: CatalogueService) => {
    if (busy) return;
    const name = inLanguage(s.name, lang);
    if (!window.confirm(t('admin.confirmRetire', { name }))) return;
    void run((adminToken) => api.saveService(adminToken, { retired: true }, s.code), t('admin.retiredDone', { name }), { focus: ids.toggle(s.code) });
  };

  const restore = (s: CatalogueService) => {
    const name = inLanguage(s.name, lang);
    void run((adminToken) => api.saveService(adminToken, { retired: false }, s.code), t('admin.restoredDone', { name }), { focus: ids.toggle(s.code) });
  };

  const add = (fields: ServiceFields) =>
    run(
      (adminToken) =>
        api.saveService(adminToken, { code: fields.code, kind: 'digital', name: fields.name, description: fields.description, reference: fields.reference }),
      t('admin.added', { name: inLanguage(fields.name, lang), code: fields.code }),
      { focus: null },
    );

  const cancelEditing = (code: string) => {
    focusNext.current = { target: ids.rename(code), revision };
    setEditing(null);
  };

  const entry = (s: CatalogueService) => {
    const description = inLanguage(s.description, lang);
    return (
      <li key={s.code} className="card" data-code={s.code}>
        <h4 id={ids.name(s.code)}>
          {s.letter && <span className="muted">{t('admin.letter', { letter: s.letter })} </span>}
          {inLanguage(s.name, lang)}
        </h4>
        {s.obligation && <p><span className="badge advice">{t('admin.obligation')}</span></p>}
        {description && <p className="description">{description}</p>}
        {s.reference && <p className="muted">{t('admin.reference', { reference: s.reference })}</p>}
        <p className="muted">
          {t('admin.code', { code: s.code })}
          {s.retiredAt && ` · ${t('admin.retiredOn', { date: new Date(s.retiredAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'it-IT') })}`}
        </p>
        {token &&
          (editing === s.code ? (
            <ServiceForm
              initial={fieldsOf(s)}
              withCode={false}
              submitLabel={t('admin.save')}
              busy={busy}
              onSubmit={(fields) => rename(s, fields)}
              onCancel={() => cancelEditing(s.code)}
              focusOnOpen
            />
          ) : (
            <p className="toolbar">
              <button type="button" id={ids.rename(s.code)} aria-describedby={ids.name(s.code)} aria-disabled={busy} onClick={() => {
                  if (!busy) setEditing(s.code);
                }}>
                {t('admin.rename')}
              </button>
              {s.retiredAt ? (
                <button type="button" id={ids.toggle(s.code)} aria-describedby={ids.name(s.code)} aria-disabled={busy} onClick={() => restore(s)}>
                  {t('admin.restore')}
                </button>
              ) : (
                <button type="button" id={ids.toggle(s.code)} aria-describedby={ids.name(s.code)} aria-disabled={busy} onClick={() => retire(s)}>
                  {t('admin.retire')}
                </button>
              )}
            </p>
          ))}
      </li>
    );
  };

  const group = (id: string, heading: string, help: string | null, list: CatalogueService[]) =>
    list.length > 0 && (
      <section aria-labelledby={id} data-testid={id}>
        <h3 id={id}>{heading} <span className="muted">({list.length})</span></h3>
        {help && <p className="muted">{help}</p>}
        <ul className="link-list">{list.map(entry)}</ul>
      </section>
    );

  const active = services?.filter((s) => s.retiredAt === null) ?? [];
  const retired = services?.filter((s) => s.retiredAt !== null) ?? [];

  return (
    <aside className="panel" aria-labelledby="catalogue-title" data-testid="catalogue">
      <div className="panel-head">
        <h2 id="catalogue-title" ref={title} tabIndex={-1}>{t('admin.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('admin.close')} onClick={onClose}>×</button>
      </div>
      <p className="muted">{t('admin.intro')}</p>
      <label className="choice">
        <input type="checkbox" checked={showRetired} onChange={(e) => {
            showRetiredNow.current = e.target.checked;
            setShowRetired(e.target.checked);
          }} />
        {t('admin.showRetired')}
      </label>
      <p role="status" aria-live="polite" data-testid="catalogue-status">{announcement}</p>
      {actionError && <p role="alert" className="error">{actionError}</p>}
      {loadError && <p role="alert" className="error">{t('admin.loadError', { message: loadError })}</p>}
      {services === null ? (
        !loadError && <p aria-busy="true">{t('admin.loading')}</p>
      ) : (
        <>
          {group('catalogue-fundamental', t('admin.fundamental'), t('admin.fundamentalHelp'), active.filter((s) => s.kind === 'fundamental'))}
          {group('catalogue-digital', t('admin.digital'), null, active.filter((s) => s.kind === 'digital'))}
          {showRetired &&
            (retired.length > 0 ? group('catalogue-retired', t('admin.retired'), t('admin.retiredHelp'), retired) : <p className="muted">{t('admin.noneRetired')}</p>)}
        </>
      )}
      {token && (
        <section aria-labelledby="catalogue-add" className="card">
          <h3 id="catalogue-add">{t('admin.add')}</h3>
          <ServiceForm initial={EMPTY} withCode submitLabel={t('admin.addSubmit')} busy={busy} onSubmit={add} />
        </section>
      )}
      <AdminTokenField />
    </aside>
  );
}
