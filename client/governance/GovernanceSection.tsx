import './governance.css';
import { GovernanceEditor } from './GovernanceEditor';
import { GovernancePanel } from './GovernancePanel';
import type { GovernanceFields } from './governance-api';

/** The governance of an alliance on its page: what it is, and for its founder (edit token) the editor. */
export function GovernanceSection({ alliance, token, onSaved }: { alliance: GovernanceFields; token: string | null; onSaved: () => void }) {
  return (
    <>
      <GovernancePanel alliance={alliance} />
      {token && <GovernanceEditor key={alliance.version} alliance={alliance} token={token} onSaved={onSaved} />}
    </>
  );
}
