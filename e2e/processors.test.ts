import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { DialectName } from '../src/server/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../test/support/dialects.js';
import { unzip, pdfText } from '../test/support/documents.js';
import {
  checkPage,
  ensureBuilt,
  heading,
  inChromium,
  launchBrowser,
  newPerson,
  startServer,
} from './support/browser.js';
import { seedOwner } from './support/seed.js';

/**
 * The processors in the browser, on its own (the practice is seeded through the API): add the prosthesis laboratory
 * from its template, mark two clauses missing, find it on the home to-do list, generate the clauses; reload, a second
 * tab, English; axe on every page.
 */
let ran = 0;

function journeys(dialect: DialectName) {
  let browser: Browser;
  let db: TestDatabase;
  let server: { url: string; stop: () => Promise<void> };
  let person: Awaited<ReturnType<typeof newPerson>>;
  const shot = (name: string) => `${dialect}-processors-${name}`;

  before(async () => {
    ensureBuilt();
    db = await createTestDatabase(dialect);
    server = await startServer(db.dataDir, db.target);
    browser = await launchBrowser();
    person = await newPerson(browser, server.url);
    person.context.setDefaultTimeout(15_000);
    await seedOwner(person.context, {
      practice: 'Cabinet dentaire des Tilleuls',
      name: 'Dr Étienne Lefèvre',
      email: 'etienne@tilleuls.fr',
      password: 'Sel-de-Guérande-42-Brioche!',
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.dispose();
  });

  const section = (page: Page, title: string | RegExp) =>
    page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

  it('adds the prosthesis laboratory from its template, marks two clauses missing, finds it on the to-do list, generates the clauses', async () => {
    const { page } = person;
    await page.goto('/');
    await heading(page, 'À faire');
    await page.getByRole('link', { name: 'Sous-traitants', exact: true }).click();
    await heading(page, 'Sous-traitants et partenaires');
    await page.getByText(/Aucun sous-traitant enregistré/).waitFor();
    await checkPage(page, shot('empty'));
    await page.getByRole('button', { name: 'Ajouter un sous-traitant' }).click();
    await heading(page, 'Ajouter un sous-traitant');
    await checkPage(page, shot('kinds'));
    await page.getByTestId('kind-laboratory').click();
    await page.getByRole('textbox', { name: 'Nom du prestataire' }).fill('Laboratoire Dentaire Alsacien');
    // The template filled in the services; a laboratory keeps no health data for the practice.
    assert.match(await page.getByRole('textbox', { name: 'Prestations' }).inputValue(), /prothèses/);
    assert.equal(
      await page
        .getByRole('checkbox', { name: /Il conserve des données de santé pour le compte du cabinet/ })
        .isChecked(),
      false,
    );
    // What was typed survives a reload (the kind is in the address, the draft in the tab).
    await page.reload();
    await heading(page, 'Ajouter un sous-traitant');
    assert.equal(
      await page.getByRole('textbox', { name: 'Nom du prestataire' }).inputValue(),
      'Laboratoire Dentaire Alsacien',
    );
    await checkPage(page, shot('new'));
    await page.getByRole('button', { name: 'Enregistrer le sous-traitant' }).click();
    await heading(page, 'Laboratoire Dentaire Alsacien');
    const url = page.url();

    const contract = section(page, 'Contrat et clauses de l’article 28');
    await contract.getByLabel('Signé le').fill('2025-11-02');
    for (const clause of [
      'instructions',
      'confidentiality',
      'security',
      'dataSubjectRights',
      'assistance',
      'endOfContract',
    ])
      await contract.getByTestId(`clause-${clause}`).getByRole('radio', { name: 'Présente' }).check();
    await contract.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await contract.getByRole('status').getByText('Modifications enregistrées.').waitFor();
    const state = contract.getByTestId('contract-state');
    await state.getByText('d) Conditions du recours à un sous-traitant ultérieur').waitFor();
    await state.getByText('h) Informations et audits pour démontrer la conformité').waitFor();
    assert.equal(await state.locator('li').count(), 2);
    await page.getByTestId('processor-issues').getByText('Clauses de l’article 28 manquantes').waitFor();
    await checkPage(page, shot('page'));

    // A second tab on the same processor sees what was saved, and changes it.
    const second = await person.context.newPage();
    await second.goto(url);
    await heading(second, 'Laboratoire Dentaire Alsacien');
    assert.equal(await second.getByTestId('contract-state').locator('li').count(), 2);
    const identity = section(second, 'Le prestataire');
    await identity.getByRole('textbox', { name: 'Notes internes' }).fill('Contrat papier au classeur');
    await identity.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await identity.getByRole('status').getByText('Modifications enregistrées.').waitFor();
    await second.close();
    // This tab still shows the version before: its save is refused, nothing is overwritten, and it says what to do.
    await contract.getByTestId('clause-audits').getByRole('textbox').fill('art. 9');
    await contract.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await contract.getByText(/modifiée entre-temps/).waitFor();
    // Reloading keeps what was typed in the section, on the latest version.
    await page.reload();
    await heading(page, 'Laboratoire Dentaire Alsacien');
    assert.equal(
      await section(page, 'Le prestataire').getByRole('textbox', { name: 'Notes internes' }).inputValue(),
      'Contrat papier au classeur',
    );
    // Typing in one section, saving another, reloading: the typing is still there.
    await section(page, 'Le prestataire').getByRole('textbox', { name: 'Notes internes' }).fill('À relire en janvier');
    const fresh = section(page, 'Contrat et clauses de l’article 28');
    await fresh.getByTestId('clause-audits').getByRole('textbox').fill('art. 9');
    await fresh.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await fresh.getByRole('status').getByText('Modifications enregistrées.').waitFor();
    await page.reload();
    await heading(page, 'Laboratoire Dentaire Alsacien');
    assert.equal(
      await section(page, 'Le prestataire').getByRole('textbox', { name: 'Notes internes' }).inputValue(),
      'À relire en janvier',
    );
    assert.equal(
      await section(page, 'Contrat et clauses de l’article 28')
        .getByTestId('clause-audits')
        .getByRole('textbox')
        .inputValue(),
      'art. 9',
    );

    await page.getByRole('link', { name: 'À faire', exact: true }).click();
    await heading(page, 'À faire');
    const item = page.getByTestId('worklist-item').filter({ hasText: 'Laboratoire Dentaire Alsacien' });
    await item.getByText('Sous-traitant : clauses de l’article 28 manquantes au contrat').waitFor();
    await checkPage(page, shot('home'));
    await item.getByRole('link').click();
    await heading(page, 'Laboratoire Dentaire Alsacien');

    const docs = section(page, 'Documents');
    const docx = page.waitForEvent('download');
    await docs.getByRole('button', { name: 'Avenant RGPD (Word)' }).click();
    const d = await docx;
    assert.equal(d.suggestedFilename(), 'avenant-rgpd-laboratoire-dentaire-alsacien.docx');
    const xml = (await unzip(fs.readFileSync((await d.path())!))).get('word/document.xml')!.toString('utf8');
    assert.match(xml, /Avenant relatif à la protection des données personnelles/);
    assert.match(xml, /Cabinet dentaire des Tilleuls/);
    const pdf = page.waitForEvent('download');
    await docs.getByRole('button', { name: 'Questionnaire (PDF)' }).click();
    const p = await pdf;
    const text = (await pdfText(fs.readFileSync((await p.path())!))).replace(/\s+/g, ' ');
    assert.match(text, /questionnaire sur la protection des données personnelles/);
    assert.match(text, /Dr Étienne Lefèvre/);

    // A review with nothing ticked is refused in plain words, and the focus goes to the first box.
    const review = section(page, 'Revue annuelle');
    await review.getByRole('button', { name: 'Enregistrer la revue' }).click();
    await review.getByText('Choisissez au moins un élément').first().waitFor();
    assert.equal(await page.evaluate('document.activeElement?.getAttribute("type")'), 'checkbox');

    await page.getByRole('link', { name: 'Sous-traitants', exact: true }).click();
    await heading(page, 'Sous-traitants et partenaires');
    const row = page.getByTestId('processor-row').filter({ hasText: 'Laboratoire Dentaire Alsacien' });
    assert.equal(await row.getByTestId('check-contract').getAttribute('data-state'), 'warn');
    assert.equal(await row.getByTestId('check-hds').getAttribute('data-state'), 'na');
    assert.equal(await row.getByTestId('check-eu').getAttribute('data-state'), 'yes');
    await checkPage(page, shot('list'));
    assert.deepEqual(person.problems, []);
    ran++;
  });

  it('reads the same screens in English, axe clean', async () => {
    const { page } = person;
    await page.locator('label').filter({ hasText: /^EN$/ }).click();
    await heading(page, 'Processors and partners');
    await checkPage(page, shot('en-list'));
    await page.getByTestId('processor-row').getByRole('link').first().click();
    await heading(page, 'Laboratoire Dentaire Alsacien');
    await page.getByTestId('processor-issues').getByText('Article 28 clauses missing').waitFor();
    await checkPage(page, shot('en-page'));
    await page.getByRole('link', { name: '← All processors' }).click();
    await page.getByRole('button', { name: 'Add a processor' }).click();
    await heading(page, 'Add a processor');
    await checkPage(page, shot('en-kinds'));
    await page.locator('label').filter({ hasText: /^FR$/ }).click();
    await heading(page, 'Ajouter un sous-traitant');
    assert.deepEqual(person.problems, []);
    ran++;
  });
}

inChromium('processor journeys', journeys, () => ran);
