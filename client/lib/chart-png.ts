// A chart as a picture someone can paste into a board pack: the chart's own SVG drawn onto a
// canvas at twice its size, with its title above and its key below (recharts draws the key in
// HTML, outside the SVG, so it is drawn again here from what the page shows).

type KeyItem = { label: string; colour: string; hatched: boolean };

const SCALE = 2;
const PAD = 16;
const TITLE_SIZE = 18;
const KEY_SIZE = 14;

/** The chart's key as the page shows it: each entry's words and the colour of its swatch. */
function readKey(area: Element, chart: SVGSVGElement): KeyItem[] {
  return [...area.querySelectorAll('.recharts-legend-item')].map((item) => {
    const swatch = item.querySelector('path, rect, line');
    const fill = swatch?.getAttribute('fill') ?? '';
    const pattern = /^url\(#(.+)\)$/.exec(fill);
    if (pattern) {
      // A hatched series: its key is hatched in the pattern's colour, as on the chart.
      const line = chart.querySelector(`pattern[id="${CSS.escape(pattern[1]!)}"] line`);
      return { label: (item.textContent ?? '').trim(), colour: line?.getAttribute('stroke') ?? '#0b0c0c', hatched: true };
    }
    const colour = fill && fill !== 'none' ? fill : (swatch?.getAttribute('stroke') ?? '#0b0c0c');
    return { label: (item.textContent ?? '').trim(), colour, hatched: false };
  });
}

function drawSwatch(context: CanvasRenderingContext2D, item: KeyItem, x: number, y: number): void {
  if (!item.hatched) {
    context.fillStyle = item.colour;
    context.fillRect(x, y, KEY_SIZE, KEY_SIZE);
    return;
  }
  context.save();
  context.beginPath();
  context.rect(x, y, KEY_SIZE, KEY_SIZE);
  context.clip();
  context.strokeStyle = item.colour;
  context.lineWidth = 2;
  for (let offset = -KEY_SIZE; offset < KEY_SIZE; offset += 4) {
    context.beginPath();
    context.moveTo(x + offset, y + KEY_SIZE);
    context.lineTo(x + offset + KEY_SIZE, y);
    context.stroke();
  }
  context.restore();
  context.strokeStyle = item.colour;
  context.strokeRect(x + 0.5, y + 0.5, KEY_SIZE - 1, KEY_SIZE - 1);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as a picture.'));
    image.src = url;
  });
}

/** Draws the chart in `area` (its title given) as a PNG. */
export async function chartAsPng(area: Element, title: string): Promise<Blob> {
  const svg = area.querySelector('.recharts-wrapper > svg.recharts-surface');
  if (!(svg instanceof SVGSVGElement)) throw new Error('There is no chart drawn here to save.');
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  // Outside the page the SVG has no style sheet: give it its size and font.
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  clone.querySelectorAll('.recharts-tooltip-cursor').forEach((cursor) => cursor.remove());
  // A data: address, as the page's content security policy allows images from no other.
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`);
  {
    const key = readKey(area, svg);
    const font = getComputedStyle(svg).fontFamily;
    const canvas = document.createElement('canvas');
    const titleHeight = TITLE_SIZE * 1.6;
    const keyHeight = key.length > 0 ? KEY_SIZE * 2.2 : 0;
    canvas.width = Math.ceil((width + PAD * 2) * SCALE);
    canvas.height = Math.ceil((PAD * 2 + titleHeight + height + keyHeight) * SCALE);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This browser cannot draw the chart as a picture.');
    context.scale(SCALE, SCALE);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.fillStyle = '#0b0c0c';
    context.font = `700 ${TITLE_SIZE}px ${font}`;
    context.textBaseline = 'top';
    context.fillText(title, PAD, PAD, width);
    context.drawImage(image, PAD, PAD + titleHeight, width, height);
    context.font = `${KEY_SIZE}px ${font}`;
    let x = PAD;
    const y = PAD + titleHeight + height + KEY_SIZE * 0.6;
    for (const item of key) {
      drawSwatch(context, item, x, y);
      context.fillStyle = '#0b0c0c';
      context.fillText(item.label, x + KEY_SIZE + 6, y);
      x += KEY_SIZE + 6 + context.measureText(item.label).width + 24;
    }
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be saved as a picture.'))), 'image/png'));
  }
}

/** A file name from the chart's title: "ICT: target against delivered" → "ict-target-against-delivered.png". */
export function pngFileName(title: string): string {
  const stem = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'chart'}.png`;
}
