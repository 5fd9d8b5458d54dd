import { defineConfig } from '@playwright/test';
import { outputRoot } from './support/paths';

// Runs against a stack that is already up (./crm up, or the system test's own stack on free ports).
const baseURL = process.env.CRM_E2E_BASE_URL ?? 'http://127.0.0.1:8080';
// Debian's Chromium headless shell (no GPU process to emulate): the tests never download a browser.
const chromium = process.env.CRM_CHROMIUM ?? '/usr/bin/chromium-headless-shell';

const desktop = { browserName: 'chromium', viewport: { width: 1440, height: 900 } } as const;
const phone = { browserName: 'chromium', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;
// Specs that assert on what the whole CRM counts (the dashboard's "+1 customer", its recent activity) run after all
// others, the two widths at once: a test of another spec would change those figures under them, and each takes its
// turn alone for the one count it checks exactly. As Playwright's project dependencies go, they are skipped (and
// reported so) when a test before them failed.
const countsEverything = /dashboard\.spec\.ts/;

export default defineConfig({
  testDir: '.',
  outputDir: `${outputRoot}/results`,
  // Two browsers, each on its own spec file: a test mostly waits (on the stack, on events), one browser kept the two
  // cores 48 % busy; two take the suite from 4.5 to 2.6 minutes with each test as fast as alone.
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI, where the suite shares two cores with the whole stack: a test that passes only then is reported
  // as flaky (the system test prints which, with its first error) and still fails the run if it fails twice.
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    // every attempt of every test, read by the system test to name what failed or needed a retry
    ['json', { outputFile: `${outputRoot}/results.json` }],
    ['html', { outputFolder: `${outputRoot}/report`, open: 'never' }],
  ],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    // DOM snapshots are what a failure's trace is read by; its screencast cost Chromium a third of the suite's time.
    // On CI a trace is recorded only when a test runs again after a failure: recording every test's cost the suite a
    // sixth of its time (6.3 → 5.2 min) for traces that were thrown away. Locally every failure keeps one.
    trace: { mode: process.env.CI ? 'on-first-retry' : 'retain-on-failure', screenshots: false, snapshots: true },
    // the app honours the setting: no ripples or transitions to wait for, as for users who ask for less motion
    contextOptions: { reducedMotion: 'reduce' },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // A test's page lives for seconds: V8's optimizing compilers (Maglev, TurboFan) spent a fifth of the
        // renderer's CPU on code that ran a few times. Baseline code (Sparkplug) stays. Two spec files at both widths
        // on two cores: 96-101 s before, 75-81 s without them.
        '--js-flags=--no-maglev --no-turbofan',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: desktop, testIgnore: countsEverything },
    { name: 'phone', use: phone, testIgnore: countsEverything },
    { name: 'desktop, last', use: desktop, testMatch: countsEverything, dependencies: ['desktop', 'phone'] },
    { name: 'phone, last', use: phone, testMatch: countsEverything, dependencies: ['desktop', 'phone'] },
  ],
});
