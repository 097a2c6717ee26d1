import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { guideOf } from '../src/contracts/breach-guides.js';
import type { DialectName } from '../src/server/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from '../test/support/dialects.js';
import {
  checkPage,
  ensureBuilt,
  freshCode,
  heading,
  inChromium,
  launchBrowser,
  newPerson,
  startServer,
} from './support/browser.js';

/**
 * Browser journeys through the real server (bundle + built web app) in Debian's Chromium, on each dialect, with axe
 * on every page in French and in English and a screenshot of each (test-output/screenshots). In CI a missing
 * Chromium is a failure; elsewhere the suite says loudly that it was skipped.
 */
const OWNER = {
  practice: 'Cabinet des Quatre Vents',
  name: 'Claire Dupont-Lefèvre',
  email: 'claire@quatre-vents.fr',
  password: 'Sel-de-Guérande-42-Brioche!',
};
const ASSISTANT = { name: 'Léa Martin', email: 'lea@quatre-vents.fr', password: 'Une-Phrase-Bien-A-Moi-2026!' };
let ran = 0;

/** Reads the enrolment key, confirms a code, checks and leaves the recovery codes. */
async function enrolAuthenticator(page: Page, screen: string): Promise<string> {
  await heading(page, 'Activer la double authentification');
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  await checkPage(page, `${screen}-mfa-enrolment`);
  await page.getByRole('textbox', { name: 'Code à 6 chiffres', exact: true }).fill(await freshCode(secret));
  await page.getByRole('button', { name: 'Activer' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  assert.equal(await page.getByTestId('recovery-codes').locator('li').count(), 10);
  await checkPage(page, `${screen}-recovery-codes`);
  await page.getByRole('button', { name: /J’ai noté mes codes/ }).click();
  return secret;
}

function journeys(dialect: DialectName) {
  let browser: Browser;
  let db: TestDatabase;
  let server: { url: string; stop: () => Promise<void> };
  let owner: Awaited<ReturnType<typeof newPerson>>;
  let assistant: Awaited<ReturnType<typeof newPerson>>;
  let ownerSecret = '';
  let practiceId = '';
  const shot = (name: string) => `${dialect}-${name}`;

  before(async () => {
    ensureBuilt();
    db = await createTestDatabase(dialect);
    server = await startServer(db.dataDir, db.target);
    browser = await launchBrowser();
    owner = await newPerson(browser, server.url);
    owner.context.setDefaultTimeout(15_000);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await db?.dispose();
  });

  it('first run: creates the practice and its owner, enrols the authenticator app, lands on the to-do list', async () => {
    const { page } = owner;
    await page.goto('/');
    await heading(page, 'Bienvenue dans Gardien');
    await checkPage(page, shot('setup'));
    await page.getByRole('textbox', { name: 'Nom du cabinet', exact: true }).fill(OWNER.practice);
    await page.getByRole('textbox', { name: 'Votre nom (titulaire du cabinet)', exact: true }).fill(OWNER.name);
    await page.getByRole('textbox', { name: 'Votre adresse e-mail', exact: true }).fill(OWNER.email);
    // A weak password is refused with the reason, and nothing is created.
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('motdepasse');
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    await page
      .getByText(/mot de passe trop faible|figure parmi les plus courants/)
      .first()
      .waitFor();
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Créer le cabinet' }).click();
    ownerSecret = await enrolAuthenticator(page, shot('owner'));
    await heading(page, 'À faire');
    // No backup has run on this new server: the to-do list says so, with the restore test.
    await page.getByTestId('worklist-item').first().waitFor();
    assert.ok((await page.getByTestId('worklist-item').count()) >= 2);
    await checkPage(page, shot('home'));
    const me = (await (await page.request.get('/api/v1/me')).json()) as { memberships: { practiceId: string }[] };
    practiceId = me.memberships[0]!.practiceId;
    assert.equal((await (await page.request.get('/api/v1/setup')).json()).needed, false);
    ran++;
  });

  it('owner fills in the practice identity and its calendar (Alsace-Moselle)', async () => {
    const { page } = owner;
    await page.getByRole('link', { name: 'Cabinet', exact: true }).click();
    await heading(page, 'Cabinet');
    await page.getByRole('textbox', { name: 'SIREN (9 chiffres)', exact: true }).fill('12345678');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('un SIREN compte 9 chiffres').first().waitFor();
    await page.getByRole('textbox', { name: 'SIREN (9 chiffres)', exact: true }).fill('123456789');
    await page.getByLabel('Cabinet en Alsace-Moselle').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Modifications enregistrées.').waitFor();
    await checkPage(page, shot('practice'));
    const practice = (await (await page.request.get(`/api/v1/practices/${practiceId}`)).json()) as {
      siren: string;
      alsaceMoselle: boolean;
    };
    assert.deepEqual([practice.siren, practice.alsaceMoselle], ['123456789', true]);
    ran++;
  });

  it('owner adds an assistant, who signs in with the temporary password, enrols MFA and must choose a password', async () => {
    const { page } = owner;
    await page.getByRole('link', { name: 'Équipe', exact: true }).click();
    await heading(page, 'Équipe');
    await checkPage(page, shot('team'));
    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill(ASSISTANT.name);
    await dialog.getByRole('textbox', { name: 'E-mail', exact: true }).fill(ASSISTANT.email);
    await checkPage(page, shot('team-add'));
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    const temporary = await dialog.getByTestId('temporary-password').innerText();
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
    // Pending until her first sign-in, shown with what the owner typed (as an invitation to an existing account would be).
    await page.getByTestId(`invitation-${ASSISTANT.email}`).waitFor();
    await checkPage(page, shot('team-pending'));

    assistant = await newPerson(browser, server.url);
    assistant.context.setDefaultTimeout(15_000);
    await assistant.context.clock.install();
    const a = assistant.page;
    await a.goto('/');
    await heading(a, 'Connexion');
    await checkPage(a, shot('login'));
    await a.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(ASSISTANT.email);
    await a.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(temporary);
    await a.getByRole('button', { name: 'Se connecter' }).click();
    await enrolAuthenticator(a, shot('assistant'));
    await heading(a, 'Choisissez votre mot de passe');
    await checkPage(a, shot('password-change'));
    await a.getByRole('textbox', { name: 'Mot de passe actuel', exact: true }).fill(temporary);
    await a.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill(ASSISTANT.password);
    await a.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await heading(a, 'À faire');
    // A brand-new practice is not told "nothing to do": its first steps are listed (issue 19 §3).
    await a.getByTestId('first-steps').waitFor();
    assert.equal(await a.getByText('Rien à faire pour l’instant').count(), 0);
    ran++;
  });

  it('an assistant cannot reach team management, in the interface or through the API', async () => {
    const a = assistant.page;
    assert.equal(await a.getByRole('link', { name: 'Journal d’audit' }).count(), 0);
    await a.getByRole('link', { name: 'Équipe', exact: true }).click();
    await heading(a, 'Équipe');
    assert.equal(await a.getByRole('button', { name: 'Ajouter une personne' }).count(), 0);
    assert.equal(await a.getByRole('button', { name: 'Couper l’accès' }).count(), 0);
    const me = (await (await a.request.get('/api/v1/me')).json()) as { session: { csrfToken: string } };
    const res = await a.request.post(`/api/v1/practices/${practiceId}/members`, {
      headers: { 'x-csrf-token': me.session.csrfToken, 'accept-language': 'fr' },
      data: { email: 'intrus@example.fr', name: 'Intrus', role: 'owner', initialPassword: 'Provisoire-Cabinet-2026!x' },
    });
    assert.equal(res.status(), 403);
    assert.equal((await res.json()).code, 'FORBIDDEN');
    ran++;
  });

  it('an assistant records an access request; the owner finds it in the to-do list and answers it with the Art. 15 information, and the letter is in the log', async () => {
    const a = assistant.page;
    await a.getByRole('link', { name: 'Patients', exact: true }).click();
    await heading(a, 'Patients');
    // The practice software's export: checked first (one line refused, with its reason), then imported.
    await a.getByRole('button', { name: 'Importer un fichier' }).click();
    const importer = a.getByRole('dialog');
    await importer.locator('input[type="file"]').setInputFiles({
      name: 'export.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '\uFEFFN° dossier;Nom;Prénom;Date de naissance\r\nA1;Martin;Jules;05/03/1971\r\nA2;Moreau;;01/01/1990\r\nA3;Roux;Inès;12/12/2001\r\n',
      ),
    });
    await importer.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await importer
      .getByTestId('import-report')
      .getByText(/3 lignes lues, 2 prêtes à importer, 1 refusées/)
      .waitFor();
    await importer.getByRole('cell', { name: 'champ obligatoire vide' }).waitFor();
    await checkPage(a, shot('patient-import'));
    await importer.getByRole('button', { name: 'Importer 2 patients' }).click();
    await importer.getByText('Import terminé').waitFor();
    await importer.getByRole('button', { name: 'Fermer', exact: true }).click();
    await a.getByRole('button', { name: 'Ajouter un patient' }).click();
    const dialog = a.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nom de famille', exact: true }).fill('Lefèvre');
    await dialog.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Zoé');
    await dialog.getByLabel('Date de naissance').fill('1984-02-29');
    await checkPage(a, shot('patient-add'));
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    // The search box sits behind the dialog: typing there before the dialog has closed (saved) raced its focus trap.
    await dialog.waitFor({ state: 'detached' });
    await a.getByRole('textbox', { name: 'Rechercher', exact: true }).fill('lefevre');
    await a.getByRole('cell', { name: 'Lefèvre Zoé' }).waitFor();
    await checkPage(a, shot('patients'));
    await a.getByRole('link', { name: 'Demandes des patients' }).click();
    await heading(a, 'Demandes des patients');
    await checkPage(a, shot('requests-empty'));
    await a.getByRole('button', { name: 'Nouvelle demande' }).click();
    await heading(a, 'Enregistrer une demande');
    // An access request is asked whether it covers the dental record, which has its own 8-day clock (issue 19 §5.2).
    await a
      .getByTestId('steer-health-record')
      .getByText(/8 jours/)
      .waitFor();
    await a.getByRole('textbox', { name: 'Nom du demandeur', exact: true }).fill('Zoé Lefèvre');
    await a.getByRole('combobox', { name: 'Patient concerné (facultatif)' }).fill('lefe');
    await a.getByRole('option', { name: /Lefèvre Zoé/ }).click();
    await checkPage(a, shot('request-new'));
    await a.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await heading(a, /Accès aux données — Zoé Lefèvre/);
    await a
      .getByTestId('request-due')
      .getByText(/Réponse à donner au plus tard le/)
      .waitFor();
    await checkPage(a, shot('request'));
    // The assistant prepares the acknowledgement, records its sending and adds the copy of the record (encrypted on the server).
    await a.getByRole('button', { name: 'Préparer', exact: true }).click();
    await a.getByTestId('letter-row').filter({ hasText: 'Accusé de réception' }).waitFor();
    await a.getByRole('button', { name: 'Enregistrer l’envoi : Accusé de réception' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Enregistrer l’envoi' }).click();
    await a
      .getByTestId('letter-row')
      .filter({ hasText: 'Courrier' })
      .filter({ hasText: 'Accusé de réception' })
      .waitFor();
    await a.locator('input[type="file"]').setInputFiles({
      name: 'dossier-lefevre.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 copie du dossier'),
    });
    await a.getByRole('button', { name: 'Déposer' }).click();
    await a.getByRole('cell', { name: 'dossier-lefevre.pdf', exact: true }).waitFor();
    await a.getByText('Un praticien, le titulaire ou le DPO confirme la réponse.', { exact: false }).waitFor();
    await checkPage(a, shot('request-prepared'));

    const { page } = owner;
    await page.getByRole('link', { name: 'À faire' }).click();
    await heading(page, 'À faire');
    await page.getByRole('link', { name: 'Demande d’accès à traiter' }).click();
    await heading(page, /Accès aux données — Zoé Lefèvre/);
    // The rules propose the Art. 15 information and the free first copy; the owner confirms.
    await page
      .getByTestId('decision-copy')
      .getByText(/Proposition : Fait/)
      .waitFor();
    await page.getByText(/référentiel de la CNIL/).waitFor();
    await page
      .getByRole('textbox', { name: 'Ce qui a été fait ou remis (repris dans le courrier, facultatif)' })
      .fill('Copie du dossier remise en main propre.');
    await checkPage(page, shot('request-answer'));
    await page.getByRole('button', { name: 'Confirmer la réponse' }).click();
    await page.getByTestId('request-due').getByText('Répondue').waitFor();
    await page.getByRole('heading', { name: /Réponse confirmée le/ }).waitFor();
    // The answer letter is in the log, not sent yet; the owner records that it was handed over.
    const answer = page.getByTestId('letter-row').filter({ hasText: 'Réponse' });
    await answer.getByText('Non envoyé').waitFor();
    await page.getByRole('button', { name: 'Enregistrer l’envoi : Réponse' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Moyen d’envoi' }).click();
    await page.getByRole('option', { name: 'Remis en main propre' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer l’envoi' }).click();
    await answer.getByText(/Remis en main propre/).waitFor();
    await page
      .getByText(/Réponse confirmée$/)
      .first()
      .waitFor();
    await checkPage(page, shot('request-answered'));
    await page.getByRole('link', { name: 'Demandes des patients' }).click();
    await heading(page, 'Demandes des patients');
    await page.getByText('Aucune demande en cours.').waitFor();
    ran++;
  });

  it('an assistant reports a ransomware attack; the owner assesses it, decides, records the CNIL notification, sends the letter to the patients and closes the actions', async () => {
    const a = assistant.page;
    await a.getByRole('link', { name: 'Violations', exact: true }).click();
    await heading(a, 'Violations de données');
    await checkPage(a, shot('breaches-empty'));
    await a.getByTestId('guide-ransomware').click();
    await heading(a, 'Déclarer une violation');
    await a.getByLabel('Nombre approximatif de personnes').fill('240');
    await checkPage(a, shot('breach-new'));
    await a.getByRole('button', { name: 'Enregistrer et démarrer le délai' }).click();
    const title = 'Rançongiciel : les fichiers sont chiffrés et une rançon est demandée';
    await heading(a, title);
    await a
      .getByTestId('breach-clock')
      .getByText(/il reste 7[12] heures/)
      .waitFor();
    await checkPage(a, shot('breach'));

    const { page } = owner;
    await page.getByRole('link', { name: 'À faire' }).click();
    await heading(page, 'À faire');
    // The 72-hour CNIL clock comes first, above the overdue backups, with the hours left (issue 19 §3).
    const first = page.getByTestId('worklist-item').first();
    await first.getByText('Violation : décider s’il faut notifier').waitFor();
    await first
      .getByTestId('breach-clock')
      .getByText(/CNIL : encore 7[012] h pour notifier/)
      .waitFor();
    await checkPage(page, shot('home-breach-first'));
    await page.getByRole('link', { name: 'Violation : décider s’il faut notifier' }).click();
    await heading(page, title);
    await page.getByRole('combobox', { name: 'Qui a pu voir les données ?' }).click();
    await page.getByRole('option', { name: 'Des inconnus, en nombre inconnu' }).click();
    await page.getByRole('combobox', { name: 'Les données sont-elles accessibles ?' }).click();
    await page.getByRole('option', { name: 'Inaccessibles pour un temps' }).click();
    await page.getByLabel('C’est un acte malveillant (vol, piratage, revente)').check();
    await page.getByRole('button', { name: 'Calculer la gravité' }).click();
    await page
      .getByTestId('breach-severity')
      .getByText(/gravité maximale/)
      .waitFor();
    // The choice follows the proposal until someone confirms it.
    assert.equal(
      await page.getByRole('combobox', { name: 'Votre décision' }).inputValue(),
      'notifier la CNIL et informer les personnes',
    );
    await page.getByRole('button', { name: 'Confirmer la décision' }).click();
    await page
      .getByTestId('breach-decision')
      .getByText(/prise par Claire Dupont-Lefèvre/)
      .waitFor();
    await page.getByRole('button', { name: 'Compléter les faits' }).click();
    const facts = page.getByRole('dialog');
    await facts.getByLabel('Atteinte au secret professionnel').check();
    await facts
      .getByLabel('Mesures prises ou prévues')
      .fill('Postes isolés du réseau, sauvegarde de la veille restaurée, mots de passe changés, plainte déposée.');
    await checkPage(page, shot('breach-facts'));
    await facts.getByRole('button', { name: 'Enregistrer' }).click();
    await facts.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Préparer la notification CNIL' }).click();
    await page.getByTestId('cnil-draft').getByText('Chronologie').waitFor();
    await checkPage(page, shot('breach-cnil-draft'));
    await page.getByRole('button', { name: 'Enregistrer une notification' }).click();
    const notification = page.getByRole('dialog');
    await notification.getByLabel('Numéro donné par la CNIL').fill('CNIL-2026-004217');
    await checkPage(page, shot('breach-notification'));
    await notification.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .getByTestId('breach-clock')
      .getByText(/Notifiée à la CNIL le/)
      .waitFor();
    // The letter is in a <details> that the page may render anew while it settles after the notification (seen on
    // PostgreSQL: the click landed, then the section came back closed): open it, and again if it was closed meanwhile.
    const letterSummary = page.getByText('Lettre aux personnes', { exact: true });
    const letterText = page.getByTestId('breach-letter').getByText(/secret médical/);
    for (let attempt = 0; attempt < 5 && !(await letterText.isVisible()); attempt++) {
      if (!(await letterSummary.evaluate((s) => s.parentElement?.hasAttribute('open') ?? false)))
        await letterSummary.click();
      await letterText.waitFor({ timeout: 3000 }).catch(() => undefined);
    }
    await letterText.waitFor();
    await page.getByRole('button', { name: 'Enregistrer l’information' }).click();
    const informed = page.getByRole('dialog');
    await informed.getByLabel('Qui a été informé').fill('Les 240 patients du fichier de rendez-vous');
    await checkPage(page, shot('breach-informed'));
    await informed.getByRole('button', { name: 'Enregistrer' }).click();
    await page
      .getByTestId('breach-informed')
      .getByText(/Les 240 patients du fichier de rendez-vous/)
      .waitFor();
    for (const step of guideOf('ransomware')!.firstSteps) {
      const done = page.getByRole('button', { name: `Marquer « ${step.fr} » comme faite` });
      await done.click();
      await done.waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: 'Clôturer la violation' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clôturer', exact: true }).click();
    await page
      .getByTestId('breach-clock')
      .getByText(/Clôturée le/)
      .waitFor();
    await checkPage(page, shot('breach-closed'));
    await page.getByRole('link', { name: 'Violations', exact: true }).click();
    await heading(page, 'Violations de données');
    await page.getByTestId('breach-row').getByText('Clôturée').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Registre en PDF' }).click();
    assert.match((await download).suggestedFilename(), /^registre-violations-\d{4}-\d{2}-\d{2}\.pdf$/);
    await checkPage(page, shot('breaches'));
    ran++;
  });

  it('the start assistant builds the register, the owner validates it, downloads the PDF and generates the patient notice', async () => {
    const a = assistant.page;
    await a.getByRole('link', { name: 'Registre', exact: true }).click();
    await heading(a, 'Registre des traitements');
    await a.getByRole('heading', { name: 'Démarrer le registre' }).waitFor();
    await checkPage(a, shot('register-start'));
    // Video surveillance and the website are offered, not ticked (issue 19 §4): this practice has neither.
    assert.equal(await a.getByRole('checkbox', { name: 'Vidéosurveillance' }).isChecked(), false);
    assert.equal(await a.getByRole('checkbox', { name: 'Site internet et cookies' }).isChecked(), false);
    await a.getByRole('button', { name: 'Créer le registre avec ces activités' }).click();
    await a.getByTestId('activity-row').nth(4).waitFor();
    assert.equal(await a.getByTestId('activity-row').count(), 5);
    await checkPage(a, shot('register'));
    // The assistant adapts the activities: each template names its software "(à préciser)", which blocks validation
    // until the practice says which software it uses.
    for (const [name, software] of [
      ['Gestion des rendez-vous et rappels', 'Agenda en ligne Doctoplanning'],
      ['Gestion des dossiers des patients et des soins', 'Logos_w'],
      ['Facturation, télétransmission et comptabilité', 'Logos_w'],
      ['Gestion du personnel et de la paie', 'Cabinet comptable Durand'],
    ] as const) {
      await a.getByRole('link', { name: new RegExp(name) }).click();
      await heading(a, name);
      await a
        .getByTestId('activity-state')
        .getByText(/remplacez le texte du modèle/)
        .waitFor();
      await a.getByRole('textbox', { name: 'Logiciel ou application' }).fill(software);
      await a.getByRole('button', { name: 'Enregistrer les modifications' }).click();
      await a
        .getByRole('status')
        .getByText(/Modifications enregistrées/)
        .waitFor();
      await a.getByTestId('activity-state').getByText('Activité complète').waitFor();
      if (name.startsWith('Gestion des rendez-vous')) {
        await a.getByText('Seul le titulaire du cabinet valide le registre.').waitFor();
        await checkPage(a, shot('register-activity'));
      }
      await a.getByRole('link', { name: 'Retour au registre' }).click();
      await heading(a, 'Registre des traitements');
    }

    const { page } = owner;
    await page.getByRole('link', { name: 'Registre', exact: true }).click();
    await heading(page, 'Registre des traitements');
    for (let i = 0; i < 5; i++) {
      await page.getByTestId('activity-row').nth(i).getByRole('link').click();
      await page.getByTestId('activity-state').getByText('Activité complète').waitFor();
      await page.getByRole('button', { name: 'Valider cette activité' }).click();
      await page
        .getByText(/Version 1 validée le/)
        .first()
        .waitFor();
      if (i === 0) await checkPage(page, shot('register-validated'));
      await page.getByRole('link', { name: 'Retour au registre' }).click();
      await heading(page, 'Registre des traitements');
    }
    // The list refreshes after the last validation: wait for the fifth badge before counting.
    await page.getByTestId('activity-row').filter({ hasText: 'Validée (v1)' }).nth(4).waitFor();
    assert.equal(await page.getByTestId('activity-row').filter({ hasText: 'Validée (v1)' }).count(), 5);
    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF', exact: true }).click();
    assert.match((await pdf).suggestedFilename(), /^registre-traitements-\d{4}-\d{2}-\d{2}\.pdf$/);
    await page.getByRole('link', { name: 'Information patients', exact: true }).click();
    await heading(page, 'Information des patients');
    await page.getByText(/Aucune version générée/).waitFor();
    // The practice identity lacks its address: said before anything is generated (issue 19 §4).
    await page
      .getByTestId('notice-gaps')
      .getByText(/L’adresse du cabinet/)
      .waitFor();
    await page.getByRole('button', { name: 'Aperçu : Note d’information patients (une page)' }).click();
    await page
      .getByTestId('notice-preview')
      .getByText(/sous 8 jours/)
      .waitFor();
    const notice = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Note d’information patients (une page) — PDF' }).click();
    assert.match((await notice).suggestedFilename(), /^information-patient\.pdf$/);
    await page
      .getByTestId('notice-versions')
      .getByText(/Note d’information patients \(une page\) \(FR\) — version 1/)
      .waitFor();
    await page.getByRole('combobox', { name: 'Diffusion' }).click();
    await page.getByRole('option', { name: 'Affichée en salle d’attente' }).click();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page
      .getByTestId('notice-distributions')
      .getByText(/Affichée en salle d’attente/)
      .waitFor();
    await checkPage(page, shot('notices'));
    ran++;
  });

  it('the idle lock covers the screen after the delay and the password unlocks it where the person was', async () => {
    const a = assistant.page;
    await a.getByRole('link', { name: 'Mon compte' }).click();
    await heading(a, 'Mon compte');
    await a.getByRole('textbox', { name: 'Nom du jeton', exact: true }).fill('brouillon non envoyé');
    await assistant.context.clock.fastForward('06:00');
    await a.getByTestId('lock-screen').waitFor();
    await heading(a, 'Session verrouillée');
    assert.equal(await a.getByText('brouillon non envoyé').count(), 0);
    assert.equal(
      await a.getByRole('textbox', { name: 'Nom du jeton', exact: true }).isVisible(),
      false,
      'nothing of the page is readable under the lock',
    );
    await checkPage(a, shot('lock'));
    await a.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill('pas le bon');
    await a.getByRole('button', { name: 'Déverrouiller' }).click();
    await a.getByText('mot de passe incorrect').waitFor();
    await a.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ASSISTANT.password);
    await a.getByRole('button', { name: 'Déverrouiller' }).click();
    await heading(a, 'Mon compte');
    assert.equal(
      await a.getByRole('textbox', { name: 'Nom du jeton', exact: true }).inputValue(),
      'brouillon non envoyé',
      'what was typed survives the lock',
    );
    ran++;
  });

  it('the owner cuts the assistant’s access and the assistant is signed out at once', async () => {
    const { page } = owner;
    await page.getByRole('link', { name: 'Équipe', exact: true }).click();
    await heading(page, 'Équipe');
    await page.getByTestId(`member-${ASSISTANT.email}`).getByRole('button', { name: 'Couper l’accès' }).click();
    await checkPage(page, shot('team-end'));
    await page.getByRole('dialog').getByRole('button', { name: 'Couper l’accès' }).click();
    await page.getByText('Anciens membres').waitFor();
    const a = assistant.page;
    await a.getByRole('link', { name: 'À faire' }).click();
    await heading(a, 'Connexion');
    await a.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(ASSISTANT.email);
    await a.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(ASSISTANT.password);
    await a.getByRole('button', { name: 'Se connecter' }).click();
    await a.getByText(/E-mail ou mot de passe incorrect/).waitFor();
    ran++;
  });

  it('the audit trail shows the sign-ins and the refused attempt, exports CSV and verifies its integrity', async () => {
    const { page } = owner;
    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await heading(page, 'Journal d’audit');
    await page.locator('[data-testid="audit-row"][data-action="member.removed"]').first().waitFor();
    await checkPage(page, shot('audit'));
    // The refused attempt is older than the first page: the action filter finds it.
    const action = page.getByRole('combobox', { name: 'Action', exact: true });
    await action.fill('Accès refusé');
    await page.getByRole('option', { name: 'Accès refusé', exact: true }).click();
    await page.locator('[data-testid="audit-row"][data-action="access.denied"]').first().waitFor();
    await action.fill('Connexion (mot de passe accepté)');
    await page.getByRole('option', { name: 'Connexion (mot de passe accepté)', exact: true }).click();
    await page.locator('label').filter({ hasText: 'Connexions de l’équipe' }).click();
    await page.locator('[data-testid="audit-row"][data-action="auth.login.succeeded"]').first().waitFor();
    assert.ok((await page.getByRole('cell', { name: ASSISTANT.name }).count()) >= 1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter (CSV)' }).click();
    assert.match((await download).suggestedFilename(), /^journal-\d{4}-\d{2}-\d{2}\.csv$/);
    await page.getByRole('button', { name: 'Vérifier l’intégrité' }).click();
    await page.getByTestId('verification').getByText('Journal intact').waitFor();
    await checkPage(page, shot('audit-verified'));
    ran++;
  });

  it('every page passes axe in English too, and the language is remembered for the person', async () => {
    const { page } = owner;
    await page.locator('label').filter({ hasText: /^EN$/ }).click();
    await heading(page, 'Audit trail');
    for (const [link, title, name] of [
      ['To do', 'To do', 'home'],
      ['Register', 'Register of processing', 'register'],
      ['Patient information', 'Patient information', 'notices'],
      ['Patient requests', 'Patient requests', 'requests'],
      ['Breaches', 'Data breaches', 'breaches'],
      ['Practice', 'Practice', 'practice'],
      ['Team', 'Team', 'team'],
      ['Audit trail', 'Audit trail', 'audit'],
      ['Backups', 'Backups', 'backup'],
      ['My account', 'My account', 'account'],
    ] as const) {
      await page.getByRole('link', { name: link }).click();
      await heading(page, title);
      await checkPage(page, shot(`en-${name}`));
      if (name === 'breaches') {
        await page.getByTestId('breach-row').getByRole('link').first().click();
        await page.getByTestId('breach-clock').waitFor();
        await checkPage(page, shot('en-breach'));
      }
    }
    const me = (await (await page.request.get('/api/v1/me')).json()) as { preferences: { language: string } };
    assert.equal(me.preferences.language, 'en');
    await page.locator('label').filter({ hasText: /^FR$/ }).click();
    await heading(page, 'Mon compte');
    await checkPage(page, shot('account'));
    await page.getByRole('link', { name: 'Sauvegardes' }).click();
    await heading(page, 'Sauvegardes');
    await checkPage(page, shot('backup'));
    // A tablet in portrait: the navigation folds behind the menu button and every page stays usable.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('button', { name: 'Ouvrir ou fermer le menu' }).click();
    await page.getByRole('link', { name: 'Équipe', exact: true }).click();
    await heading(page, 'Équipe');
    await checkPage(page, shot('tablet-team'));
    await page.getByRole('button', { name: 'Ouvrir ou fermer le menu' }).click();
    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await heading(page, 'Journal d’audit');
    await checkPage(page, shot('tablet-audit'));
    const overflow = (await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    )) as number;
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a tablet`);
    await page.setViewportSize({ width: 1280, height: 900 });
    const english = await newPerson(browser, server.url, 'en-GB');
    await english.page.goto('/');
    await heading(english.page, 'Sign in');
    await checkPage(english.page, shot('en-login'));
    assert.deepEqual(english.problems, []);
    await english.context.close();
    ran++;
  });

  it('signs in again with the password and a code from the authenticator app', async () => {
    const { page } = owner;
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await heading(page, 'Connexion');
    await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await heading(page, 'Code de vérification');
    await checkPage(page, shot('login-code'));
    await page.getByRole('textbox', { name: 'Code à 6 chiffres', exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('code incorrect ou déjà utilisé').waitFor();
    await page.getByRole('textbox', { name: 'Code à 6 chiffres', exact: true }).fill(await freshCode(ownerSecret));
    await page.getByRole('button', { name: 'Valider' }).click();
    // Signed in again on the page where the person was, with the navigation back.
    await page.getByRole('navigation').getByRole('link', { name: 'À faire' }).click();
    await heading(page, 'À faire');
    assert.deepEqual(owner.problems, []);
    assert.deepEqual(assistant.problems, []);
    ran++;
  });

  it('the owner of another practice on the server invites her: she sees it at home, accepts, and works in both', async () => {
    // A second practice on the same server, created by the server administrator.
    const neighbour = {
      practice: 'Cabinet du Port',
      name: 'Marc Leroux',
      email: 'marc@cabinet-du-port.fr',
      password: 'Phare-Mouette-Écume-Bastingage-9',
    };
    const cli = spawnSync(
      path.resolve(import.meta.dirname, '../bin/gardien.js'),
      [
        'practice',
        'add',
        '--data-dir',
        db.dataDir,
        ...(db.target.kind === 'postgres' ? ['--database-url', db.target.url] : []),
        '--name',
        neighbour.practice,
        '--owner-email',
        neighbour.email,
        '--owner-name',
        neighbour.name,
      ],
      { env: { ...process.env, GARDIEN_PASSWORD: neighbour.password }, encoding: 'utf8' },
    );
    assert.equal(cli.status, 0, cli.stderr);
    const marc = await newPerson(browser, server.url);
    marc.context.setDefaultTimeout(15_000);
    const m = marc.page;
    await m.goto('/');
    await heading(m, 'Connexion');
    await m.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(neighbour.email);
    await m.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(neighbour.password);
    await m.getByRole('button', { name: 'Se connecter' }).click();
    await enrolAuthenticator(m, shot('neighbour'));
    await heading(m, 'À faire');
    await m.getByRole('link', { name: 'Équipe', exact: true }).click();
    await heading(m, 'Équipe');
    await m.getByRole('button', { name: 'Ajouter une personne' }).click();
    const dialog = m.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Dr Dupont-Lefèvre');
    await dialog.getByRole('textbox', { name: 'E-mail', exact: true }).fill(OWNER.email);
    await dialog.getByRole('button', { name: 'Ajouter' }).click();
    const handedOver = await dialog.getByTestId('temporary-password').innerText();
    await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
    // Pending, with what Marc typed: the team page says nothing of the account Claire already has.
    await m.getByTestId(`invitation-${OWNER.email}`).getByText('Dr Dupont-Lefèvre', { exact: false }).waitFor();
    await checkPage(m, shot('neighbour-team-pending'));

    const { page } = owner;
    await page.reload();
    await heading(page, 'À faire');
    const invitation = page.getByTestId(`invitation-to-${neighbour.practice}`);
    await invitation.waitFor();
    await checkPage(page, shot('invitation'));
    // Accepting takes the temporary password Marc handed over: a wrong one is refused on its field.
    await invitation.getByLabel('Mot de passe provisoire remis par le cabinet').fill('Pas-le-bon-mot-de-passe-42!');
    await invitation.getByRole('button', { name: 'Accepter' }).click();
    await invitation.getByText(/Mot de passe provisoire incorrect : encore 4 essai/).waitFor();
    await invitation.getByLabel('Mot de passe provisoire remis par le cabinet').fill(handedOver);
    await invitation.getByRole('button', { name: 'Accepter' }).click();
    await invitation.waitFor({ state: 'detached' });
    await page.getByText(`Vous avez rejoint ${neighbour.practice}`).waitFor();
    // Accepting kept the practice she works in on screen (without a saved choice the app shows the first by name).
    assert.equal(
      ((await (await page.request.get('/api/v1/me')).json()) as { preferences: { practiceId: string } }).preferences
        .practiceId,
      practiceId,
    );
    const me = (await (await page.request.get('/api/v1/me')).json()) as {
      memberships: { practiceName: string; role: string }[];
    };
    assert.deepEqual(me.memberships.map((x) => [x.practiceName, x.role]).sort(), [
      [OWNER.practice, 'owner'],
      [neighbour.practice, 'assistant'],
    ]);
    // Marc now sees her in his team, under the account's own name.
    await m.reload();
    await heading(m, 'Équipe');
    await m.getByTestId(`member-${OWNER.email}`).waitFor();
    assert.deepEqual(marc.problems, []);
    assert.deepEqual(owner.problems, []);
    ran++;
  });
}

inChromium('browser journeys', journeys, () => ran);
