import { useTranslation } from 'react-i18next';
import type { Atlas } from '../data/atlas';
import { useComuneCoverage } from '../data/queries';
import { openAlliance } from '../state/actions';
import { updateView } from '../state/view-store';

const close = () => updateView({ selected: null });

/**
 * The Comune chosen on the map in Servizi: whether it receives the service shown, from which
 * bodies, and whether the law obliges it to run the service jointly.
 */
export function ComuneCoverageCard({ atlas, service, code }: { atlas: Atlas | null; service: string; code: string }) {
  const { t } = useTranslation();
  const query = useComuneCoverage(service, code);
  const row = atlas?.row(code);
  const name = row === undefined ? code : atlas!.table.name[row];
  const answer = query.data;
  return (
    <section className="card" aria-labelledby="comune-coverage-title" data-testid="comune-coverage" data-code={code}>
      <div className="panel-head">
        <h3 id="comune-coverage-title">{name}</h3>
        <button type="button" className="icon-button" onClick={close} aria-label={t('comuneCoverage.close', { name })}>
          ×
        </button>
      </div>
      {query.isFetching && !answer && <p aria-busy="true">{t('details.loading')}</p>}
      {query.error && <p role="alert" className="error">{query.error.message}</p>}
      {answer && (
        <>
          <p>
            <strong>{t(answer.sources.length > 0 ? 'comuneCoverage.covered' : 'comuneCoverage.uncovered')}</strong>
          </p>
          {answer.sources.length > 0 && (
            <ul className="link-list" data-testid="comune-coverage-sources">
              {answer.sources.map((source) => (
                <li key={`${source.kind}-${source.id}`}>
                  {source.kind === 'alliance' ? (
                    <button type="button" className="link" onClick={() => openAlliance(Number(source.id))}>{source.name}</button>
                  ) : (
                    source.name
                  )}{' '}
                  <span className="muted">({t(`association.kind.${source.kind}`)})</span>
                </li>
              ))}
            </ul>
          )}
          <p data-testid="comune-coverage-obligation">
            {t(!answer.obligation ? 'comuneCoverage.noLaw' : answer.obliged ? 'comuneCoverage.obliged' : 'comuneCoverage.notObliged')}
          </p>
        </>
      )}
    </section>
  );
}
