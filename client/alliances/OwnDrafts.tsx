import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { editableIds } from './edit-tokens';

/** At most this many of the browser's own alliances are looked up (one request each). */
const MAX_LOOKED_UP = 50;

/**
 * The drafts this browser created or was given the edit link of: drafts are unlisted, so this is
 * where their founder finds them again (the server lists published alliances only).
 */
export function OwnDrafts({ onOpen }: { onOpen(id: number): void }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const ids = editableIds().slice(-MAX_LOOKED_UP);
    void Promise.all(ids.map((id) => api.alliance(id).catch(() => null))).then((found) => {
      if (controller.signal.aborted) return;
      setDrafts(found.flatMap((a) => (a && a.status === 'draft' ? [{ id: a.id, name: a.name }] : [])));
    });
    return () => controller.abort();
  }, []);
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
