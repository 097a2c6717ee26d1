// What the browser downloads before the sign-in page shows: the entry script, the chunks it preloads and the CSS named
// in dist/web/index.html, raw and gzipped (level 9, as a server or proxy would send it). Then every chunk of the app.
// Run after `npm run build`: node --import tsx bench/web-bundle.ts
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = path.resolve(import.meta.dirname, '../dist/web');
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const named = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const sizeOf = (file: string) => {
  const body = fs.readFileSync(path.join(dir, file));
  return { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length };
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sum = (files: string[]) =>
  files.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

const scripts = named.filter((f) => f.endsWith('.js'));
const css = named.filter((f) => f.endsWith('.css'));
const all = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'));
const s = sum(scripts);
const c = sum(css);
const a = sum(all.map((f) => `assets/${f}`));
console.log(`before the sign-in page: script ${kb(s.raw)} (${kb(s.gzip)} gzipped) in ${scripts.length} files`);
console.log(`before the sign-in page: CSS ${kb(c.raw)} (${kb(c.gzip)} gzipped)`);
console.log(`whole app: script ${kb(a.raw)} (${kb(a.gzip)} gzipped) in ${all.length} chunks`);
const biggest = all
  .map((f) => ({ f, ...sizeOf(`assets/${f}`) }))
  .sort((x, y) => y.gzip - x.gzip)
  .slice(0, 5);
for (const b of biggest) console.log(`  ${b.f}: ${kb(b.raw)} (${kb(b.gzip)} gzipped)`);
