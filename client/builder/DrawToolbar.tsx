import { useTranslation } from 'react-i18next';
import { DRAW_SHAPES } from '../map/draw-shapes';
import type { DrawSelection } from './draw-store';
import { numberFormat } from '../i18n';

/**
 * Inline SVG icons: the glyphs ◌ ⬠ ▭ ⛶ are missing from many system fonts (an empty box on Debian),
 * and we load no icon font.
 */
const ICON_PATHS = {
  lasso: 'M8 2.5c3.3 0 5.5 1.6 5.5 3.7S11.3 10 8 10 2.5 8.3 2.5 6.2 4.7 2.5 8 2.5zM5 9.5c-.6 1.2-.4 2.6.8 3.5',
  polygon: 'M8 1.8l6 4.3-2.3 7.1H4.3L2 6.1z',
  rectangle: 'M2 4h12v8H2z',
  view: 'M2 5.5V2h3.5M10.5 2H14v3.5M14 10.5V14h-3.5M5.5 14H2v-3.5',
} as const;

function Icon({ name }: { name: keyof typeof ICON_PATHS }) {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

/** Choose a shape to draw on the map, and whether it adds or removes the Comuni inside it. */
export function DrawToolbar({ draw, nameOf }: { draw: DrawSelection; /** A Comune's name from its ISTAT code. */ nameOf(code: string): string }) {
  const { t, i18n } = useTranslation();
  const { status } = draw;
  const f = numberFormat(i18n.language);
  return (
    <fieldset className="draw-tools">
      <legend>{t('draw.title')}</legend>
      <div role="group" aria-label={t('draw.title')} className="toolbar">
        {DRAW_SHAPES.map((shape) => (
          <button
            key={shape}
            type="button"
            aria-pressed={draw.shape === shape}
            data-testid={`draw-${shape}`}
            onClick={() => draw.setShape(draw.shape === shape ? null : shape)}
          >
            <Icon name={shape} /> {t(`draw.${shape}`)}
          </button>
        ))}
        <button type="button" data-testid="draw-view" onClick={() => void draw.fromView()}>
          <Icon name="view" /> {t('draw.view')}
        </button>
      </div>
      <div role="radiogroup" aria-label={t('draw.action')} className="inline-options">
        {(['add', 'remove'] as const).map((action) => (
          <label key={action}>
            <input type="radio" name="draw-action" checked={draw.action === action} onChange={() => draw.setAction(action)} />{' '}
            {t(`draw.${action}`)}
          </label>
        ))}
      </div>
      <p className="muted" aria-live="polite" data-testid="draw-status">
        {status.state === 'loading' && t('draw.loading')}
        {status.state === 'done' && (
          <>
            {t(status.action === 'add' ? 'draw.added' : 'draw.removed', { count: status.count })}
            {status.areaKm2 !== null && ` ${t('draw.area', { area: f.format(status.areaKm2) })}`}
          </>
        )}
        {status.state === 'done' && status.partial.length > 0 && (
          <span className="partial" data-testid="draw-partial">
            {' '}
            {t('draw.partial', { count: status.partial.length, names: status.partial.slice(0, 8).map(nameOf).join(', ') + (status.partial.length > 8 ? '…' : '') })}{' '}
            <button type="button" className="link" onClick={draw.addPartial}>{t('draw.addPartial', { count: status.partial.length })}</button>
          </span>
        )}
        {status.state === 'error' && <span className="error">{status.message}</span>}
        {status.state === 'idle' && draw.shape && t(`draw.help.${draw.shape}`)}
      </p>
    </fieldset>
  );
}
