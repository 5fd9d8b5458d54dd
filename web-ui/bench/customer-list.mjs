// Browser timing of the customer list (run by `./crm bench ui` against a running stack; not a test).
// Prints, over CRM_BENCH_RUNS runs each: a full page load of /customers until the first 50 customers are shown, an
// in-app navigation to the list until they are shown, the list API call as the browser saw it (Resource Timing), and the
// same call sent again and again: from the settled page, from a Chromium that no driver watches, and from wrk.
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { fetchLoopInBareChromium, fetchOneAfterAnother } from './bare-chromium.mjs';

const base = process.env.CRM_E2E_BASE_URL ?? `http://127.0.0.1:${process.env.CRM_GATEWAY_PORT ?? 8080}`;
const runs = Number(process.env.CRM_BENCH_RUNS ?? 20);
const user = process.env.CRM_BENCH_USER ?? 'sales1';
const ROWS = 'table[aria-label="Customers"] tr[data-id]';

const executablePath = process.env.CRM_CHROMIUM ?? '/usr/bin/chromium-headless-shell';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'];
const browser = await chromium.launch({ executablePath, args });

/** A page on the customer list, signed in as `name` through Keycloak's form. */
async function signedIn(name) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await page.goto(`${base}/customers`);
  await page.fill('#username', name);
  await page.fill('#password', process.env.CRM_BENCH_PASSWORD ?? 'crm-demo');
  await page.click('#kc-login');
  await page.getByText('Showing 50 customers').waitFor({ timeout: 60_000 });
  return page;
}

try {
  const page = await signedIn(user);

  // Milliseconds since the document's navigation started, taken on the first frame that shows the first page: its
  // 50 rows are in the table and the status line counts them.
  const renderedAt = () =>
    page
      .waitForFunction(
        (rows) =>
          document.querySelectorAll(rows).length >= 50 &&
          [...document.querySelectorAll('[role="status"]')].some((el) => el.textContent?.startsWith('Showing 50'))
            ? performance.now()
            : false,
        ROWS,
        { polling: 'raf', timeout: 30_000 },
      )
      .then((handle) => handle.jsonValue());
  // The list call's Resource Timing, split where the browser can wait: before the request leaves (queueing for a
  // connection, a preflight), the server's answer (request sent -> first byte), and the rest (body, and the renderer
  // taking the response off the network when its main thread is busy).
  const listApiTimings = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/v1/customers?'))
        .map((entry) => ({
          total: entry.duration,
          queued: entry.requestStart - entry.startTime,
          server: entry.responseStart - entry.requestStart,
          rest: entry.responseEnd - entry.responseStart,
        })),
    );
  // Playwright's click waits until the link is stable and hit-testable before it clicks: time from the click event.
  const clickEventAt = () =>
    page.evaluate(
      () =>
        new Promise((resolve) =>
          document.addEventListener('click', (event) => resolve(event.timeStamp), { capture: true, once: true }),
        ),
    );

  const pageLoad = [];
  const inApp = [];
  const api = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(`${base}/customers`);
    pageLoad.push(await renderedAt());
    api.push(...(await listApiTimings()));

    await page.goto(`${base}/activity`);
    await page.getByRole('heading', { name: 'Recent activity' }).waitFor();
    const clicked = clickEventAt();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    const shownAt = await renderedAt();
    inApp.push(shownAt - (await clicked));
    api.push(...(await listApiTimings()));
  }

  // The same call once the page has settled, fetch() after fetch() as wrk sends it: what is left of the gap to wrk
  // is the browser's own path; the rest of the page-load figure is the page's other work on the same cores.
  await page.waitForLoadState('networkidle');
  const listUrl = await page.evaluate(
    () => performance.getEntriesByType('resource').findLast((entry) => entry.name.includes('/api/v1/customers?')).name,
  );
  const settled = await page.evaluate(fetchOneAfterAnother, { url: listUrl, count: runs * 2 });

  // The same calls again where nothing watches the browser (Playwright's driver takes every request's network events:
  // CPU on the cores the stack needs), and from wrk with the same session cookie: the floor of the browser's path.
  // Sent back to back, as user `bench`, whose rate limit is its own (a sales user's allows 20 a second).
  const floorPage = user === 'bench' ? page : await signedIn('bench');
  const cookies = (await floorPage.context().cookies()).filter((cookie) => cookie.name === 'SESSION' || cookie.name === 'XSRF-TOKEN');
  const listPath = new URL(listUrl).pathname + new URL(listUrl).search;
  // nothing of the app keeps running beside them
  await Promise.all([...new Set([page, floorPage])].map((open) => open.context().close()));
  const bare = await fetchLoopInBareChromium({ executablePath, args, base, cookies, page: '/api/v1/me', path: listPath, count: runs * 10 });
  const wrk = execFileSync('wrk', ['-t1', '-c1', '-d10s', '--latency', '-s', new URL('../../infra/tools/bench/bench.lua', import.meta.url).pathname, listUrl], {
    env: {
      ...process.env,
      BENCH_HEADERS: [`Cookie: ${cookies.map(({ name, value }) => `${name}=${value}`).join('; ')}`, 'Accept: application/json'].join('\n'),
    },
  }).toString();
  const wrkFigures = Object.fromEntries([...wrk.matchAll(/(\w+)=(\d+)/g)].map(([, name, value]) => [name, Number(value)]));
  if (wrkFigures.non2xx || wrkFigures.socket_errors) throw new Error(`wrk met errors: ${wrk}`);

  const report = (label, values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    console.log(
      `${label.padEnd(52)} n=${String(sorted.length).padStart(3)}  median ${at(0.5).toFixed(1).padStart(6)} ms  ` +
        `p95 ${at(0.95).toFixed(1).padStart(6)} ms  min ${sorted[0].toFixed(1).padStart(6)} ms`,
    );
  };
  console.log(`Customer list in Chromium at 1440 px, signed in as ${user}, against ${base}`);
  report('page load of /customers -> 50 rows shown', pageLoad);
  report('in-app navigation to Customers -> 50 rows shown', inApp);
  report('GET /api/v1/customers (50 rows) as the browser saw it', api.map((t) => t.total));
  report('  of which queued before the request was sent', api.map((t) => t.queued));
  report('  of which request sent -> first byte (the server)', api.map((t) => t.server));
  report('  of which first byte -> response end', api.map((t) => t.rest));
  report('the same call from the settled page, one at a time', settled);
  report('  the same, Chromium with no driver attached (bench)', bare);
  console.log(
    `${'  the same from wrk (session cookie of bench)'.padEnd(52)} n=${String(wrkFigures.requests).padStart(3)}  median ` +
      `${(wrkFigures.p50_us / 1000).toFixed(1).padStart(6)} ms  p95 ${(wrkFigures.p95_us / 1000).toFixed(1).padStart(6)} ms`,
  );
} finally {
  await browser.close();
}
