import { useAllianceStore } from '../alliances/alliance-store';
import type { Issued } from '../builder/save-store';
import { alliancesChanged } from '../data/follow-revision';
import { updateView } from './view-store';

/**
 * After a save landed: the server's alliances revision is read first (lists and map reload, once),
 * then the saved alliance's page opens, at that revision, with what the save issued.
 */
export async function afterSave(issued: Issued): Promise<void> {
  await alliancesChanged();
  useAllianceStore.setState({ issued });
  updateView({ mode: 'alliances', alliance: issued.id });
}
