import type { Feature } from 'geojson';
import type { Link } from './documents';

/** Text made safe inside HTML. */
export const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:64rem;margin:0 auto;padding:1rem;color:#1a1a1a}
a{color:#0b5394}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
.scroll{overflow-x:auto}code{background:#f3f3f3;padding:0 .2rem}nav{margin:.5rem 0}`;

function page(title: string, body: string, breadcrumbs: Link[]): string {
  const trail = breadcrumbs.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.title ?? l.rel)}</a>`).join(' › ');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ALI Atlas</title><style>${STYLE}</style></head>
<body><nav aria-label="Percorso / Breadcrumbs">${trail}</nav><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function linkList(links: readonly Link[]): string {
  return `<ul>${links.map((l) => `<li><a href="${escapeHtml(l.href)}" type="${escapeHtml(l.type)}">${escapeHtml(l.title ?? l.rel)}</a> <small>(${escapeHtml(l.rel)}, ${escapeHtml(l.type)})</small></li>`).join('')}</ul>`;
}

const cell = (value: unknown) => escapeHtml(typeof value === 'object' && value !== null ? JSON.stringify(value) : value);

function propertiesTable(features: readonly Feature[], itemUrl: (f: Feature) => string): string {
  const keys = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
  const head = `<tr><th scope="col">id</th>${keys.map((k) => `<th scope="col">${escapeHtml(k)}</th>`).join('')}</tr>`;
  const rows = features
    .map((f) => `<tr><td><a href="${escapeHtml(itemUrl(f))}">${escapeHtml(f.id)}</a></td>${keys.map((k) => `<td>${cell(f.properties?.[k])}</td>`).join('')}</tr>`)
    .join('');
  return `<div class="scroll" tabindex="0"><table><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

export interface HtmlContext {
  base: string;
}

export function landingHtml(ctx: HtmlContext, doc: { title: string; description: string; links: Link[] }): string {
  const qgis = `<h2>In QGIS</h2><p>Layer › Aggiungi layer › Aggiungi layer WFS / OGC API – Features › Nuovo; URL: <code>${escapeHtml(ctx.base)}</code>.
  GDAL: <code>ogrinfo OAPIF:${escapeHtml(ctx.base)}</code>.</p>`;
  return page(doc.title, `<p>${escapeHtml(doc.description)}</p>${linkList(doc.links)}${qgis}`, [{ href: `${ctx.base}?f=html`, rel: 'home', type: 'text/html', title: 'OGC API' }]);
}

export function conformanceHtml(ctx: HtmlContext, conformsTo: readonly string[]): string {
  return page('Classi di conformità / Conformance', `<ul>${conformsTo.map((c) => `<li><a href="${escapeHtml(c)}">${escapeHtml(c)}</a></li>`).join('')}</ul>`, home(ctx));
}

const home = (ctx: HtmlContext): Link[] => [
  { href: `${ctx.base}?f=html`, rel: 'home', type: 'text/html', title: 'OGC API' },
  { href: `${ctx.base}/collections?f=html`, rel: 'data', type: 'text/html', title: 'Collezioni / Collections' },
];

interface CollectionDoc {
  id: string;
  title: string;
  description: string;
  links: Link[];
  extent?: { spatial: { bbox: number[][] } };
}

export function collectionsHtml(ctx: HtmlContext, collections: readonly CollectionDoc[]): string {
  const body = collections
    .map((c) => `<section><h2><a href="${escapeHtml(`${ctx.base}/collections/${c.id}?f=html`)}">${escapeHtml(c.title)}</a> <code>${escapeHtml(c.id)}</code></h2><p>${escapeHtml(c.description)}</p></section>`)
    .join('');
  return page('Collezioni / Collections', body, home(ctx));
}

export function collectionHtml(ctx: HtmlContext, c: CollectionDoc, filters: readonly string[]): string {
  const bbox = c.extent ? `<p>Estensione / Extent (CRS84): <code>${escapeHtml(c.extent.spatial.bbox[0]?.join(', '))}</code></p>` : '';
  const params = `<p>Parametri / Parameters: <code>bbox</code>, <code>limit</code>, <code>offset</code>, <code>zoom</code>${filters.map((f) => `, <code>${escapeHtml(f)}</code>`).join('')}.</p>`;
  return page(c.title, `<p>${escapeHtml(c.description)}</p>${bbox}${params}${linkList(c.links)}`, home(ctx));
}

export function itemsHtml(
  ctx: HtmlContext,
  collection: { id: string; title: string },
  doc: { features: Feature[]; numberMatched: number; numberReturned: number; links: Link[] },
): string {
  const itemUrl = (f: Feature) => `${ctx.base}/collections/${collection.id}/items/${encodeURIComponent(String(f.id))}?f=html`;
  const paging = doc.links.filter((l) => l.rel === 'next' || l.rel === 'prev' || l.rel === 'alternate');
  const summary = `<p>${doc.numberReturned} di ${doc.numberMatched} elementi / ${doc.numberReturned} of ${doc.numberMatched} items.</p>`;
  return page(collection.title, `${summary}${linkList(paging)}${propertiesTable(doc.features, itemUrl)}`, [
    ...home(ctx),
    { href: `${ctx.base}/collections/${collection.id}?f=html`, rel: 'collection', type: 'text/html', title: collection.title },
  ]);
}

export function itemHtml(ctx: HtmlContext, collection: { id: string; title: string }, feature: Feature & { links: Link[] }): string {
  const rows = Object.entries(feature.properties ?? {})
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${cell(v)}</td></tr>`)
    .join('');
  return page(`${collection.title} ${String(feature.id)}`, `<table><tbody>${rows}</tbody></table>${linkList(feature.links.filter((l) => l.rel !== 'self'))}`, [
    ...home(ctx),
    { href: `${ctx.base}/collections/${collection.id}/items?f=html`, rel: 'items', type: 'text/html', title: collection.title },
  ]);
}
