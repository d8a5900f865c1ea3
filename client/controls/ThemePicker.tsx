import { useTranslation } from 'react-i18next';
import { THEMES, type ThemeId } from '../state/view-state';

/** One colouring at a time, as a radio group (arrow keys move between choices). */
export function ThemePicker({ value, onChange, overridden = false }: { value: ThemeId; onChange(theme: ThemeId): void; overridden?: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="control-group" disabled={overridden}>
      <legend>{t('theme.title')}</legend>
      {overridden && <p className="muted">{t('theme.overridden')}</p>}
      {THEMES.map((id) => (
        <label key={id} className="choice">
          <input type="radio" name="theme" value={id} checked={value === id} onChange={() => onChange(id)} />
          {t(`theme.${id}`)}
        </label>
      ))}
    </fieldset>
  );
}
