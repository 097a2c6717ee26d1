import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { totpCodeAt } from '../src/server/modules/auth/index.js';
import { createTestDatabase, type TestDatabase } from '../test/support/dialects.js';
import {
  checkPage,
  CHROMIUM,
  ensureBuilt,
  hasChromium,
  launchBrowser,
  newPerson,
  startServer,
} from './support/browser.js';

/**
 * Issue 19 §2: a reload, a second tab or a reopened browser at every sign-in step (enrolment, second factor, forced
 * password change, lock screen, a normal page) resumes where the person was, from the server's state. SQLite only: the
 * page's side is what is tested here; the server's side runs on both databases in test/session-resume.test.ts.
 */
const OWNER = {
  practice: 'Cabinet du Port',
  name: 'Hélène Garnier',
  email: 'helene@cabinet-du-port.fr',
  password: 'Sel-de-Guérande-42-Brioche!',
};
const ASSISTANT = {
  name: 'Inès Robin',
  email: 'ines@cabinet-du-port.fr',
  temporary: 'Provisoire-Cabinet-2026!x',
  password: 'Une-Phrase-Bien-A-Moi-2026!',
};

const lastStep = new Map<string, number>();
/** A TOTP code of a time step not used yet with this secret. */
async function freshCode(secret: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  while (step <= (lastStep.get(secret) ?? -1)) {
    await new Promise((r) => setTimeout(r, 1000));
    step = Math.floor(Date.now() / 30_000);
  }
  lastStep.set(secret, step);
  return totpCodeAt(secret, new Date());
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const keyOf = async (page: Page) => (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
/** On the enrolment page: its key, read again after F5, must be the one already on screen (the app scanned it). */
async function keyKeptOnReload(page: Page): Promise<string> {
  await heading(page, 'Activer la double authentification');
  const key = await keyOf(page);
  await page.reload();
  await heading(page, 'Activer la double authentification');
  assert.equal(await keyOf(page), key, 'the same key after a reload');
  return key;
}
const csrfOf = async (page: Page) =>
  ((await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string }).csrfToken;

const run = hasChromium() ? describe : describe.skip;
if (!hasChromium() && process.env.CI)
  it('browser: reloads at each step', () => assert.fail(`Chromium not found at ${CHROMIUM}`));

void run('browser: every sign-in step survives a reload and a second tab [sqlite]', () => {
  let browser: Browser;
  let db: TestDatabase;
  let server: { url: string; stop: () => Promise<void> };
  before(async () => {
    ensureBuilt();
    db = await createTestDatabase('sqlite');
    server = await startServer(db.dataDir, db.target);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.dispose();
  });

  it('enrolment, second factor, forced password change, lock screen and a normal page, each reloaded and opened twice', async () => {
    const owner = await newPerson(browser, server.url);
    owner.context.setDefaultTimeout(15_000);
    const o = owner.page;
    await o.goto('/');
    await heading(o, 'Bienvenue dans Gardien');
    await o.getByRole('textbox', { name: 'Nom du cabinet', exact: true }).fill(OWNER.practice);
    await o.getByRole('textbox', { name: 'Votre nom (titulaire du cabinet)', exact: true }).fill(OWNER.name);
    await o.getByRole('textbox', { name: 'Votre adresse e-mail', exact: true }).fill(OWNER.email);
    await o.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(OWNER.password);
    await o.getByRole('button', { name: 'Créer le cabinet' }).click();

    // Enrolment: F5 keeps the key already scanned and "Activer" works; a second tab shows the enrolment, not the code.
    const key = await keyKeptOnReload(o);
    const tab = await owner.context.newPage();
    await tab.goto('/');
    await heading(tab, 'Activer la double authentification');
    assert.equal(await keyOf(tab), key);
    await tab.close();
    await o.getByRole('textbox', { name: 'Code à 6 chiffres', exact: true }).fill(await freshCode(key));
    await o.getByRole('button', { name: 'Activer' }).click();
    await o.getByTestId('recovery-codes').waitFor();
    // Issue 19 §6: the codes can be copied or printed, not only copied by hand.
    await o.getByRole('button', { name: 'Copier' }).waitFor();
    await o.getByRole('button', { name: 'Imprimer' }).waitFor();
    await o.getByRole('button', { name: /J’ai noté mes codes/ }).click();
    await heading(o, 'À faire');
    // A normal page survives a reload; a new practice sees its first steps, not "nothing to do" (§3).
    await o.reload();
    await heading(o, 'À faire');
    await o.getByTestId('first-steps').waitFor();
    await checkPage(o, 'home-first-steps');
    // An unknown address says it does not exist (§6) instead of opening the home page.
    await o.goto('/nulle-part');
    await heading(o, 'Page introuvable');
    await checkPage(o, 'not-found');
    await o.goto('/');
    await heading(o, 'À faire');
    const practiceId = ((await (await o.request.get('/api/v1/me')).json()) as { memberships: { practiceId: string }[] })
      .memberships[0]!.practiceId;
    const csrf = await csrfOf(o);
    const headers = { 'x-csrf-token': csrf, 'accept-language': 'fr' };
    assert.equal(
      (await o.request.patch(`/api/v1/practices/${practiceId}`, { headers, data: { idleLockMinutes: 1 } })).status(),
      200,
    );
    assert.equal(
      (
        await o.request.post(`/api/v1/practices/${practiceId}/members`, {
          headers,
          data: {
            email: ASSISTANT.email,
            name: ASSISTANT.name,
            role: 'assistant',
            initialPassword: ASSISTANT.temporary,
          },
        })
      ).status(),
      201,
    );

    // The assistant: enrolment reloaded, then the forced password change reloaded.
    const assistant = await newPerson(browser, server.url);
    assistant.context.setDefaultTimeout(15_000);
    const a = assistant.page;
    await a.goto('/');
    await a.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(ASSISTANT.email);
    await a.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ASSISTANT.temporary);
    await a.getByRole('button', { name: 'Se connecter' }).click();
    const aKey = await keyKeptOnReload(a);
    await a.getByRole('textbox', { name: 'Code à 6 chiffres', exact: true }).fill(await freshCode(aKey));
    await a.getByRole('button', { name: 'Activer' }).click();
    await a.getByRole('button', { name: /J’ai noté mes codes/ }).click();
    await heading(a, 'Choisissez votre mot de passe');
    await a.reload();
    await heading(a, 'Choisissez votre mot de passe');
    await a.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill(ASSISTANT.temporary);
    await a.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill(ASSISTANT.password);
    await a.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await heading(a, 'À faire');

    // The second factor: reloaded, then given in a second tab; the first tab, behind, follows instead of failing.
    await a.getByRole('button', { name: 'Se déconnecter' }).click();
    await heading(a, 'Connexion');
    await a.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(ASSISTANT.email);
    await a.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ASSISTANT.password);
    await a.getByRole('button', { name: 'Se connecter' }).click();
    await heading(a, 'Code de vérification');
    await a.reload();
    await heading(a, 'Code de vérification');
    const aTab = await assistant.context.newPage();
    await aTab.goto('/');
    await heading(aTab, 'Code de vérification');
    await aTab.getByRole('textbox', { name: 'Code à 6 chiffres', exact: true }).fill(await freshCode(aKey));
    await aTab.getByRole('button', { name: 'Valider' }).click();
    await heading(aTab, 'À faire');
    await a.getByRole('textbox', { name: 'Code à 6 chiffres', exact: true }).fill('000000');
    await a.getByRole('button', { name: 'Valider' }).click();
    await heading(a, 'À faire');
    await aTab.close();

    // The lock: a minute without activity (the delay set above) locks both sessions on the server; reloaded, the lock
    // screen greets the person by name, the right password unlocks, and "not me" signs out.
    await new Promise((r) => setTimeout(r, 62_000));
    await a.reload();
    await a.getByTestId('lock-screen').waitFor();
    await a.getByText(new RegExp(`${ASSISTANT.name}, saisissez votre mot de passe`)).waitFor();
    await checkPage(a, 'reload-lock-screen');
    await a.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ASSISTANT.password);
    await a.getByRole('button', { name: 'Déverrouiller' }).click();
    await heading(a, 'À faire');
    await o.reload();
    await o.getByTestId('lock-screen').waitFor();
    await o.getByRole('button', { name: /Ce n’est pas moi/ }).click();
    await heading(o, 'Connexion');
    assert.equal((await o.request.get('/api/v1/auth/session')).status(), 401, 'signed out on the server too');
    assert.deepEqual(
      [...owner.problems, ...assistant.problems].filter((p) => !/status of 40[13]/.test(p)),
      [],
    );
  });
});
