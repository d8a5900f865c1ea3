import { useTranslation } from 'react-i18next';
import { LEGAL_FORM_INFO, PHASE_LABELS, PHASES, RTD_SEAT_LABELS, SURVEY_ITEM_LABELS, type GovernanceRule } from '../../domain/governance';
import type { GovernanceFields } from './governance-api';
import { LABELS } from './labels';

/**
 * The public view of an alliance's governance: legal form and capofila, the shared RTD office,
 * the AgID phase timeline with its evidence, the form's checks with the efficiency size, the
 * success factors, and the generated convenzione.
 */
export function GovernancePanel({ alliance }: { alliance: GovernanceFields }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const l = LABELS[lang];
  const checks = alliance.governanceChecks;
  const governance = alliance.governance;
  const form = alliance.legalForm ?? null;
  const lead = alliance.members.find((m) => m.lead);
  const phases = governance?.phases ?? [];
  const name = (code: string) => alliance.members.find((m) => m.code === code)?.name ?? code;
  if (!checks) return null;
  return (
    <section aria-labelledby="governance-title" data-testid="governance">
      <h3 id="governance-title">{l.title}</h3>
      <dl className="governance-facts">
        <dt>{l.form}</dt>
        <dd data-testid="legal-form">{form ? `${LEGAL_FORM_INFO[form][lang]} (${LEGAL_FORM_INFO[form].reference})` : l.notChosen}</dd>
        {lead && (
          <>
            <dt>{l.capofila}</dt>
            <dd>{lead.name ?? lead.code} ({lead.code})</dd>
          </>
        )}
        <dt>{l.rtd}</dt>
        <dd data-testid="rtd-office">
          {governance?.rtd ? (
            <>
              {governance.rtd.office}, {RTD_SEAT_LABELS[governance.rtd.seat][lang]} · <a href={`mailto:${governance.rtd.email}`}>{governance.rtd.email}</a>
              {governance.rtd.act && <span className="muted"> · {l.act} {governance.rtd.act.organ} n. {governance.rtd.act.number}, {governance.rtd.act.date}</span>}
            </>
          ) : (
            l.notRecorded
          )}
        </dd>
      </dl>

      <h4>{l.phases}</h4>
      <ol className="phase-timeline" data-testid="phase-timeline">
        {PHASES.map((phase) => {
          const steps = phases.filter((p) => p.phase === phase);
          const current = phases[phases.length - 1]?.phase === phase;
          return (
            <li key={phase} className={current ? 'current' : steps.length > 0 ? 'done' : 'todo'} aria-current={current ? 'step' : undefined}>
              <strong>{PHASE_LABELS[phase][lang]}</strong>
              {steps.map((s, i) => (
                <div key={i} className="muted">
                  {s.date}
                  {s.note ? ` — ${s.note}` : ''}
                  {s.governance ? ` — ${s.governance}` : ''}
                  {s.survey && Object.keys(s.survey).length > 0 && (
                    <details>
                      <summary>{l.survey(Object.keys(s.survey).length)}</summary>
                      <ul>
                        {Object.entries(s.survey).map(([code, items]) => (
                          <li key={code}>
                            {name(code)}: {Object.entries(items).map(([item, entry]) => `${SURVEY_ITEM_LABELS[item as keyof typeof SURVEY_ITEM_LABELS][lang]} ${entry.status.replace('_', ' ')}${entry.note ? ` (${entry.note})` : ''}`).join('; ')}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                  {s.contacts && s.contacts.length > 0 && (
                    <details>
                      <summary>{l.contacts(s.contacts.length)}</summary>
                      <ul>
                        {s.contacts.map((c) => (
                          <li key={c.code}>{name(c.code)}: {c.office} · {c.email}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </div>
              ))}
            </li>
          );
        })}
      </ol>

      <h4>{l.checks}</h4>
      <ul className="rules" data-testid="governance-rules">
        {checks.rules.map((r) => <Rule key={r.id} rule={r} lang={lang} />)}
        {checks.constitutedEfficiency && <Rule rule={checks.constitutedEfficiency} lang={lang} prefix={l.constituted} />}
      </ul>

      <h4>{l.factors}</h4>
      <ul className="checklist" data-testid="success-factors">
        {checks.successFactors.map((f) => (
          <li key={f.id}>
            <span aria-hidden="true">{f.met ? '☑' : '☐'}</span> {f.label[lang]} <span className="muted">({f.source === 'derived' ? l.derived : l.declared})</span>
          </li>
        ))}
      </ul>

      {form === 'convenzione' && (
        <>
          <p className="toolbar">
            <a href={`/api/alliances/${alliance.id}/convenzione.html`} target="_blank" rel="noopener">{l.readConvenzione}</a>
            <a href={`/api/alliances/${alliance.id}/convenzione.docx`} download>{l.downloadConvenzione}</a>
          </p>
          {alliance.convenzione?.latest && <p className="muted">{l.version(alliance.convenzione.latest.version, alliance.convenzione.latest.sha256.slice(0, 12))}</p>}
          {alliance.convenzione && alliance.convenzione.olderText.length > 0 && (
            <p className="rule advice" data-testid="older-text">
              {l.olderText(alliance.convenzione.olderText.map((o) => `${name(o.code)} (v${o.version})`).join(', '))}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Rule({ rule, lang, prefix }: { rule: GovernanceRule; lang: 'it' | 'en'; prefix?: string }) {
  return (
    <li className={`rule ${rule.level}`}>
      <span className="badge">{LABELS[lang].level[rule.level]}</span> {prefix ? `${prefix}: ` : ''}
      {rule.message[lang]} <span className="muted">({rule.reference})</span>
    </li>
  );
}
