// PNG decoding for test checks (8-bit RGB/RGBA, non-interlaced: what Chromium's screenshots and
// the native app's --screenshot produce), plus pixel statistics. Node's zlib only.
import fs from 'node:fs';
import zlib from 'node:zlib';

export function decodePng(bufOrPath) {
  const buf = typeof bufOrPath === 'string' ? fs.readFileSync(bufOrPath) : bufOrPath;
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      const depth = data[8], color = data[9], interlace = data[12];
      if (depth !== 8 || interlace !== 0 || (color !== 2 && color !== 6)) throw new Error(`unsupported PNG (depth ${depth}, color ${color})`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = out.subarray(y * stride, (y + 1) * stride), prev = y ? out.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0, b = prev ? prev[i] : 0, c = prev && i >= channels ? prev[i - channels] : 0;
      let p;
      switch (filter) {
        case 0: p = 0; break;
        case 1: p = a; break;
        case 2: p = b; break;
        case 3: p = (a + b) >> 1; break;
        case 4: { const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c); p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c; break; }
        default: throw new Error(`bad PNG filter ${filter}`);
      }
      cur[i] = (line[i] + p) & 0xff;
    }
  }
  return { width, height, channels, data: out };
}

export function pixel(img, x, y) {
  const o = (y * img.width + x) * img.channels;
  return [img.data[o], img.data[o + 1], img.data[o + 2]];
}

// Distinct colours in a region (capped), and how many pixels are "dark" (text on a light theme).
export function stats(img, { x = 0, y = 0, w = img.width, h = img.height } = {}) {
  const colours = new Set();
  let dark = 0;
  for (let j = Math.max(0, y); j < Math.min(img.height, y + h); j++)
    for (let i = Math.max(0, x); i < Math.min(img.width, x + w); i++) {
      const [r, g, b] = pixel(img, i, j);
      if (colours.size < 4096) colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 200) dark++;
    }
  return { colours: colours.size, dark };
}

// Number of pixels that differ between two same-sized images within a region.
export function diffCount(a, b, { x = 0, y = 0, w = a.width, h = a.height } = {}) {
  if (a.width !== b.width || a.height !== b.height) throw new Error('size mismatch');
  let n = 0;
  for (let j = Math.max(0, y); j < Math.min(a.height, y + h); j++)
    for (let i = Math.max(0, x); i < Math.min(a.width, x + w); i++) {
      const p = pixel(a, i, j), q = pixel(b, i, j);
      if (p[0] !== q[0] || p[1] !== q[1] || p[2] !== q[2]) n++;
    }
  return n;
}
