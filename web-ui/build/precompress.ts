import type { Plugin } from 'vite';
import { encodings } from './encodings.ts';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the build, at the highest levels once
 * here instead of per request; the gateway serves the copy the browser accepts (Spring's EncodedResourceResolver).
 * Files too small to gain are left alone.
 */
export function precompress({ minBytes = 1024 } = {}): Plugin {
  return {
    name: 'crm-precompress',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (!COMPRESSIBLE.test(file.fileName)) continue;
          const content = file.type === 'chunk' ? file.code : file.source;
          const length = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
          if (length < minBytes) continue;
          const { br, gz } = encodings(content);
          for (const [suffix, encoded] of [['.br', br], ['.gz', gz]] as const) {
            if (encoded.length < length) {
              this.emitFile({ type: 'asset', fileName: file.fileName + suffix, source: encoded });
            }
          }
        }
      },
    },
  };
}
