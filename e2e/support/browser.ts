import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { after, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort } from '../../scripts/pg-cluster.mjs';
import type { DatabaseTarget, DialectName } from '../../src/server/platform/db/database.js';
import { DIALECTS, PG_URL } from '../../test/support/dialects.js';
import { totpCodeAt } from '../../src/server/modules/auth/index.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Debian's Chromium (installed by .ci/run with apt-get); never a browser downloaded by Playwright. */
export const CHROMIUM = process.env.GARDIEN_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = () => fs.existsSync(CHROMIUM);

/** Screenshots of every page land here (git-ignored). */
export const SCREENSHOTS = path.join(root, 'test-output', 'screenshots');

export function ensureBuilt(): void {
  if (process.env.GARDIEN_TEST_BUILT === '1') return; // scripts/run-tests.mjs built it once for every test file
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  assert.equal(r.status, 0, 'build failed');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The production server (the bundle and the built web app) on a free port, on the given database. */
export async function startServer(
  dataDir: string,
  target: DatabaseTarget,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const args = [
    'serve',
    '--data-dir',
    dataDir,
    '--port',
    String(port),
    ...(target.kind === 'postgres' ? ['--database-url', target.url] : []),
  ];
  // through the shebang and its Node options, as `npx gardien serve` runs it
  const child: ChildProcess = spawn(path.join(root, 'bin/gardien.js'), args, {
    env: {
      ...process.env,
      GARDIEN_CLI_MAIN: '1',
      GARDIEN_LOG_LEVEL: 'error',
      GARDIEN_BACKUP_DIR: 'off',
      GARDIEN_COOKIE_SECURE: 'false',
      GARDIEN_RATE_LIMIT_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return {
        url,
        stop: async () => {
          child.kill('SIGTERM');
          await new Promise((r) => child.once('exit', r));
        },
      };
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

/**
 * A browser profile (fresh for each person) that records what must never happen: a script error, a missing
 * translation, a failed load.
 */
export async function newPerson(
  browser: Browser,
  baseURL: string,
  locale = 'fr-FR',
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  return { context, page, problems };
}

/** axe on the page as it is now: 0 violations, or the test fails naming each; then a screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  assert.deepEqual(found, [], `axe violations on ${name}`);
  // No raw translation key may reach the screen (a key looks like "team.addTitle").
  const text = await page.locator('body').innerText();
  const raw = text.match(
    /\b(app|nav|common|errors|roles|roleHelp|setup|login|mfa|password|lock|home|worklist|team|audit|auditActions|account|backup)\.[a-zA-Z_]+\b/g,
  );
  assert.equal(raw, null, `raw translation keys on ${name}: ${raw?.join(', ')}`);
}

/** A TOTP code for a time step after the last one used with this secret (the server refuses a replayed step). */
const lastStep = new Map<string, number>();
export async function freshCode(secret: string): Promise<string> {
  const used = lastStep.get(secret) ?? -1;
  let step = Math.floor(Date.now() / 30_000);
  while (step <= used) {
    await new Promise((r) => setTimeout(r, 1000));
    step = Math.floor(Date.now() / 30_000);
  }
  lastStep.set(secret, step);
  return totpCodeAt(secret, new Date());
}

/** Waits for the page's h1; on failure leaves a screenshot of what was on screen instead. */
export async function heading(page: Page, name: string | RegExp): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  } catch (e) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page
      .screenshot({ path: path.join(SCREENSHOTS, `failure-${String(name).replace(/\W+/g, '_')}.png`) })
      .catch(() => undefined);
    throw e;
  }
}

/**
 * Browser journeys on each dialect in Chromium. In CI a missing Chromium, or PostgreSQL, is a failure; elsewhere the
 * suite says loudly what it skipped. `ran` counts the journeys that ran, printed at the end.
 */
export function inChromium(title: string, journeys: (dialect: DialectName) => void, ran: () => number): void {
  if (!hasChromium()) {
    if (process.env.CI) {
      it(title, () =>
        assert.fail(
          `Chromium not found at ${CHROMIUM}: CI must run the browser tests (.ci/run installs it with apt-get)`,
        ),
      );
    } else {
      process.stdout.write(
        `\n*** CHROMIUM NOT FOUND (${CHROMIUM}): the browser journeys are SKIPPED. apt-get install chromium ***\n\n`,
      );
      void it.skip(`${title} (no Chromium at ${CHROMIUM})`);
    }
    return;
  }
  for (const dialect of DIALECTS) {
    if (dialect === 'postgres' && !PG_URL) {
      if (process.env.CI) it(`${title} [postgres]`, () => assert.fail('GARDIEN_TEST_PG_URL unset in CI'));
      else void it.skip(`${title} [postgres] (no PostgreSQL)`);
      continue;
    }
    describe(`${title} [${dialect}]`, () => journeys(dialect));
  }
  after(() => process.stdout.write(`# ${title}: ${ran()} journeys ran in Chromium (${CHROMIUM})\n`));
}
