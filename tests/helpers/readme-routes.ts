/**
 * The routes the API table of docs/api.md documents, as (method, path) pairs in OpenAPI style, so that a
 * test can compare them with the OpenAPI document. A row documents routes when its first cell
 * starts with "`METHOD /path"; the cell's code spans are then read in order:
 *
 * - `GET /api/comuni/:code`: a method and a path (`:name` becomes `{name}`);
 * - `/export.xlsx`, `/fees.csv`: the same method, a path relative to the previous one (its last
 *   segments replaced; from the matching segment on when the first one repeats, as in
 *   `/invitations/:token` after `/api/alliances/:id/invitations`);
 * - `/api/coverage.xlsx?…`, `/ogc/conformance`: the same method, an absolute path;
 * - `.xlsx`: the previous path with another extension;
 * - `DELETE …`: another method on the previous path; `…/x`: a path under the previous resource;
 * - anything else (`{ reason }`, `{members}`) is a request body and is skipped.
 *
 * A cell that starts with a relative path follows the previous row's first path.
 * A `?query` is dropped, and so is a bracketed one (`[?q=&limit=]`); other brackets are optional
 * parts, expanded: `/ogc/collections[/{id}[/items]]` gives three paths.
 */

export interface DocumentedRoute {
  method: string;
  path: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const ROUTE_ROW = new RegExp(`^\\|\\s*\`(${METHODS.join('|')})\\s`);
const WITH_METHOD = new RegExp(`^(${METHODS.join('|')})\\s+(.*)$`);
/** First segments of absolute paths: where the server mounts its API. */
const ROOTS = new Set(['api', 'tiles', 'ogc']);

/** The text of the API section of a document (`# The API` or `## API`, up to the next `## ` heading). */
export function apiSection(markdown: string): string {
  const start = markdown.search(/^#{1,2} (The )?API\s*$/m);
  if (start < 0) throw new Error('the document has no "# The API" or "## API" section');
  const rest = markdown.slice(start + 1);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The cells of a Markdown table row, split at unescaped `|`, with `\|` unescaped. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  const text = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

/** Every variant of a path with optional `[…]` parts (nested ones too). */
export function expandOptional(path: string): string[] {
  const open = path.indexOf('[');
  if (open < 0) return [path];
  let depth = 0;
  let close = -1;
  for (let i = open; i < path.length; i++) {
    if (path[i] === '[') depth++;
    else if (path[i] === ']' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) throw new Error(`unbalanced [ in ${path}`);
  const before = path.slice(0, open);
  const inner = path.slice(open + 1, close);
  const after = path.slice(close + 1);
  return [...expandOptional(before + after), ...expandOptional(inner).flatMap((i) => expandOptional(before + i + after))];
}

/** Drops query strings: `[?q=&limit=]` as a whole, and `?…` to the end. */
const withoutQuery = (path: string) => path.replace(/\[\?[^\]]*\]/g, '').replace(/\?.*$/, '').trim();

/** `:id` → `{id}`. */
const openApiStyle = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

const segments = (path: string) => path.split('/').filter(Boolean);

/**
 * A path written after another (`base`) made whole: absolute ones as they are; `.ext` another
 * extension; `/x` from the segment `x` of the base when it has one, else in place of the base's last
 * segment(s); `…/x` likewise, but after the base's last `{parameter}` when `x` is not in it (`…`
 * stands for the resource: `…/contiguity-exception` after `/api/alliances/{id}`); `…` the base.
 */
export function resolveAgainst(base: string | undefined, written: string): string {
  const ellipsis = /^(…|\.\.\.)/.test(written);
  let target = written.replace(/^(…|\.\.\.)/, '');
  if (!target.startsWith('.') && !target.startsWith('/')) target = `/${target}`;
  const parts = segments(target);
  if (parts.length > 0 && (ROOTS.has(parts[0]!) || (base !== undefined && parts[0] === segments(base)[0]))) return target;
  if (base === undefined) throw new Error(`"${written}" is relative and follows no path`);
  if (target === '/') return base;
  if (target.startsWith('.')) return base.replace(/\.[^./]*$/, '') + target;
  const baseParts = segments(base);
  const repeat = baseParts.lastIndexOf(parts[0]!);
  const lastParameter = baseParts.findLastIndex((p) => /^\{[^}]+\}$/.test(p));
  let kept: string[];
  if (repeat >= 0) kept = baseParts.slice(0, repeat);
  else if (ellipsis && lastParameter >= 0) kept = baseParts.slice(0, lastParameter + 1);
  else kept = baseParts.slice(0, Math.max(0, baseParts.length - parts.length));
  return `/${[...kept, ...parts].join('/')}`;
}

/**
 * The routes of one table row's first cell (empty for rows that are not routes). `after`: the path
 * a cell that starts with a relative one (`PUT …/contiguity-exception`) follows, the previous row's.
 */
export function routesOfCell(cell: string, after?: string): DocumentedRoute[] {
  const routes: DocumentedRoute[] = [];
  let method: string | undefined;
  let previous = after;
  for (const [, span] of cell.matchAll(/`([^`]+)`/g)) {
    const text = span!.trim();
    const withMethod = WITH_METHOD.exec(text);
    let written: string;
    if (withMethod) {
      method = withMethod[1]!;
      written = withMethod[2]!.trim();
    } else if (method && /^(\/|\.|…|\.\.\.)/.test(text)) {
      written = text;
    } else {
      continue; // a request body such as `{ reason }`
    }
    const variants = expandOptional(withoutQuery(written)).map((v) => resolveAgainst(previous, openApiStyle(v)));
    for (const path of variants) routes.push({ method, path });
    previous = variants[0];
  }
  return routes;
}

/** Every (method, path) of the rows of the API table, without repeats. */
export function readmeRoutes(markdown: string): DocumentedRoute[] {
  const seen = new Map<string, DocumentedRoute>();
  let previousRow: string | undefined;
  for (const line of apiSection(markdown).split('\n')) {
    if (!ROUTE_ROW.test(line)) continue;
    const routes = routesOfCell(tableCells(line)[0] ?? '', previousRow);
    for (const route of routes) seen.set(`${route.method} ${route.path}`, route);
    previousRow = routes[0]?.path ?? previousRow;
  }
  return [...seen.values()];
}
