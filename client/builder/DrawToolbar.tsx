import { useTranslation } from 'react-i18next';
import { DRAW_SHAPES } from '../map/draw-shapes';
import type { DrawSelection } from './useDrawSelection';
import { numberFormat } from '../i18n';

const ICONS = { lasso: '◌', polygon: '⬠', rectangle: '▭' } as const;

/** Choose a shape to draw on the map, and whether it adds or removes the Comuni inside it. */
export function DrawToolbar({ draw }: { draw: DrawSelection }) {
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
            <span aria-hidden="true">{ICONS[shape]}</span> {t(`draw.${shape}`)}
          </button>
        ))}
        <button type="button" data-testid="draw-view" onClick={() => void draw.fromView()}>
          <span aria-hidden="true">⛶</span> {t('draw.view')}
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
        {status.state === 'error' && <span className="error">{status.message}</span>}
        {status.state === 'idle' && draw.shape && t(`draw.help.${draw.shape}`)}
      </p>
    </fieldset>
  );
}
