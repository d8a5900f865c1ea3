import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestionsQuery, useAlliancesRevision } from '../data/queries';
import { useDebounced } from '../data/use-debounced';
import { numberFormat } from '../i18n';

interface Props {
  territory: readonly string[];
  services: readonly string[];
  ruleSetId: string;
  onAdd(code: string): void;
}

/** Neighbours that would help the alliance most, with the reasons, ranked by the server (debounced, through the query cache). */
export function Suggestions({ territory, services, ruleSetId, onAdd }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const f = numberFormat(i18n.language);
  // What they depend on, asked for once it has stayed the same 300 ms; and what published alliances cover.
  const request = useMemo(() => ({ members: territory, services, ruleSet: ruleSetId }), [territory, services, ruleSetId]);
  const asked = useDebounced(request, 300);
  const revision = useAlliancesRevision();
  const query = useQuery({
    ...suggestionsQuery(asked, revision ?? 'unknown'),
    enabled: asked.members.length > 0 && revision !== undefined,
    placeholderData: keepPreviousData,
  });
  const suggestions = query.data?.suggestions ?? null;
  const error = query.error ? query.error.message : null;

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
