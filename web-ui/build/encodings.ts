import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Encoded {
  br: Buffer;
  gz: Buffer;
}

const cache = new Map<string, Encoded>();

/**
 * A file's Brotli and gzip encodings at the highest levels, computed once per content for all plugins (keyed by the
 * content, not the name: Vite still rewrites chunks, e.g. their preload lists, after the first plugins saw them).
 */
export function encodings(content: string | Uint8Array): Encoded {
  const raw = Buffer.from(content);
  const key = createHash('sha256').update(raw).digest('hex');
  let encoded = cache.get(key);
  if (!encoded) {
    encoded = {
      br: brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }),
      gz: gzipSync(raw, { level: 9 }),
    };
    cache.set(key, encoded);
  }
  return encoded;
}
