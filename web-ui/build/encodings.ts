import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Encoded {
  br: Buffer;
  gz: Buffer;
}

const cache = new Map<string, Encoded>();

/** A file's Brotli and gzip encodings at the highest levels, computed once per build for all plugins. */
export function encodings(fileName: string, content: string | Uint8Array): Encoded {
  let encoded = cache.get(fileName);
  if (!encoded) {
    const raw = Buffer.from(content);
    encoded = {
      br: brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }),
      gz: gzipSync(raw, { level: 9 }),
    };
    cache.set(fileName, encoded);
  }
  return encoded;
}
