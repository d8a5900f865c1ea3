import { isLanguage, type Language } from '../i18n';

export const THEMES = ['population', 'density', 'small', 'innerAreas', 'associations'] as const;
export type ThemeId = (typeof THEMES)[number];

export const OVERLAYS = ['alliances', 'snai', 'sll', 'unioni', 'circles', 'hubs'] as const;
export type OverlayId = (typeof OVERLAYS)[number];

/** The builder's sections (mode "build"), each a tab; the first is the default. */
export const BUILDER_TABS = ['territorio', 'servizi', 'forma', 'adesioni'] as const;
export type BuilderTab = (typeof BUILDER_TABS)[number];

export const MODES = ['explore', 'build', 'plan', 'alliances', 'coverage', 'compare', 'catalogue', 'data', 'about', 'legal', 'accessibility'] as const;
export type Mode = (typeof MODES)[number];

/** Everything the URL says about the view, so a copied link shows exactly the same thing. */
export interface ViewState {
  mode: Mode;
  /** The alliance whose page is open (mode "alliances"). */
  alliance: number | null;
  /** Map centre [lon, lat] and zoom; null = the whole of Italy. */
  camera: { lon: number; lat: number; zoom: number } | null;
  theme: ThemeId;
  overlays: OverlayId[];
  /** ISTAT code of the selected Comune. */
  selected: string | null;
  /** Region (2 digits) or province (3 digits) the view is filtered to. */
  area: string | null;
  /** Highlighted association id. */
  association: number | null;
  lang: Language;
  /** Service whose coverage is shown (mode "coverage"): a catalogue code or "fundamental". */
  service: string | null;
  /** Territories compared side by side (mode "compare"): "a12" = alliance 12, "s5" = association 5. */
  compare: string[];
  /** A proposed plan's floor, rule and seed (mode "plan"; see planner/plan-url.ts). */
  plan: string | null;
  /** The builder's open section (mode "build"). */
  tab: BuilderTab;
}

export const DEFAULT_VIEW: ViewState = {
  mode: 'explore',
  alliance: null,
  camera: null,
  theme: 'population',
  overlays: [],
  selected: null,
  area: null,
  association: null,
  lang: 'it',
  service: null,
  compare: [],
  plan: null,
  tab: 'territorio',
};

const num = (value: string | null, min: number, max: number): number | null => {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
};

/** Pages with a path of their own: an alliance (`/alleanze/12`) and a Comune (`/comuni/039012`). */
const ALLIANCE_PATH = /^\/alleanze\/(\d{1,9})\/?$/;
const COMUNE_PATH = /^\/comuni\/(\d{6})\/?$/;

/**
 * Reads a view from a path and query string; anything unknown or malformed falls back to the
 * default. `/alleanze/12` opens alliance 12, `/comuni/039012` selects Lugo; the query adds the rest.
 */
export function parseViewState(search: string, pathname = '/'): ViewState {
  const p = new URLSearchParams(search);
  const alliancePath = ALLIANCE_PATH.exec(pathname);
  const comunePath = COMUNE_PATH.exec(pathname);
  if (alliancePath) {
    p.set('mode', 'alliances');
    p.set('alliance', alliancePath[1] as string);
  } else if (comunePath) {
    p.set('sel', comunePath[1] as string);
  }
  const lon = num(p.get('lon'), -180, 180);
  const lat = num(p.get('lat'), -85, 85);
  const zoom = num(p.get('z'), 0, 22);
  const theme = p.get('theme');
  const overlays = (p.get('ov') ?? '').split(',').filter((o): o is OverlayId => (OVERLAYS as readonly string[]).includes(o));
  const selected = p.get('sel');
  const area = p.get('area');
  const association = num(p.get('assoc'), 1, 1e9);
  const lang = p.get('lang');
  const mode = p.get('mode');
  const alliance = num(p.get('alliance'), 1, 1e9);
  const service = p.get('svc');
  const plan = p.get('piano');
  const tab = p.get('scheda');
  const compare = (p.get('cmp') ?? '').split(',').filter((ref) => /^[as]\d{1,9}$/.test(ref));
  return {
    mode: (MODES as readonly string[]).includes(mode ?? '') ? (mode as Mode) : DEFAULT_VIEW.mode,
    alliance: alliance !== null && Number.isInteger(alliance) ? alliance : null,
    camera: lon !== null && lat !== null && zoom !== null ? { lon, lat, zoom } : null,
    theme: (THEMES as readonly string[]).includes(theme ?? '') ? (theme as ThemeId) : DEFAULT_VIEW.theme,
    overlays: [...new Set(overlays)],
    selected: selected && /^\d{6}$/.test(selected) ? selected : null,
    area: area && /^\d{2,3}$/.test(area) ? area : null,
    association: association !== null && Number.isInteger(association) ? association : null,
    lang: isLanguage(lang) ? lang : DEFAULT_VIEW.lang,
    service: service && /^[a-z0-9-]{2,40}$/.test(service) ? service : null,
    compare: [...new Set(compare)].slice(0, 6),
    plan: plan && /^[0-9a-z.-]{1,8000}$/.test(plan) ? plan : null,
    tab: (BUILDER_TABS as readonly string[]).includes(tab ?? '') ? (tab as BuilderTab) : DEFAULT_VIEW.tab,
  };
}

/** The path of a view: an alliance's page or a Comune's, else the root. */
export function viewPath(view: ViewState): string {
  if (view.mode === 'alliances' && view.alliance !== null) return `/alleanze/${view.alliance}`;
  if (view.mode === 'explore' && view.selected) return `/comuni/${view.selected}`;
  return '/';
}

/** Writes a view as path and query string (what the path says and defaults left out, so links stay short). */
export function viewUrl(view: ViewState): string {
  const path = viewPath(view);
  return `${path}${serializeViewState(view, path)}`;
}

/** Writes a view as a query string (defaults, and what `path` already says, left out). */
export function serializeViewState(view: ViewState, path = '/'): string {
  const p = new URLSearchParams();
  const allianceInPath = path.startsWith('/alleanze/');
  const comuneInPath = path.startsWith('/comuni/');
  if (view.mode !== DEFAULT_VIEW.mode && !allianceInPath) p.set('mode', view.mode);
  if (view.alliance !== null && !allianceInPath) p.set('alliance', String(view.alliance));
  if (view.camera) {
    p.set('lon', view.camera.lon.toFixed(4));
    p.set('lat', view.camera.lat.toFixed(4));
    p.set('z', view.camera.zoom.toFixed(2));
  }
  if (view.theme !== DEFAULT_VIEW.theme) p.set('theme', view.theme);
  if (view.overlays.length > 0) p.set('ov', view.overlays.join(','));
  if (view.selected && !comuneInPath) p.set('sel', view.selected);
  if (view.area) p.set('area', view.area);
  if (view.association !== null) p.set('assoc', String(view.association));
  if (view.lang !== DEFAULT_VIEW.lang) p.set('lang', view.lang);
  if (view.service) p.set('svc', view.service);
  if (view.compare.length > 0) p.set('cmp', view.compare.join(','));
  if (view.plan) p.set('piano', view.plan);
  // The builder's section only while building (elsewhere it would say nothing).
  if (view.mode === 'build' && view.tab !== DEFAULT_VIEW.tab) p.set('scheda', view.tab);
  const s = p.toString();
  return s ? `?${s}` : '';
}
