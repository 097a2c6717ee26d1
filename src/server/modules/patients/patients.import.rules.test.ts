import assert from 'node:assert/strict';
import { it } from 'node:test';
import { guessMapping, normaliseDate, parseCsv, planImport } from './patients.import.rules.js';

const EXPORT =
  '\uFEFFN° dossier;Nom;Prénom;Date de naissance;Téléphone;E-mail\r\n' +
  'A1;Lefèvre;Zoé;29/02/1984;06 12 34 56 78;zoe@example.fr\r\n' +
  'A2;Martin;;01/01/1990;;\r\n' +
  'A3;Durand;Émile;31/02/1990;;\r\n' +
  'A1;Doublon;Léa;01/01/1991;;\r\n' +
  ';"Dupont; fils";Jean;1975-06-15;pas un numéro;\r\n';

it('reads a French export, proposes the mapping, and lists every rejected line with its reason', () => {
  const csv = parseCsv(EXPORT);
  assert.equal(csv.delimiter, ';');
  const mapping = guessMapping(csv.headers);
  assert.deepEqual(mapping, {
    externalId: 'N° dossier',
    lastName: 'Nom',
    firstName: 'Prénom',
    birthDate: 'Date de naissance',
    email: 'E-mail',
    phone: 'Téléphone',
  });
  // Accents and case set aside, as the practice software happens to write them.
  assert.deepEqual(
    guessMapping(['Numéro patient', 'NOM', 'PRENOM', 'Né(e) le', 'Tél', 'Dernière visite', 'Décédé le']),
    {
      externalId: 'Numéro patient',
      lastName: 'NOM',
      firstName: 'PRENOM',
      birthDate: 'Né(e) le',
      phone: 'Tél',
      lastCareOn: 'Dernière visite',
      deathOn: 'Décédé le',
    },
  );
  const plan = planImport(csv, mapping, '2026-06-01');
  assert.deepEqual(
    plan.valid.map((v) => v.line),
    [2],
  );
  assert.deepEqual(plan.valid[0]!.patient.birthDate, '1984-02-29');
  assert.deepEqual(
    plan.rejected.map((r) => [r.line, r.field, r.code]),
    [
      [3, 'firstName', 'required'],
      [4, 'birthDate', 'invalid_format'],
      [5, 'externalId', 'external_id_repeated'],
      [6, 'phone', 'phone_format'],
    ],
  );
});

it('refuses a mapping without the required columns or naming a column the file lacks', () => {
  const csv = parseCsv('nom,prenom\nA,B\n');
  assert.equal(csv.delimiter, ',');
  assert.deepEqual(
    planImport(csv, { lastName: 'nom', firstName: 'prenom', birthDate: 'naissance' }, '2026-06-01').rejected.map(
      (r) => [r.line, r.field, r.code],
    ),
    [[1, 'birthDate', 'column_missing']],
  );
  assert.deepEqual(
    planImport(csv, { lastName: 'nom', firstName: 'prenom' }, '2026-06-01').rejected.map((r) => r.code),
    ['column_required'],
  );
});

it('turns French dates into ISO dates', () => {
  assert.equal(normaliseDate('5/3/2026'), '2026-03-05');
  assert.equal(normaliseDate('05.03.2026'), '2026-03-05');
  assert.equal(normaliseDate('2026-03-05'), '2026-03-05');
});
