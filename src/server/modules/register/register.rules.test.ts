import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { ActivityInputSchema, RegisterExportSchema } from '../../../contracts/register.js';
import {
  accountingRetention,
  canonicalJson,
  dpiaLikely,
  dpiaScreening,
  fingerprint,
  missingFields,
  placeholderFields,
  reviewDueOn,
} from './register.rules.js';
import { REGISTER_WORDS } from '../../../contracts/register-labels.js';
import { readability } from './register.notices.js';
import { templates } from './register.templates.js';

const base = ActivityInputSchema.parse({
  name: 'Soins',
  purposes: [{ purpose: 'Dossier médical', legalBasis: 'legal_obligation', art9Condition: 'health_care' }],
  people: [{ category: 'patients' }],
  data: [],
  sensitive: [{ category: 'health', retention: { active: '20 ans' } }],
  recipients: [{ type: 'internal', details: 'Praticiens' }],
  transfers: [],
  security: [{ type: 'access_control' }],
});

describe('register rules', () => {
  it('names what is missing for Art. 30(1): purposes with their basis, the Art. 9 condition, people, data with retention, recipients, security', () => {
    assert.deepEqual(missingFields(base), []);
    const bare = ActivityInputSchema.parse({
      name: 'X',
      purposes: [{ purpose: 'P', legalBasis: null }],
      people: [],
      data: [{ category: 'identity', retention: { active: ' ' } }],
      sensitive: [{ category: 'health', retention: { active: '1 an' } }],
      recipients: [],
      transfers: [],
      security: [],
    });
    assert.deepEqual(missingFields(bare), [
      'purposes.0.legalBasis',
      'purposes.art9Condition',
      'people',
      'data.0.retention.active',
      'recipients',
      'security',
    ]);
  });

  it('DPIA screening: two WP248 criteria, not counting health data and patients for care; the group-practice threshold alone', () => {
    assert.equal(dpiaLikely({ ...base, dpiaCriteria: ['sensitive_data', 'vulnerable_people'] }), false);
    assert.equal(
      dpiaLikely({ ...base, dpiaCriteria: ['sensitive_data', 'vulnerable_people', 'innovative_technology'] }),
      false,
    );
    assert.equal(dpiaLikely({ ...base, dpiaCriteria: ['systematic_monitoring', 'innovative_technology'] }), true);
    assert.equal(dpiaLikely({ ...base, dpiaCriteria: ['group_practice_over_10000'] }), true);
    const staff = {
      ...base,
      purposes: [{ purpose: 'Vidéo', legalBasis: 'legitimate_interest' as const, art9Condition: null }],
    };
    assert.equal(dpiaLikely({ ...staff, dpiaCriteria: ['systematic_monitoring', 'vulnerable_people'] }), true);
  });

  it('each activity its own screening reason; a group practice over 10,000 patients is told a DPO is expected too (référentiel §11)', () => {
    assert.equal(
      dpiaScreening({ ...base, dpiaCriteria: ['sensitive_data', 'vulnerable_people'] }).reason,
      'care_listed',
    );
    assert.equal(dpiaScreening({ ...base, dpiaCriteria: ['group_practice_over_10000'] }).reason, 'group_practice');
    assert.match(REGISTER_WORDS.fr.dpiaReasons.group_practice, /délégué à la protection des données attendue/);
    const staff = {
      ...base,
      purposes: [{ purpose: 'Paie', legalBasis: 'legal_obligation' as const, art9Condition: null }],
      sensitive: [],
    };
    assert.equal(dpiaScreening(staff).reason, 'no_criterion');
    assert.equal(dpiaScreening({ ...staff, dpiaCriteria: ['systematic_monitoring'] }).reason, 'one_criterion');
    assert.doesNotMatch(
      REGISTER_WORDS.fr.dpiaReasons.no_criterion,
      /professionnel de santé/,
      'payroll is not told about care',
    );
  });

  it('template placeholders are named as missing, wherever they are', () => {
    const f = {
      ...base,
      software: 'Logiciel (à préciser)',
      recipients: [{ type: 'processor' as const, details: 'Hébergeur (à préciser)' }],
    };
    assert.deepEqual(placeholderFields(f), ['software', 'recipients.0.details']);
    assert.ok(missingFields(f).includes('software') && missingFields(f).includes('recipients.0.details'));
  });

  it('accounting kept 6 years for a sole practitioner (LPF L102 B), 10 for a company (C. com. L123-22), 10 by prudence when unknown', () => {
    assert.match(accountingRetention('Exercice individuel (libéral)'), /^6 ans/);
    assert.match(accountingRetention('SCP'), /^6 ans/);
    for (const form of ['SELARL', 'SELAS', 'selarl du Port', 'SAS'])
      assert.match(accountingRetention(form), /^10 ans \(pièces comptables/, form);
    assert.match(accountingRetention(null), /^10 ans par prudence/);
  });

  it('review due twelve months after validation, in Paris dates (29 February → 28 February)', () => {
    assert.equal(reviewDueOn(new Date('2026-01-15T10:00:00Z')), '2027-01-15');
    assert.equal(
      reviewDueOn(new Date('2028-02-29T23:30:00Z')),
      '2029-03-01',
      'after 23:00 UTC in winter it is already 1 March in Paris',
    );
    assert.equal(reviewDueOn(new Date('2028-02-29T10:00:00Z')), '2029-02-28');
  });

  it('fingerprints the same fields the same way whatever the key order', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
    assert.equal(fingerprint({ a: 1, b: 2 }), fingerprint({ b: 2, a: 1 }));
    assert.notEqual(fingerprint(base), fingerprint({ ...base, software: 'Logos' }));
  });

  it('every template is complete against the CNIL fiche but for what only the practice can say ("(à préciser)")', () => {
    assert.equal(templates().length, 7);
    for (const t of templates()) {
      assert.deepEqual(
        missingFields(t.fields).filter((p) => !placeholderFields(t.fields).includes(p)),
        [],
        t.key,
      );
      assert.ok(t.title && t.titleEn && t.summary && t.summaryEn, t.key);
    }
  });

  it('measures readability: short plain sentences score high, long administrative ones low', () => {
    const plain = readability('Vous pouvez voir vos données. Vous pouvez en avoir une copie. Elle est gratuite.');
    const heavy = readability(
      'Conformément aux dispositions réglementaires applicables relatives à la protection des données à caractère personnel, les informations recueillies font l’objet d’un traitement informatique destiné à la gestion administrative de la patientèle.',
    );
    assert.ok(plain.score > 70 && plain.wordsPerSentence < 6, JSON.stringify(plain));
    assert.ok(heavy.score < 40, JSON.stringify(heavy));
  });

  it('keeps docs/register-export.schema.json, the documented JSON export format, in step with the contract', () => {
    const file = path.resolve(import.meta.dirname, '../../../../docs/register-export.schema.json');
    const schema = `${JSON.stringify({ $id: 'gardien.register/1', title: 'Gardien register export (format gardien.register/1)', ...z.toJSONSchema(RegisterExportSchema, { io: 'output' }) }, null, 2)}\n`;
    if (process.env.GARDIEN_WRITE_DOCS === '1') fs.writeFileSync(file, schema);
    assert.equal(
      fs.readFileSync(file, 'utf8'),
      schema,
      'regenerate: GARDIEN_WRITE_DOCS=1 node --import tsx --test src/server/modules/register/register.rules.test.ts',
    );
  });
});
