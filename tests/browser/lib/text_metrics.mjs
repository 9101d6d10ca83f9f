// How crisp text is in a screenshot. Text drawn for the real pixel ratio has strokes whose edges
// are one device pixel wide, so at 2× most "ink" pixels are fully dark; text drawn at 1× and
// stretched has edges as wide as a CSS pixel, so the share of full-ink pixels stays that of 1×.
//   solidShare(img, rect): full-ink pixels / all ink pixels, in a region of dark text on a light,
//   uniform background (the menu bar's "Fichier Édition Affichage Aide").
import { pixel } from '../../lib/png.mjs';

const grey = (img, x, y) => {
  const [r, g, b] = pixel(img, x, y);
  return (r * 299 + g * 587 + b * 114) / 1000;
};

export function solidShare(img, { x, y, w, h }) {
  const x0 = Math.max(0, Math.round(x)), y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(img.width, Math.round(x + w)), y1 = Math.min(img.height, Math.round(y + h));
  const hist = new Array(256).fill(0);
  for (let j = y0; j < y1; j++) for (let i = x0; i < x1; i++) hist[Math.round(grey(img, i, j))]++;
  const bg = hist.indexOf(Math.max(...hist));
  let darkest = 255;
  for (let v = 0; v < 256; v++) if (hist[v]) { darkest = v; break; }
  const depth = bg - darkest;
  let ink = 0, solid = 0;
  for (let j = y0; j < y1; j++)
    for (let i = x0; i < x1; i++) {
      const d = bg - grey(img, i, j);
      if (d > depth * 0.15) ink++;
      if (d > depth * 0.8) solid++;
    }
  return { ink, solid, share: ink ? solid / ink : 0, background: bg, darkest };
}

// The same image scaled up by an integer factor with bilinear filtering: what a browser shows when
// a 1× canvas is stretched over a 2× screen (the blurry case the app must avoid).
export function upscale(img, f) {
  const width = img.width * f, height = img.height * f, channels = 3;
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const sx = Math.min(img.width - 1.001, Math.max(0, (x + 0.5) / f - 0.5));
      const sy = Math.min(img.height - 1.001, Math.max(0, (y + 0.5) / f - 0.5));
      const ix = Math.floor(sx), iy = Math.floor(sy), fx = sx - ix, fy = sy - iy;
      const p00 = pixel(img, ix, iy), p10 = pixel(img, ix + 1, iy), p01 = pixel(img, ix, iy + 1), p11 = pixel(img, ix + 1, iy + 1);
      for (let c = 0; c < 3; c++)
        data[(y * width + x) * 3 + c] = Math.round(p00[c] * (1 - fx) * (1 - fy) + p10[c] * fx * (1 - fy) + p01[c] * (1 - fx) * fy + p11[c] * fx * fy);
    }
  return { width, height, channels, data };
}
