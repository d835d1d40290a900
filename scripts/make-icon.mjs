// Draws the extension icon (images/icon.png, 128x128): a white stack of disks, the usual picture of
// storage, on a blue heptagon that recalls the Kubernetes wheel. Shapes are plain geometry,
// rendered with 4x4 supersampling and written by a minimal PNG encoder (zlib from Node), so the
// icon is reproducible with no image tools installed: `node scripts/make-icon.mjs`.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SAMPLES = 4;
const BLUE = [50, 108, 229]; // #326CE5
const DARK = [28, 70, 170];
const WHITE = [255, 255, 255];
const TOP = [214, 228, 252];

/** Regular heptagon with a vertex at the top. */
const heptagon = Array.from({ length: 7 }, (_, i) => {
  const a = -Math.PI / 2 + (i * 2 * Math.PI) / 7;
  return [64 + 61 * Math.cos(a), 66 + 61 * Math.sin(a)];
});

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Normalised elliptic radius: 1 on the ellipse. */
const er = (x, y, cx, cy, rx, ry) => Math.hypot((x - cx) / rx, (y - cy) / ry);

const CX = 64;
const RX = 28;
const RY = 9;
const TOP_Y = 42;
const BOTTOM_Y = 90;
const SEAMS = [58, 74];

/** The colour of one sample point, or null for transparent. */
function colour(x, y) {
  if (!insidePolygon(x, y, heptagon)) return null;
  const inBody = x >= CX - RX && x <= CX + RX && y >= TOP_Y && y <= BOTTOM_Y;
  const inBottom = er(x, y, CX, BOTTOM_Y, RX, RY) <= 1;
  const inTop = er(x, y, CX, TOP_Y, RX, RY) <= 1;
  if (!(inBody || inBottom || inTop)) return BLUE;
  const line = 1.6; // seam width in pixels
  if (inTop) {
    return Math.abs(er(x, y, CX, TOP_Y, RX, RY) - 1) * RY < line * 0.8 ? DARK : TOP;
  }
  for (const s of SEAMS) {
    if (y >= s && Math.abs(er(x, y, CX, s, RX, RY) - 1) * RY < line) return DARK;
  }
  return WHITE;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colour(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    }
    const o = (py * SIZE + px) * 4;
    if (a > 0) {
      rgba[o] = Math.round(r / a);
      rgba[o + 1] = Math.round(g / a);
      rgba[o + 2] = Math.round(b / a);
    }
    rgba[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++)
  rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
