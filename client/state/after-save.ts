import { useAllianceStore } from '../alliances/alliance-store';
import type { Issued } from '../builder/save-store';
import { alliancesChanged } from '../data/follow-revision';
import { updateView } from './view-store';

/** After a save landed: lists and map reload, and the saved alliance's page opens with what it issued. */
export function afterSave(issued: Issued): void {
  void alliancesChanged();
  useAllianceStore.setState({ issued });
  updateView({ mode: 'alliances', alliance: issued.id });
}
