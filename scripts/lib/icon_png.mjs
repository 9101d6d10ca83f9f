// Draws the app icon as a PNG with the shapes of web/icon.svg (rounded rectangles on a 512 grid),
// so the build needs no SVG renderer: 4×4 samples per pixel for smooth edges, then zlib.
//   drawIconPng(size, maskable) -> Buffer
// `maskable`: the background fills the whole square (the platform cuts its own shape; the cross
// stays inside the central 80 % "safe zone" of the maskable icon spec).
import zlib from 'node:zlib';

const BLUE = [0x2a, 0x63, 0xb8], LIGHT = [0x9f, 0xd3, 0xe6], WHITE = [0xff, 0xff, 0xff];
// x, y, w, h, corner radius, colour: the same rectangles as web/icon.svg, in its 512 units.
const SHAPES = [
  [96, 96, 320, 48, 16, LIGHT],
  [216, 176, 80, 240, 12, WHITE],
  [136, 256, 240, 80, 12, WHITE],
];

const inRoundRect = (px, py, [x, y, w, h, r]) => {
  if (px < x || py < y || px > x + w || py > y + h) return false;
  const cx = Math.min(Math.max(px, x + r), x + w - r), cy = Math.min(Math.max(py, y + r), y + h - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
};

function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4), crc = Buffer.alloc(4), td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  len.writeUInt32BE(data.length);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

export function drawIconPng(size, maskable) {
  const S = 4, scale = 512 / size;
  const background = maskable ? [0, 0, 512, 512, 0, BLUE] : [0, 0, 512, 512, 96, BLUE];
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    rows[row] = 0;  // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = (x + (sx + 0.5) / S) * scale, py = (y + (sy + 0.5) / S) * scale;
          if (!inRoundRect(px, py, background)) continue;
          let c = BLUE;
          for (const s of SHAPES) if (inRoundRect(px, py, s)) c = s[5];
          r += c[0]; g += c[1]; b += c[2]; a += 255;
        }
      }
      const n = S * S, o = row + 1 + x * 4;
      // Premultiplied sums back to straight alpha.
      rows[o] = a ? Math.round((r * 255) / a) : 0;
      rows[o + 1] = a ? Math.round((g * 255) / a) : 0;
      rows[o + 2] = a ? Math.round((b * 255) / a) : 0;
      rows[o + 3] = Math.round(a / n);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);  // 8 bits, RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
