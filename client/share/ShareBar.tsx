import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../controls/CopyButton';
import { legendLabel } from '../legend/Legend';
import { themeSource, type Theme } from '../map/themes';

interface Props {
  /** Copies the map as drawn now (null until the map is ready). */
  snapshot: (() => Promise<HTMLCanvasElement>) | null;
  theme: Theme | null;
  attribution: string;
}

/** Share and keep what is on screen: the link of this very view, the map as a PNG with its legend, a printout. */
export function ShareBar({ snapshot, theme, attribution }: Props) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const png = async () => {
    if (!snapshot || !theme) return;
    setError(null);
    try {
      // The picture and print code load when asked for: most visits never use them.
      const [{ composeMapPng, downloadPng }, map] = await Promise.all([import('./map-png'), snapshot()]);
      const legend = {
        title: t(`theme.${theme.id}`),
        items: theme.legend.map((item) => ({ colour: item.colour, label: legendLabel(item, t, i18n.language) })),
        source: t('legend.source', { source: themeSource(theme, i18n.language) }),
        attribution,
      };
      await downloadPng(composeMapPng(map, legend, window.devicePixelRatio || 1), `ali-atlas-${theme.id}.png`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="share-bar" aria-label={t('share.title')} data-testid="share-bar">
      <CopyButton text={window.location.href} label={t('share.copyLink')} />
      <button type="button" disabled={!snapshot || !theme} onClick={() => void png()}>{t('share.png')}</button>
      <button type="button" onClick={() => void import('./print').then(({ printWithMap }) => printWithMap(snapshot, t('map.label')))}>{t('share.print')}</button>
      {error && <span role="alert" className="error">{error}</span>}
    </section>
  );
}
