// Prints the gzipped size of the JavaScript that index.html loads (entry + modulepreloads).
// Usage: node scripts/first-load-size.mjs [build dir]   (default: dist)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
let total = 0;
for (const file of scripts) {
  const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  total += size;
  console.log(`${file.padEnd(48)} ${(size / 1024).toFixed(1)} KiB gzip`);
}
console.log(`first-load JS: ${(total / 1024).toFixed(1)} KiB gzip (goal <= 250)`);
