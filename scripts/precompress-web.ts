// After `vite build`: writes brotli (.br) and gzip (.gz) copies of the portal's text assets, which
// the api serves to browsers that accept them (preCompressed), instead of compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = join(__dirname, '..', 'dist', 'web');
const TEXT = /\.(js|css|html|svg|json|txt)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

let raw = 0;
let br = 0;
for (const path of files(DIST)) {
  const body = readFileSync(path);
  if (body.length < 1024) continue;
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  br += brotli.length;
}
process.stdout.write(`[web] precompressed ${(raw / 1024).toFixed(0)} KB of assets to ${(br / 1024).toFixed(0)} KB (brotli)\n`);
