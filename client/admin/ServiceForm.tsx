import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Bilingual = { it: string; en: string };

/** Same limits as the server (server/http/schemas.ts: serviceBody, servicePatch). */
const LIMITS = { name: 160, description: 1000, reference: 200 } as const;
const CODE_PATTERN = '[a-z0-9\\-]{2,40}';
const wide = { width: '100%', boxSizing: 'border-box', font: 'inherit' } as const;

export interface ServiceFields {
  code: string;
  name: Bilingual;
  description: Bilingual;
  reference: string;
}

export const EMPTY: ServiceFields = { code: '', name: { it: '', en: '' }, description: { it: '', en: '' }, reference: '' };

interface FormProps {
  initial: ServiceFields;
  /** Ask for the code too (a new service); a code never changes afterwards. */
  withCode: boolean;
  submitLabel: string;
  busy: boolean;
  /** Resolves true when saved. */
  onSubmit(fields: ServiceFields): Promise<boolean>;
  onCancel?(): void;
  /** Move the keyboard focus to the first field when the form appears. */
  focusOnOpen?: boolean;
}

/** Names, descriptions and reference of a catalogue entry (and its code, for a new one). */
export function ServiceForm({ initial, withCode, submitLabel, busy, onSubmit, onCancel, focusOnOpen = false }: FormProps) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(initial);
  const set = (change: Partial<ServiceFields>) => setFields((f) => ({ ...f, ...change }));
  const complete = fields.name.it.trim() !== '' && fields.name.en.trim() !== '' && (!withCode || new RegExp(`^${CODE_PATTERN}$`).test(fields.code));


  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete || busy) return;
    void onSubmit({
      code: fields.code.trim(),
      name: { it: fields.name.it.trim(), en: fields.name.en.trim() },
      description: { it: fields.description.it.trim(), en: fields.description.en.trim() },
      reference: fields.reference.trim(),
    }).then((saved) => {
      if (saved && withCode) setFields(EMPTY);
    });
  };

  return (
    <form
      onSubmit={submit}
      className="service-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {withCode && (
        <label className="field">
          {t('admin.fields.code')}
          <input
            value={fields.code}
            required
            pattern={CODE_PATTERN}
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby="catalogue-code-help"
            onChange={(e) => set({ code: e.target.value.toLowerCase() })}
          />
          <span id="catalogue-code-help" className="muted">{t('admin.fields.codeHelp')}</span>
        </label>
      )}
      <label className="field">
        {t('admin.fields.nameIt')}
        {/* An inline form opened with "Rinomina" takes the focus when it appears; the add form does not. */}
        <input autoFocus={focusOnOpen} value={fields.name.it} required maxLength={LIMITS.name} lang="it" onChange={(e) => set({ name: { ...fields.name, it: e.target.value } })} />
      </label>
      <label className="field">
        {t('admin.fields.nameEn')}
        <input value={fields.name.en} required maxLength={LIMITS.name} lang="en" onChange={(e) => set({ name: { ...fields.name, en: e.target.value } })} />
      </label>
      <label className="field">
        {t('admin.fields.descriptionIt')}
        <textarea
          value={fields.description.it}
          rows={3}
          maxLength={LIMITS.description}
          lang="it"
          style={wide}
          onChange={(e) => set({ description: { ...fields.description, it: e.target.value } })}
        />
      </label>
      <label className="field">
        {t('admin.fields.descriptionEn')}
        <textarea
          value={fields.description.en}
          rows={3}
          maxLength={LIMITS.description}
          lang="en"
          style={wide}
          onChange={(e) => set({ description: { ...fields.description, en: e.target.value } })}
        />
      </label>
      <label className="field">
        {t('admin.fields.reference')}
        <input value={fields.reference} maxLength={LIMITS.reference} onChange={(e) => set({ reference: e.target.value })} />
      </label>
      <p className="toolbar">
        <button type="submit" className="primary" disabled={!complete} aria-disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" onClick={onCancel}>{t('admin.cancel')}</button>}
      </p>
    </form>
  );
}

