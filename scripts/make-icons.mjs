#!/usr/bin/env node
// Draws Moonlit's toolbar icon (a crescent moon on a night-blue disc) as PNGs
// in public/icon/, with no image tools needed. Run again after changing it.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

/** Coverage of a pixel by a shape, with 4×4 supersampling for smooth edges. */
function sample(size, x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
    }
  return hits / 16;
}

function icon(size) {
  const disc = (u, v) => (u - 0.5) ** 2 + (v - 0.5) ** 2 <= 0.48 ** 2;
  const moon = (u, v) => (u - 0.47) ** 2 + (v - 0.5) ** 2 <= 0.3 ** 2 && (u - 0.6) ** 2 + (v - 0.4) ** 2 > 0.25 ** 2;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const d = sample(size, x, y, disc);
      const m = sample(size, x, y, moon);
      // Night blue disc, warm moonlight crescent.
      const r = Math.round(30 * (1 - m) + 255 * m),
        g = Math.round(40 * (1 - m) + 226 * m),
        b = Math.round(110 * (1 - m) + 150 * m);
      row.push(r, g, b, Math.round(255 * d));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = new URL('../public/icon/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`${size}.png`, dir), icon(size));
console.log('icons written to public/icon/');
