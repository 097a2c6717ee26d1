import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noticeGaps, type PracticeResponse } from '../../../contracts/practices.js';
import { buildNotice, noticeText, recordActivity } from './register.notices.js';
import { adaptTemplate } from './register.rules.js';
import { templateByKey } from './register.templates.js';

const practice: PracticeResponse = {
  id: 'prc_AAAAAAAAAAAAAAAAAAAAAA',
  name: 'Cabinet du Port',
  legalForm: 'SELARL',
  siren: null,
  siret: null,
  address: '3 quai Jean-Bart, 29200 Brest',
  controllerName: 'Dr Hélène Garnier',
  dpoContact: null,
  idleLockMinutes: 5,
  alsaceMoselle: false,
  overseasTerritory: null,
  phone: '02 98 00 00 00',
  email: 'accueil@cabinet-du-port.fr',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const fields = (key: string) => adaptTemplate(templateByKey(key)!.fields, practice);

describe('patient notice', () => {
  it('takes the record’s retention from the patient-record activity, whatever the order (billing first)', () => {
    const activities = [fields('billing'), fields('appointments'), fields('patient_care')];
    assert.equal(recordActivity(activities), activities[2]);
    const text = noticeText(buildNotice('patient', practice, activities, 'fr'));
    assert.match(text, /Votre dossier est gardé 5 ans après la dernière intervention sur le dossier, puis 15 ans/);
    assert.doesNotMatch(text, /Votre dossier est gardé Durée de la relation/);
    assert.match(text, /Vos factures : durée de la relation, puis 10 ans/);
    assert.match(text, /^Vos données personnelles au Cabinet du Port\n/, 'the word cabinet is not doubled');
  });

  it('says the dental record’s own clock (8 days, 2 months past five years) besides the month (CSP L1111-7, R1111-1)', () => {
    const text = noticeText(buildNotice('patient', practice, [fields('patient_care')], 'fr'));
    assert.match(text, /Nous répondons dans un délai d’un mois\./);
    assert.match(text, /sous 8 jours\. Comptez 2 mois si les informations ont plus de cinq ans\./);
  });

  it('gives the Art. 13 items: contact, basis of each purpose, legitimate interests, whether data must be given, transfers', () => {
    const text = noticeText(
      buildNotice(
        'patient',
        { ...practice, dpoContact: 'dpo@exemple.fr' },
        [fields('patient_care'), fields('appointments'), fields('billing')],
        'fr',
      ),
    );
    assert.match(text, /Pour nous joindre : 02 98 00 00 00 ou accueil@cabinet-du-port\.fr\./);
    assert.match(text, /Délégué à la protection des données : dpo@exemple\.fr\./);
    assert.match(text, /- Tenue du dossier médical et suivi des soins : la loi nous y oblige\./);
    assert.match(text, /- Prise et gestion des rendez-vous : pour les soins que vous nous demandez\./);
    assert.match(
      text,
      /Rappels de rendez-vous par SMS ou e-mail, sans motif de consultation : notre intérêt légitime\./,
    );
    assert.match(
      text,
      /Devez-vous nous les donner \?\nSans vos informations de santé, nous ne pouvons pas vous soigner en sécurité\./,
    );
    assert.match(text, /Sans votre numéro de sécurité sociale/);
    assert.match(text, /Vos données restent dans l’Union européenne\./);
    assert.match(text, /refuser le partage de vos informations avec d’autres soignants/);
  });

  it('names what the practice identity lacks before a notice is generated', () => {
    assert.deepEqual(noticeGaps(practice), []);
    assert.deepEqual(noticeGaps({ ...practice, address: null, phone: null, email: null }), ['address', 'phone']);
    assert.deepEqual(noticeGaps({ ...practice, phone: null, email: null, dpoContact: 'dpo@exemple.fr' }), []);
  });
});
