import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS, type PartnerKind } from '../../domain/alliance';
import type { Builder } from './useBuilder';

/** Participating bodies that are not territories, each with a kind and a role. */
export function Partners({ builder }: { builder: Builder }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PartnerKind>('unione');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const partners = builder.state.partners;
  const addPartner = () => {
    if (name.trim() === '') return;
    builder.setFields({ partners: [...partners, { kind, name: name.trim(), role: role.trim() || null }] });
    setName('');
    setRole('');
  };
  return (
    <section aria-labelledby="partners-title">
      <h3 id="partners-title">{t('builder.partners')}</h3>
      <p className="muted">{t('builder.partnersHelp')}</p>
      {partners.length > 0 && (
        <ul className="link-list" data-testid="partners">
          {partners.map((p, i) => (
            <li key={`${p.kind}-${p.name}-${i}`}>
              {p.name} <span className="muted">({t(`builder.partnerKinds.${p.kind}`)}{p.role ? ` · ${p.role}` : ''})</span>{' '}
              <button
                type="button"
                className="icon-button"
                aria-label={t('builder.removePartner', { name: p.name })}
                onClick={() => builder.setFields({ partners: partners.filter((_, j) => j !== i) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="partner-form">
        <label className="field">
          {t('builder.partnerKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as PartnerKind)}>
            {PARTNER_KINDS.map((k) => (
              <option key={k} value={k}>{t(`builder.partnerKinds.${k}`)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('builder.partnerName')}
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          {t('builder.partnerRole')}
          <input value={role} maxLength={80} onChange={(e) => setRole(e.target.value)} />
        </label>
        <button type="button" onClick={addPartner} disabled={name.trim() === ''}>
          {t('builder.addPartner')}
        </button>
      </div>
    </section>
  );
}
