import { useTranslation } from 'react-i18next';
import './governance.css';
import type { AllianceView } from '../api/types';
import { editAlliance } from '../builder/save-store';
import { updateView } from '../state/view-store';
import { GovernancePanel } from './GovernancePanel';
import type { GovernanceFields } from './governance-api';
import { LABELS } from './labels';

/**
 * The governance of an alliance on its page: what it is, and for its founder (edit token) the way
 * to change it, in the builder's «Forma e fasi» section (saved there with the alliance).
 */
export function GovernanceSection({ alliance, token }: { alliance: AllianceView & GovernanceFields; token: string | null }) {
  const { i18n } = useTranslation();
  const l = LABELS[i18n.language === 'en' ? 'en' : 'it'];
  return (
    <>
      <GovernancePanel alliance={alliance} />
      {token && (
        <p className="toolbar">
          <button
            type="button"
            onClick={() => {
              editAlliance(alliance, token);
              updateView({ mode: 'build', tab: 'forma' });
            }}
          >
            {l.edit}
          </button>
        </p>
      )}
    </>
  );
}
