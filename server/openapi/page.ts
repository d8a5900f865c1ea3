import { escapeHtml } from '../ogc/html';
import type { JsonSchema, OpenApiDocument, OperationObject, Parameter } from './document';

/**
 * `/api/docs`: the OpenAPI document as one readable page, grouped by tag. Server-rendered, no
 * script (the Content-Security-Policy allows none inline), one small `<style>` (it allows those),
 * and it wraps everything, so a 390 px phone never scrolls sideways.
 */

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a;overflow-wrap:anywhere}
a{color:#0b5394}h2{margin-top:2.5rem;border-bottom:2px solid #0b5394}h3{font-size:1.05rem;margin:0 0 .25rem}
code,pre{font:.9em/1.4 ui-monospace,monospace;background:#f3f3f3}code{padding:0 .2rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;padding:.5rem;margin:.25rem 0}
.op{border:1px solid #ddd;border-radius:.4rem;padding:.75rem;margin:1rem 0}
.m{display:inline-block;min-width:4.2rem;text-align:center;border-radius:.25rem;padding:0 .3rem;margin-right:.3rem;color:#fff;font-size:.85rem;font-weight:700}
.get{background:#1d6b3a}.post{background:#0b5394}.put{background:#7a4b00}.patch{background:#6a3d9a}.delete{background:#a32020}
.en{color:#555}ul{padding-left:1.2rem}li{margin:.15rem 0}dt{font-weight:600;margin-top:.5rem}dd{margin:0}
nav ul{columns:16rem}`;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A short reading of a parameter's schema: `integer, 1–500, default 200`. */
export function schemaText(schema: JsonSchema): string {
  const parts: string[] = [];
  if (typeof schema.type === 'string') parts.push(schema.type);
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (schema.const !== undefined) parts.push(`exactly ${JSON.stringify(schema.const)}`);
  // Zod's integers are bounded by the safe range: no bound worth reading.
  const bound = (n: unknown) => (typeof n === 'number' && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
  const min = bound(schema.minimum) ?? bound(schema.exclusiveMinimum);
  const max = bound(schema.maximum);
  if (min !== undefined && max !== undefined) parts.push(`${min}–${max}`);
  else if (min !== undefined) parts.push(`≥ ${min}`);
  else if (max !== undefined) parts.push(`≤ ${max}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${String(schema.maxLength)} characters`);
  if (typeof schema.pattern === 'string') parts.push(`pattern ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

function parameterItem(p: Parameter): string {
  const where = { path: 'percorso / path', query: 'query', header: 'intestazione / header' }[p.in];
  const needed = p.required ? 'obbligatorio / required' : 'facoltativo / optional';
  const description = p.description ? ` — ${escapeHtml(p.description)}` : '';
  return `<li><code>${escapeHtml(p.name)}</code> <small>(${where}, ${needed})</small> <code>${escapeHtml(schemaText(p.schema))}</code>${description}</li>`;
}

function bodySection(doc: OpenApiDocument, op: OperationObject): string {
  const media = op.requestBody?.content['application/json'];
  if (!media?.schema) return '';
  const ref = typeof media.schema.$ref === 'string' ? media.schema.$ref.replace('#/components/schemas/', '') : undefined;
  const schema = ref ? doc.components.schemas[ref] : media.schema;
  const label = ref ? ` <code>${escapeHtml(ref)}</code>` : '';
  return `<details><summary>Corpo della richiesta / Request body (JSON)${label}</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

function operationHtml(doc: OpenApiDocument, path: string, method: (typeof METHODS)[number], op: OperationObject): string {
  const params = op.parameters?.length ? `<dt>Parametri / Parameters</dt><dd><ul>${op.parameters.map(parameterItem).join('')}</ul></dd>` : '';
  const security = op.security?.length
    ? `<dt>Autorizzazione / Authorization</dt><dd><code>Authorization: Bearer &lt;${escapeHtml(Object.keys(op.security[0]!)[0])}&gt;</code></dd>`
    : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => {
      const types = Object.keys(r.content ?? {});
      return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(r.description)}${types.length ? ` <small>(${types.map((t) => `<code>${escapeHtml(t)}</code>`).join(', ')})</small>` : ''}</li>`;
    })
    .join('');
  return `<article class="op" id="${escapeHtml(op.operationId)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op['x-summary'].it)}<br><span class="en" lang="en">${escapeHtml(op['x-summary'].en)}</span></p>
<dl>${security}${params}<dt>Risposte / Responses</dt><dd><ul>${responses}</ul></dd></dl>${bodySection(doc, op)}</article>`;
}

/** The whole page. */
export function docsPage(doc: OpenApiDocument): string {
  const sections = doc.tags.map((tag, i) => {
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const op = item[method];
        return op && op.tags.includes(tag.name) ? [operationHtml(doc, path, method, op)] : [];
      }),
    );
    return { id: `tag-${i}`, name: tag.name, html: ops.join('\n') };
  });
  const toc = sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.name)}</a></li>`).join('');
  const body = sections.map((s) => `<section aria-labelledby="${s.id}"><h2 id="${s.id}">${escapeHtml(s.name)}</h2>${s.html}</section>`).join('\n');
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API · ALI Atlas</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>Il documento OpenAPI 3.1 è in <a href="/api/openapi.json"><code>/api/openapi.json</code></a>.
<span class="en" lang="en">The OpenAPI 3.1 document is at <a href="/api/openapi.json"><code>/api/openapi.json</code></a>.</span></p>
<p>Gli errori sono sempre <code>{ "error": { "code", "message", "details"? } }</code>. Chi modifica un'alleanza manda
<code>Authorization: Bearer &lt;editToken&gt;</code> e <code>If-Match: &lt;versione&gt;</code>; le azioni di amministrazione
<code>Authorization: Bearer &lt;ADMIN_TOKEN&gt;</code>.
<span class="en" lang="en">Errors are always <code>{ "error": { "code", "message", "details"? } }</code>. Changing an alliance takes
<code>Authorization: Bearer &lt;editToken&gt;</code> and <code>If-Match: &lt;version&gt;</code>; administrators' actions
<code>Authorization: Bearer &lt;ADMIN_TOKEN&gt;</code>.</span></p>
<nav aria-label="Indice / Contents"><ul>${toc}</ul></nav>
${body}</main></body></html>`;
}
