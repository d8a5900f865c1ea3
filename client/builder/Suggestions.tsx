import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../domain/suggestions';
import { api } from '../api/client';
import { numberFormat } from '../i18n';

interface Props {
  territory: readonly string[];
  services: readonly string[];
  ruleSetId: string;
  onAdd(code: string): void;
}

/** Neighbours that would help the alliance most, with the reasons, ranked by the server (debounced). */
export function Suggestions({ territory, services, ruleSetId, onAdd }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (territory.length === 0) {
      setSuggestions(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .suggestions({ members: territory, services, ...(ruleSetId ? { ruleSet: ruleSetId } : {}), limit: 5 }, controller.signal)
        .then((answer) => {
          setSuggestions(answer.suggestions);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setError((e as Error).message);
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [territory, services, ruleSetId]);

  if (territory.length === 0) return null;
  // An answer for an earlier selection may still be on screen: never offer a current member.
  const shown = suggestions?.filter((s) => !territory.includes(s.code)) ?? null;
  return (
    <section aria-labelledby="suggestions-title">
      <h3 id="suggestions-title">{t('suggestions.title')}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {shown === null ? (
        <p aria-busy="true" className="muted">{t('details.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('suggestions.none')}</p>
      ) : (
        <ol className="suggestions" data-testid="suggestions">
          {shown.map((s) => (
            <li key={s.code}>
              <strong>{s.name}</strong> <span className="muted">→ {t('suggestions.after', { population: f.format(s.populationAfter) })}</span>
              <br />
              <span className="muted">{s.reasons.map((r) => r[lang]).join('; ')}</span>{' '}
              <button type="button" onClick={() => onAdd(s.code)} aria-label={t('suggestions.addNamed', { name: s.name })}>
                + {t('suggestions.add')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
