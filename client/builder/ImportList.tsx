import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Resolution } from '../api/types';
import { csvEntries } from './csv-entries';

/** A CSV file larger than this is surely not a list of Comuni (Italy has fewer than 8,000). */
const MAX_FILE_BYTES = 2_000_000;

/** Start or extend a selection from a pasted list or a CSV file of ISTAT codes or names. */
export function ImportList({ onAdd }: { onAdd(codes: string[]): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Resolution | null>(null);
  const [error, setError] = useState<string | null>(null);

  const resolve = async (entries: string[]) => {
    setError(null);
    setResult(null);
    if (entries.length === 0) {
      setError(t('builder.importEmpty'));
      return;
    }
    try {
      const body = await api.resolve(entries);
      onAdd(body.found.map((f) => f.code));
      setResult(body);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setError(t('builder.importTooLarge'));
      return;
    }
    let entries: string[];
    try {
      entries = csvEntries(await file.text());
    } catch (e) {
      setError(t('builder.importUnreadable', { message: (e as Error).message }));
      return;
    }
    await resolve(entries);
  };

  return (
    <details className="import-list">
      <summary>{t('builder.importList')}</summary>
      <label className="field">
        {t('builder.importHelp')}
        <textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" onClick={() => void resolve(text.split(/[\n;]+/).map((s) => s.trim()).filter(Boolean))}>
        {t('builder.importButton')}
      </button>
      <label className="field">
        {t('builder.importFile')}
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          data-testid="import-file"
          onChange={(e) => {
            void readFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <div aria-live="polite" data-testid="import-result">
        {error && <p className="error">{error}</p>}
        {result && (
          <>
            <p>{t('builder.importFound', { count: result.found.length })}</p>
            {result.unknown.length > 0 && <p className="error">{t('builder.importUnknown', { list: result.unknown.join(', ') })}</p>}
            {result.ambiguous.length > 0 && (
              <p className="error">
                {t('builder.importAmbiguous', {
                  list: result.ambiguous.map((a) => `${a.input} (${a.candidates.map((c) => c.provinceAcronym).join('/')})`).join(', '),
                })}
              </p>
            )}
          </>
        )}
      </div>
    </details>
  );
}
