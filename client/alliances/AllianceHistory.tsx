import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { historyQuery } from '../data/queries';

/** Who changed what and when (newest first), with the link to follow it as an Atom feed. */
export function AllianceHistory({ id, version }: { id: number; version: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  // Read again for each new version of the alliance.
  const query = useQuery(historyQuery(id, version));
  const entries = query.data ?? null;
  const error = query.error ? query.error.message : null;

  const when = (at: string) => new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{t('alliance.history')}</h3>
      <p>
        <a href={`/api/alliances/${id}/feed.atom`} type="application/atom+xml">{t('history.feed')}</a>
      </p>
      {error && <p role="alert">{error}</p>}
      {!entries && !error && <p aria-busy="true">{t('history.loading')}</p>}
      {entries && (
        <ol className="history" data-testid="history">
          {entries.map((e) => (
            <li key={e.id} data-action={e.action}>
              <div>
                <strong>{t(`history.action.${e.action}`)}</strong> · {e.actor.label[lang]} · <time dateTime={e.at}>{when(e.at)}</time>
                <span className="muted"> · {t('alliance.version', { version: e.version })}</span>
              </div>
              {e.changes.length === 0 ? (
                <div className="muted">{t('history.noChanges')}</div>
              ) : (
                <ul>
                  {e.changes.slice(0, 12).map((c, i) => (
                    <li key={i}>{c.text[lang]}</li>
                  ))}
                  {e.changes.length > 12 && <li className="muted">… +{e.changes.length - 12}</li>}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
