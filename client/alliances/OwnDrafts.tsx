import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { allianceQuery, useAlliancesRevision } from '../data/queries';
import { editableIds } from './edit-tokens';

/** At most this many of the browser's own alliances are looked up (one request each). */
const MAX_LOOKED_UP = 50;

/**
 * The drafts this browser created or was given the edit link of: drafts are unlisted, so this is
 * where their founder finds them again (the server lists published alliances only).
 */
export function OwnDrafts({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useTranslation();
  // Which alliances this browser can edit, as when the list was opened.
  const [ids] = useState(() => editableIds().slice(-MAX_LOOKED_UP));
  const revision = useAlliancesRevision();
  // Each through the query cache at the current revision (a draft published since leaves the list);
  // one that cannot be read (deleted) is left out.
  const drafts = useQueries({
    queries: ids.map((id) => ({ ...allianceQuery(id, revision ?? 'unknown'), enabled: revision !== undefined })),
    combine: (results) => results.flatMap((r) => (r.data && r.data.status === 'draft' ? [{ id: r.data.id, name: r.data.name }] : [])),
  });
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="own-drafts-title" data-testid="own-drafts">
      <h3 id="own-drafts-title">{t('alliance.ownDrafts')}</h3>
      <p className="muted">{t('alliance.ownDraftsHelp')}</p>
      <ul className="link-list">
        {drafts.map((d) => (
          <li key={d.id}>
            <button type="button" className="link" onClick={() => onOpen(d.id)}>{d.name}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
