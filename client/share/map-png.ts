/** What a PNG of the map carries besides the map: its title, the legend and the sources. */
export interface PngLegend {
  title: string;
  items: readonly { colour: string; label: string }[];
  source: string;
  attribution: string;
}

const PAD = 16;
const ROW = 22;
const FONT = '14px system-ui, sans-serif';

/** Words into lines no wider than `width` (for the attribution under the legend). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The map with a band below it: title, legend in columns, source and attribution. */
export function composeMapPng(map: HTMLCanvasElement, legend: PngLegend, scale = 1): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const width = map.width;
  ctx.font = FONT;
  const columns = Math.max(1, Math.floor((width / scale - 2 * PAD) / 220));
  const rows = Math.ceil(legend.items.length / columns);
  const notes = wrap(ctx, `${legend.source} · ${legend.attribution}`, width / scale - 2 * PAD);
  const band = PAD * 2 + ROW * (1 + rows + notes.length);
  canvas.width = width;
  canvas.height = map.height + band * scale;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width / scale, canvas.height / scale);
  ctx.drawImage(map, 0, 0, map.width / scale, map.height / scale);
  let y = map.height / scale + PAD + 14;
  ctx.fillStyle = '#111111';
  ctx.font = `bold ${FONT}`;
  ctx.fillText(legend.title, PAD, y);
  ctx.font = FONT;
  legend.items.forEach((item, i) => {
    const x = PAD + (i % columns) * 220;
    const rowY = y + ROW * (1 + Math.floor(i / columns));
    ctx.fillStyle = item.colour;
    ctx.fillRect(x, rowY - 12, 18, 14);
    ctx.strokeStyle = '#00000055';
    ctx.strokeRect(x, rowY - 12, 18, 14);
    ctx.fillStyle = '#111111';
    ctx.fillText(item.label, x + 26, rowY);
  });
  y += ROW * (1 + rows);
  ctx.fillStyle = '#444444';
  for (const line of notes) {
    ctx.fillText(line, PAD, y);
    y += ROW;
  }
  return canvas;
}

/** Saves a canvas as a PNG file through the browser's download. */
export function downloadPng(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('PNG'));
        return;
      }
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      resolve();
    }, 'image/png');
  });
}
