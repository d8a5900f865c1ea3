import { useTranslation } from 'react-i18next';
import { OVERLAYS, type OverlayId } from '../state/view-state';

/** Context overlays, several at once. */
export function OverlayToggles({
  value,
  counts,
  onChange,
}: {
  value: OverlayId[];
  counts: Partial<Record<OverlayId, number>>;
  onChange(overlays: OverlayId[]): void;
}) {
  const { t } = useTranslation();
  const toggle = (id: OverlayId, on: boolean) =>
    onChange(on ? OVERLAYS.filter((o) => o === id || value.includes(o)) : value.filter((o) => o !== id));
  return (
    <fieldset className="control-group">
      <legend>{t('overlays.title')}</legend>
      {OVERLAYS.map((id) => {
        const count = counts[id];
        return (
          <label key={id} className="choice">
            <input type="checkbox" name={`overlay-${id}`} checked={value.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
            {t(`overlays.${id}`)}
            {count !== undefined && <span className="muted"> ({count === 0 ? t(id === 'alliances' ? 'overlays.noneSaved' : 'overlays.none') : count})</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
