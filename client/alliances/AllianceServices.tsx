import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../domain/fees';
import type { AllianceView } from '../api/types';
import { feesQuery } from '../data/queries';
import type { Atlas } from '../data/atlas';
import { useCatalogue } from '../data/catalogue';
import { FeeTable } from '../fees/FeeTable';

/** The services an alliance provides, who provides them, and the fee table computed by the server. */
export function AllianceServices({ alliance, atlas }: { alliance: AllianceView; atlas: Atlas | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const catalogue = useCatalogue();
  // The fee table of the version shown (asked for again when a new version is).
  const query = useQuery(feesQuery(alliance.id, alliance.version));
  const fees = query.data ?? null;
  const error = query.error ? query.error.message : null;

  if (alliance.services.length === 0) return null;
  const euro = (cents: number) => formatEuro(cents, lang === 'en' ? 'en-GB' : 'it-IT');
  // What the alliance costs a year (services and its own running costs), and per resident of its territory.
  const totalCents = alliance.services.reduce((sum, s) => sum + s.annualCostCents, 0) + alliance.runningCostCents;
  const perResident = (cents: number) => (alliance.totals.population > 0 ? t('fees.perResident', { amount: euro(Math.round(cents / alliance.totals.population)) }) : '—');
  const provider = (p: AllianceView['services'][number]['provider']) => {
    const who = t(`services.providers.${p.kind}`);
    if (!p.ref) return who;
    return `${who}: ${p.kind === 'member' && atlas ? atlas.name(p.ref) : p.ref}`;
  };
  return (
    <section aria-labelledby="alliance-services-title" data-testid="alliance-services">
      <h3 id="alliance-services-title">{t('services.title')}</h3>
      <ul className="link-list">
        {alliance.services.map((s) => {
          const definition = catalogue?.find((c) => c.code === s.code);
          return (
            <li key={s.code}>
              <strong>{definition?.name[lang] ?? s.code}</strong>
              <span className="muted">
                {' '}· {provider(s.provider)}
                {s.since ? ` · ${t('services.since')} ${new Date(`${s.since}T00:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'UTC' })}` : ''}
                {' '}· {euro(s.annualCostCents)} ({perResident(s.annualCostCents)})
                {s.recipients ? ` · ${t('alliance.recipients', { count: s.recipients.length })}` : ''}
              </span>
              {s.grants && s.grants.length > 0 && (
                <div className="muted">{t('fees.grantsFrom', { sources: s.grants.map((g) => `${g.source} ${euro(g.amountCents)}`).join('; ') })}</div>
              )}
            </li>
          );
        })}
      </ul>
      <p data-testid="total-cost">
        {t('fees.totalCost', { amount: euro(totalCents), perResident: perResident(totalCents) })}
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {fees && <FeeTable report={fees} csvHref={`/api/alliances/${alliance.id}/fees.csv`} />}
    </section>
  );
}
