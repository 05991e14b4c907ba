// `npm run size`: how many minified bytes of the script-tag build each source file contributes (via the source map), to see where the size budget goes.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
const file = process.argv[2] ?? 'dist/zoom-cobrowse-widget.iife.js';
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(file + '.map', 'utf8'));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const dec = (s) => { const out = []; let v = 0, sh = 0; for (const ch of s) { let d = B64.indexOf(ch); const c = d & 32; d &= 31; v += d << sh; if (c) sh += 5; else { out.push(v & 1 ? -(v >> 1) : v >> 1); v = 0; sh = 0; } } return out; };
const lines = code.split('\n'); const bytes = new Map(); let src = 0;
map.mappings.split(';').forEach((line, li) => {
  let col = 0; const segs = line ? line.split(',').map(dec) : [];
  const pts = [];
  for (const s of segs) { col += s[0]; if (s.length > 1) src += s[1]; pts.push([col, s.length > 1 ? src : -1]); if (s.length > 1) { /* skip line/col */ } }
  // need cumulative orig line/col state too (ignored)
  const L = lines[li] ?? '';
  for (let i = 0; i < pts.length; i++) { const end = i + 1 < pts.length ? pts[i + 1][0] : L.length; const k = pts[i][1] < 0 ? '(none)' : map.sources[pts[i][1]]; bytes.set(k, (bytes.get(k) || 0) + (end - pts[i][0])); }
});
const rows = [...bytes].sort((a, b) => b[1] - a[1]); let tot = 0; for (const [, v] of rows) tot += v;
for (const [k, v] of rows) console.log(String(v).padStart(7), (100 * v / tot).toFixed(1).padStart(5) + '%', k.replace(/.*node_modules\//, 'nm/'));
console.log(tot, 'minified bytes in all;', gzipSync(code, { level: 9 }).length, 'gzip -9');
