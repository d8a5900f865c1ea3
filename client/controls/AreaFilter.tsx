import { useTranslation } from 'react-i18next';
import type { Atlas } from '../data/atlas';

/** Filter the view to a region, then optionally a province. */
export function AreaFilter({ atlas, value, onChange }: { atlas: Atlas; value: string | null; onChange(area: string | null): void }) {
  const { t } = useTranslation();
  const region = value ? (value.length === 2 ? value : atlas.provinceByCode.get(value)?.region ?? null) : null;
  const provinces = region ? atlas.table.provinces.filter((p) => p.region === region) : [];
  return (
    <fieldset className="control-group">
      <legend>{t('filter.title')}</legend>
      <label className="field">
        {t('filter.region')}
        <select value={region ?? ''} onChange={(e) => onChange(e.target.value || null)} name="region">
          <option value="">{t('filter.all')}</option>
          {atlas.table.regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {region && (
        <label className="field">
          {t('filter.province')}
          <select value={value && value.length === 3 ? value : ''} onChange={(e) => onChange(e.target.value || region)} name="province">
            <option value="">{t('filter.allProvinces')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.acronym})
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
