// Start page issue: the initial web bundle (what index.html loads before any lazy route)
// is at most 300 kB compressed. Reads the production build in dist/apps/web/browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ROOT } from './lib.mjs';

const LIMIT_KB = 300;
const dir = join(ROOT, 'dist/apps/web/browser');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
// scripts, module preloads (the initial chunks) and stylesheets named in index.html
const files = [
  ...[...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link[^>]+rel="(?:modulepreload|stylesheet)"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link[^>]+href="([^"]+)"[^>]+rel="(?:modulepreload|stylesheet)"/g)].map((m) => m[1]),
].filter((f, i, all) => !/^https?:/.test(f) && all.indexOf(f) === i);

let raw = 0;
let gzip = 0;
let brotli = 0;
for (const file of files) {
  const content = readFileSync(join(dir, file));
  const g = gzipSync(content, { level: 9 }).length;
  const b = brotliCompressSync(content).length;
  raw += content.length;
  gzip += g;
  brotli += b;
  console.log(`${file.padEnd(40)} ${(content.length / 1024).toFixed(1).padStart(8)} kB raw ${(g / 1024).toFixed(1).padStart(8)} kB gzip ${(b / 1024).toFixed(1).padStart(8)} kB brotli`);
}
const htmlGzip = gzipSync(html, { level: 9 }).length;
console.log(`index.html ${(html.length / 1024).toFixed(1)} kB raw, ${(htmlGzip / 1024).toFixed(1)} kB gzip`);
console.log(`initial bundle: ${files.length} files, ${(raw / 1024).toFixed(1)} kB raw, ${((gzip + htmlGzip) / 1024).toFixed(1)} kB gzip, ${(brotli / 1024).toFixed(1)} kB brotli`);
const ok = (gzip + htmlGzip) / 1024 <= LIMIT_KB;
console.log(`target (initial bundle <= ${LIMIT_KB} kB compressed, gzip): ${ok ? 'met' : 'MISSED'}`);
if (!ok) process.exitCode = 1;
