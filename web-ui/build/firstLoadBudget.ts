import type { Plugin, Rollup } from 'vite';
import { encodings } from './encodings.ts';

/** A first visit: a page typed into the address bar, or opened from a bookmark. */
export interface Visit {
  /** The page the visit lands on, as its module's path. */
  landingPage: string;
  /** The pages it preloads once it shows (its neighbours in src/app/pages.tsx: a row's page, a form), module paths. */
  neighbours?: readonly string[];
}

interface Options {
  /** The visits to check: the home page (the index redirects to it) and the pages users land on. */
  visits: readonly Visit[];
  /**
   * The pages the shell preloads once idle (the navigation's: one click away), as module paths. Without it, every page
   * the entry imports on demand is counted.
   */
  idlePreloads?: readonly string[];
  /** Most kilobytes (1000 bytes) of gzipped JavaScript a first visit may transfer. */
  budgetKb: number;
}

type Chunks = Map<string, Rollup.OutputChunk>;

/** The chunks a set of chunks loads: their static imports, and with `dynamic` also what they import on demand. */
function closure(chunks: Chunks, start: Rollup.OutputChunk[], dynamic: boolean): Rollup.OutputChunk[] {
  const seen = new Map<string, Rollup.OutputChunk>();
  const visit = (chunk: Rollup.OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    chunk.imports.forEach((name) => visit(chunks.get(name)));
    if (dynamic) chunk.dynamicImports.forEach((name) => visit(chunks.get(name)));
  };
  start.forEach(visit);
  return [...seen.values()];
}

function sizes(files: Rollup.OutputChunk[]) {
  const raw = files.reduce((sum, file) => sum + Buffer.byteLength(file.code), 0);
  const gzip = files.reduce((sum, file) => sum + encodings(file.code).gz.length, 0);
  const br = files.reduce((sum, file) => sum + encodings(file.code).br.length, 0);
  return { raw, gzip, br };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(6)} kB`;

/**
 * Fails the build when a first visit transfers more JavaScript than the budget. It follows the built module graph:
 * what the landing page needs to show (the entry, the page's chunk and their static imports), and everything the
 * visit fetches once idle (the pages the shell preloads and those the landing page preloads, not what the pages load
 * on demand), counted gzipped as a browser without Brotli gets it.
 */
export function firstLoadBudget({ visits, idlePreloads, budgetKb }: Options): Plugin {
  return {
    name: 'crm-first-load-budget',
    apply: 'build',
    // last, when Vite has finished rewriting the chunks
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const chunks: Chunks = new Map(
          Object.values(bundle)
            .filter((file): file is Rollup.OutputChunk => file.type === 'chunk')
            .map((chunk) => [chunk.fileName, chunk]),
        );
        const pageChunk = (path: string) => {
          const chunk = [...chunks.values()].find((candidate) => candidate.facadeModuleId?.endsWith(path));
          if (!chunk) this.error(`no chunk for the page ${path}`);
          return chunk;
        };
        const entries = [...chunks.values()].filter((chunk) => chunk.isEntry);
        // Once idle the shell preloads the pages in reach (the entry's dynamic imports, all of them or those listed) and
        // what they import statically. What a page itself imports on demand (an editor shown on a click) is not fetched
        // by a visit, and not counted.
        const shell = closure(chunks, entries, false);
        const inReach = (chunk: Rollup.OutputChunk | undefined): chunk is Rollup.OutputChunk =>
          chunk !== undefined && (!idlePreloads || idlePreloads.some((path) => chunk.facadeModuleId?.endsWith(path)));
        const navigation = shell.flatMap((chunk) => chunk.dynamicImports.map((name) => chunks.get(name))).filter(inReach);
        if (idlePreloads && navigation.length !== idlePreloads.length) {
          this.error(`idlePreloads names ${idlePreloads.length} pages, the build has chunks for ${navigation.length} of them`);
        }
        for (const { landingPage, neighbours = [] } of visits) {
          const page = pageChunk(landingPage);
          const shown = sizes(closure(chunks, [...entries, page], false));
          const preloaded = [...shell, ...navigation, page, ...neighbours.map(pageChunk)];
          const visit = sizes(closure(chunks, preloaded, false));
          this.info(
            `first visit to ${landingPage}: shown with ${kb(shown.gzip)} gzip (${kb(shown.br)} br, ${kb(shown.raw)} raw); ` +
              `with idle preloads ${kb(visit.gzip)} gzip (${kb(visit.br)} br, ${kb(visit.raw)} raw); budget ${budgetKb} kB gzip`,
          );
          if (process.env.CRM_UI_BUDGET_DETAIL) {
            closure(chunks, preloaded, false)
              .map((chunk) => ({ name: chunk.fileName, gzip: encodings(chunk.code).gz.length }))
              .sort((a, b) => b.gzip - a.gzip)
              .forEach(({ name, gzip }) => this.info(`  ${kb(gzip)} ${name}`));
          }
          if (visit.gzip > budgetKb * 1000) {
            this.error(
              `a first visit to ${landingPage} transfers ${kb(visit.gzip)} of gzipped JavaScript, over the budget of ${budgetKb} kB`,
            );
          }
        }
      },
    },
  };
}
