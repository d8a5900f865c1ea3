import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssociationDetails } from '../api/types';
import type { GovernanceRule } from '../../domain/governance';
import { GovernanceForm } from '../governance/GovernanceForm';
import '../governance/governance.css';
import { DEFAULT_META, useBuilder } from './useBuilder';
import { unioneDifference } from './form-checks';

interface Props {
  nameOf(code: string): string;
  /** The form's checks on the content being built. */
  rules: readonly GovernanceRule[];
  /** The existing Unione the alliance extends, once known. */
  unione: AssociationDetails | null;
}

/**
 * «Forma e fasi»: the legal form and the capofila, the existing Unione extended (its differences,
 * and its members taken over with one click), the shared RTD, the phases; saved with the alliance.
 */
export function FormTab({ nameOf, rules, unione }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const builder = useBuilder();
  const { state } = builder;
  const members = state.selection.members;
  const lead = members.find((code) => (state.meta[code] ?? DEFAULT_META).lead) ?? '';
  const [prefilled, setPrefilled] = useState<{ name: string; count: number } | null>(null);

  const unioneNote = (() => {
    if (!state.governance.existingUnione) return null;
    if (!unione) return <p className="muted" aria-busy="true">{t('builderTabs.unioneLoading')}</p>;
    const diff = unioneDifference(unione, members);
    const names = (codes: readonly string[]) => codes.map(nameOf).join(', ');
    return (
      <div className="card" data-testid="unione-difference">
        {diff.missing.length === 0 && diff.extra.length === 0 ? (
          <p>{t('builderTabs.unioneSame', { name: unione.name })}</p>
        ) : (
          <>
            {diff.missing.length > 0 && <p>{t('builderTabs.unioneMissing', { count: diff.missing.length, names: names(diff.missing) })}</p>}
            {diff.extra.length > 0 && <p>{t('builderTabs.unioneExtra', { count: diff.extra.length, names: names(diff.extra) })}</p>}
            <p className="toolbar">
              <button
                type="button"
                onClick={() => {
                  builder.replace(unione.members.map((m) => m.code));
                  setPrefilled({ name: unione.name, count: unione.members.length });
                }}
              >
                {t('builderTabs.unionePrefill', { count: unione.members.length })}
              </button>
            </p>
          </>
        )}
        {prefilled && (
          <p role="status" className="muted" data-testid="unione-prefilled">
            {t('builderTabs.unionePrefilled', prefilled)}
          </p>
        )}
      </div>
    );
  })();

  return (
    <>
      <p className="muted">{t('builderTabs.savedWithAlliance')}</p>
      <label className="field">
        {t('builderTabs.capofila')}
        <select value={lead} disabled={members.length === 0} onChange={(e) => (e.target.value ? builder.setMeta(e.target.value, { lead: true }) : lead && builder.setMeta(lead, { lead: false }))}>
          <option value="">{t('builderTabs.capofilaNone')}</option>
          {members.map((code) => (
            <option key={code} value={code}>{nameOf(code)}</option>
          ))}
        </select>
      </label>
      <p className="muted">{t('builderTabs.capofilaHint')}</p>
      <GovernanceForm
        value={{ legalForm: state.legalForm, governance: state.governance }}
        onChange={(change) => builder.setFields(change)}
        unioneNote={unioneNote}
      />
      <h3>{t('builderTabs.formChecks')}</h3>
      <ul className="rules" data-testid="form-checks">
        {rules.map((r) => (
          <li key={r.id} className={`rule ${r.level}`}>
            <span className="badge">{t(`builder.level.${r.level}`)}</span> {r.message[lang]} <span className="muted">({r.reference})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
