// A Chromium that nothing watches: Playwright's driver subscribes to every request's network events, which costs the
// browser and the driver CPU on the cores the stack runs on. Here one DevTools socket only sets the session's cookies,
// opens a same-origin page without the app and evaluates a fetch loop: the browser's own path to the gateway.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Runs in the page: `count` fetches of `url`, one after the other, each timed from the call until its body is read.
 * Self-contained (no closure), so a DevTools expression can carry its source.
 */
export async function fetchOneAfterAnother({ url, count }) {
  const durations = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
    await response.arrayBuffer();
    durations.push(performance.now() - started);
  }
  return durations;
}

async function devToolsPage(profile) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const [port] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
      const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
      const page = targets.find((target) => target.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error('Chromium opened no DevTools page');
}

function devTools(url) {
  const socket = new WebSocket(url);
  const pending = new Map();
  let next = 0;
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  });
  const opened = new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  return {
    opened,
    close: () => socket.close(),
    call: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, (message) => (message.error ? reject(new Error(`${method}: ${message.error.message}`)) : resolve(message.result)));
        socket.send(JSON.stringify({ id, method, params }));
      }),
  };
}

/**
 * Times `count` fetches of `path`, one after the other, from `page` (same origin as `base`) in a Chromium of its own
 * signed in with `cookies` (Playwright's cookie objects). Returns the durations in milliseconds.
 */
export async function fetchLoopInBareChromium({ executablePath, args, base, cookies, page, path, count }) {
  const profile = await mkdtemp(join(tmpdir(), 'crm-bench-chromium-'));
  // a process group of its own: the executable may be a wrapper script whose Chromium outlives it
  const chromium = spawn(executablePath, [...args, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: 'ignore',
    detached: true,
  });
  const exited = new Promise((resolve) => chromium.once('exit', resolve));
  try {
    const devtools = devTools(await devToolsPage(profile));
    await devtools.opened;
    await devtools.call('Storage.setCookies', {
      cookies: cookies.map(({ name, value, domain, path: cookiePath, httpOnly, secure, sameSite }) => ({
        name, value, domain, path: cookiePath, httpOnly, secure, sameSite,
      })),
    });
    await devtools.call('Page.navigate', { url: `${base}${page}` });
    const loop = `(async () => {
      await new Promise((resolve) => document.readyState === 'complete' ? resolve() : addEventListener('load', resolve));
      return (${fetchOneAfterAnother})(${JSON.stringify({ url: path, count })});
    })()`;
    // the navigation may not have committed yet: evaluate once the new document answers
    for (let attempt = 0; ; attempt++) {
      const { result, exceptionDetails } = await devtools.call('Runtime.evaluate', { expression: loop, awaitPromise: true, returnByValue: true });
      if (!exceptionDetails) {
        devtools.close();
        return result.value;
      }
      if (attempt === 20) throw new Error(`the fetch loop failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      await delay(100);
    }
  } finally {
    try {
      process.kill(-chromium.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
    // Chromium's helper processes may still be closing their files in the profile
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}
