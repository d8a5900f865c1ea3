import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GRANT_LIMITS, type AllianceServiceInput, type Grant, type ServiceProvider } from '../../domain/alliance';
import { feeReport } from '../../domain/fee-report';
import { SERVICE_PROVIDER_KINDS } from '../../domain/services';
import type { CatalogueService } from '../api/types';
import type { Atlas } from '../data/atlas';
import { useCatalogue } from '../data/catalogue';
import { FeeTable } from '../fees/FeeTable';
import { euroInput, parseEuro } from './euro';
import type { Builder } from './useBuilder';

/** Fee rules offered by name; any other share of equal parts is "custom". */
const PRESETS = [
  { id: 'perResident', equalShare: 0 },
  { id: 'equal', equalShare: 1 },
  { id: 'mixed', equalShare: 0.3 },
] as const;

interface Props {
  atlas: Atlas;
  builder: Builder;
  /** Members of the territory (withdrawn ones excluded), in display order. */
  territory: readonly string[];
}

/** The services the alliance provides (principle 3) and what each member pays for them (principle 6). */
export function ServicesEditor({ atlas, builder, territory }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const catalogue = useCatalogue();
  const { services, runningCostCents, partners } = builder.state;
  const [choice, setChoice] = useState('');
  const byCode = useMemo(() => new Map((catalogue ?? []).map((s) => [s.code, s])), [catalogue]);
  const available = (catalogue ?? []).filter((s) => !s.retiredAt && !services.some((x) => x.code === s.code));

  const setServices = (next: AllianceServiceInput[]) => builder.setFields({ services: next });
  const change = (code: string, patch: Partial<AllianceServiceInput>) => setServices(services.map((s) => (s.code === code ? { ...s, ...patch } : s)));
  const add = () => {
    if (!choice) return;
    setServices([...services, { code: choice, provider: { kind: 'alliance', ref: null }, since: null, annualCostCents: 0, chargedCents: null, equalShare: 0.3, recipients: null }]);
    setChoice('');
  };

  const report = useMemo(() => {
    try {
      return feeReport({
        services: services.map((s) => (s.recipients ? { ...s, recipients: s.recipients.filter((c) => territory.includes(c)) } : s)),
        members: territory.map((code) => {
          const i = atlas.row(code);
          return { code, name: atlas.name(code), population: i === undefined ? null : atlas.table.population[i] ?? null };
        }),
        runningCostCents,
        serviceName: (code) => byCode.get(code)?.name,
      });
    } catch {
      return null;
    }
  }, [services, territory, runningCostCents, atlas, byCode]);

  return (
    <section aria-labelledby="services-title" data-testid="services-editor">
      <h3 id="services-title">{t('services.title')}</h3>
      <p className="muted">{t('services.help')}</p>
      {services.map((s) => (
        <ServiceCard
          key={s.code}
          service={s}
          definition={byCode.get(s.code)}
          atlas={atlas}
          territory={territory}
          partners={partners.map((p) => p.name)}
          lang={lang}
          onChange={(patch) => change(s.code, patch)}
          onRemove={() => setServices(services.filter((x) => x.code !== s.code))}
        />
      ))}
      <div className="partner-form">
        <label className="field">
          {t('services.add')}
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('services.choose')}</option>
            {(['fundamental', 'digital'] as const).map((kind) => (
              <optgroup key={kind} label={t(`coverage.${kind}`)}>
                {available.filter((s) => s.kind === kind).map((s) => (
                  <option key={s.code} value={s.code}>{s.letter ? `${s.letter}) ` : ''}{s.name[lang]}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="button" onClick={add} disabled={!choice}>{t('services.addButton')}</button>
      </div>
      <EuroField label={t('services.runningCost')} cents={runningCostCents} onChange={(cents) => builder.setFields({ runningCostCents: cents ?? 0 })} />
      {report && <FeeTable report={report} />}
    </section>
  );
}

function ServiceCard(props: {
  service: AllianceServiceInput;
  definition: CatalogueService | undefined;
  atlas: Atlas;
  territory: readonly string[];
  partners: string[];
  lang: 'it' | 'en';
  onChange(patch: Partial<AllianceServiceInput>): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const { service: s, definition, atlas, territory, partners, lang, onChange } = props;
  const name = definition?.name[lang] ?? s.code;
  const preset = PRESETS.find((p) => p.equalShare === s.equalShare)?.id ?? 'custom';
  const setProvider = (provider: ServiceProvider) => onChange({ provider });
  const refs = s.provider.kind === 'member' ? territory.map((c) => ({ value: c, label: atlas.name(c) })) : partners.map((p) => ({ value: p, label: p }));
  return (
    <fieldset className="service-card" data-testid={`service-${s.code}`}>
      <legend>
        {name}
        {definition?.retiredAt && <span className="muted"> ({t('services.retired')})</span>}
      </legend>
      <div className="grid2">
        <label className="field">
          {t('services.provider')}
          <select value={s.provider.kind} onChange={(e) => setProvider({ kind: e.target.value as ServiceProvider['kind'], ref: null })}>
            {SERVICE_PROVIDER_KINDS.map((k) => (
              <option key={k} value={k}>{t(`services.providers.${k}`)}</option>
            ))}
          </select>
        </label>
        {(s.provider.kind === 'member' || s.provider.kind === 'partner') && (
          <label className="field">
            {t(s.provider.kind === 'member' ? 'services.providerMember' : 'services.providerPartner')}
            <select value={s.provider.ref ?? ''} onChange={(e) => setProvider({ kind: s.provider.kind, ref: e.target.value || null })}>
              <option value="">—</option>
              {refs.map((r) => (
                <option key={r.value} value={r.value}>{r.label}</option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          {t('services.since')}
          <input type="date" value={s.since ?? ''} onChange={(e) => onChange({ since: e.target.value || null })} />
        </label>
        <EuroField label={t('services.cost')} cents={s.annualCostCents} onChange={(cents) => onChange({ annualCostCents: cents ?? 0 })} />
        <EuroField label={t('services.charged')} cents={s.chargedCents ?? null} placeholder={euroInput(s.annualCostCents)} onChange={(cents) => onChange({ chargedCents: cents })} />
        <label className="field">
          {t('services.feeRule')}
          <select
            value={preset}
            onChange={(e) => {
              const p = PRESETS.find((x) => x.id === e.target.value);
              if (p) onChange({ equalShare: p.equalShare });
            }}
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>{t(`services.rules.${p.id}`)}</option>
            ))}
            <option value="custom" disabled={preset !== 'custom'}>{t('services.rules.custom')}</option>
          </select>
        </label>
        <label className="field">
          {t('services.equalPercent')}
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={Math.round(s.equalShare * 100)}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isFinite(v) && v >= 0 && v <= 100) onChange({ equalShare: v / 100 });
            }}
          />
        </label>
      </div>
      <label>
        <input type="checkbox" checked={s.recipients == null} onChange={(e) => onChange({ recipients: e.target.checked ? null : [...territory] })} /> {t('services.allMembers')}
      </label>
      {s.recipients && (
        <label className="field">
          {t('services.recipients')}
          <select
            multiple
            size={Math.min(6, Math.max(2, territory.length))}
            value={s.recipients}
            onChange={(e) => onChange({ recipients: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {territory.map((c) => (
              <option key={c} value={c}>{atlas.name(c)}</option>
            ))}
          </select>
        </label>
      )}
      <GrantsEditor grants={s.grants ?? []} onChange={(grants) => onChange({ grants: grants.length > 0 ? grants : null })} />
      <button type="button" className="link" onClick={props.onRemove}>{t('services.remove', { name })}</button>
    </fieldset>
  );
}

/** Who else funds a service (a Region, a PNRR measure) and how much a year: rows of source and amount. */
function GrantsEditor({ grants, onChange }: { grants: readonly Grant[]; onChange(grants: Grant[]): void }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Grant>) => onChange(grants.map((g, k) => (k === i ? { ...g, ...patch } : g)));
  return (
    <div className="grants" data-testid="grants-editor">
      <p className="muted">{t('services.grants')}</p>
      {grants.map((g, i) => (
        <div key={i} className="grid2">
          <label className="field">
            {t('services.grantSource')}
            <input value={g.source} maxLength={120} onChange={(e) => set(i, { source: e.target.value })} />
          </label>
          <EuroField label={t('services.grantAmount')} cents={g.amountCents} onChange={(cents) => set(i, { amountCents: cents ?? 0 })} />
          <button type="button" className="link" onClick={() => onChange(grants.filter((_, k) => k !== i))}>
            {t('services.removeGrant', { source: g.source || '—' })}
          </button>
        </div>
      ))}
      {grants.length < GRANT_LIMITS.grants && (
        <button type="button" onClick={() => onChange([...grants, { source: '', amountCents: 0 }])}>{t('services.addGrant')}</button>
      )}
    </div>
  );
}

/** A euro amount typed in Italian or English notation; invalid input is flagged, not lost. */
function EuroField({ label, cents, placeholder, onChange }: { label: string; cents: number | null; placeholder?: string; onChange(cents: number | null): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(cents === null ? '' : euroInput(cents));
  const [invalid, setInvalid] = useState(false);
  // A value set from outside (an alliance loaded for editing, a new one started) replaces the text;
  // what the person is typing is left alone while it means the same amount.
  const [seen, setSeen] = useState(cents);
  if (cents !== seen) {
    setSeen(cents);
    const cleared = text.trim() === '' && (cents === null || cents === 0);
    if (!cleared && parseEuro(text) !== cents) {
      setText(cents === null ? '' : euroInput(cents));
      setInvalid(false);
    }
  }
  return (
    <label className="field">
      {label}
      <input
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setInvalid(false);
            onChange(placeholder === undefined ? 0 : null);
            return;
          }
          const parsed = parseEuro(e.target.value);
          setInvalid(parsed === null);
          if (parsed !== null) onChange(parsed);
        }}
      />
      {invalid && <span className="error">{t('services.invalidAmount')}</span>}
    </label>
  );
}
