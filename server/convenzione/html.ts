import type { ConvenzioneBlock, ConvenzioneDocument } from '../../domain/convenzione';
import type { ConvenzioneVersion } from '../queries/convenzione-versions';
import { versionLine } from './docx';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Screen and print: A4, serif body, tables that break between rows, no navigation in print. */
const STYLE = `
body { font-family: Georgia, 'Times New Roman', serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
.marking { border: 2px solid #b00020; color: #b00020; font-weight: bold; padding: .5rem; text-align: center; }
h1 { font-size: 1.4rem; text-align: center; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
.version { text-align: center; font-size: .8rem; color: #555; overflow-wrap: anywhere; }
p { text-align: justify; }
.table { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border: 1px solid #999; padding: .2rem .4rem; vertical-align: top; } td.n { text-align: right; white-space: nowrap; }
nav a { margin-right: 1rem; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { margin: 0; max-width: none; font-size: 11pt; }
  nav { display: none; }
  tr, h2 { break-inside: avoid; } h2 { break-after: avoid; }
  .table { overflow: visible; }
}`;

/** The draft convenzione as a page to read and print. */
export function convenzioneHtml(doc: ConvenzioneDocument, version: ConvenzioneVersion, docxHref: string): string {
  const articles = doc.articles.map((a) => `<section data-element="${a.element}"><h2>${escape(a.heading)}</h2>${a.blocks.map(render).join('')}</section>`).join('\n');
  return `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(doc.title)}</title><style>${STYLE}</style></head>
<body><nav><a href="${escape(docxHref)}">Scarica in Word (.docx)</a></nav>
<p class="marking">${escape(doc.marking)}</p>
<h1>${escape(doc.title)}</h1>
<p class="version">${escape(versionLine(version))}</p>
${articles}
</body></html>`;
}

function render(block: ConvenzioneBlock): string {
  if (block.kind === 'paragraph') return `<p>${escape(block.text)}</p>`;
  const { header, rows, numeric } = block.table;
  const cells = (row: string[], tag: 'th' | 'td') => row.map((text, i) => `<${tag}${tag === 'td' && numeric.includes(i) ? ' class="n"' : ''}>${escape(text)}</${tag}>`).join('');
  return `<div class="table"><table><thead><tr>${cells(header, 'th')}</tr></thead><tbody>${rows.map((r) => `<tr>${cells(r, 'td')}</tr>`).join('')}</tbody></table></div>`;
}
