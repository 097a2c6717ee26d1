import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DECISION_GROUNDS, SUBJECTS_BY_KIND, VERDICTS } from '../../../contracts/request-answers.js';
import { REQUEST_KINDS } from '../../../contracts/rights-requests.js';
import { ALLOWED_GROUNDS } from '../../../contracts/request-answers.js';
import { decisionProblems, effectsOf, outcomeOf, proposalContext, propose, retentionEndsOn } from './decision.rules.js';

describe('the retention of the medical record (R1112-7 by analogy, a default)', () => {
  it('20 years after the last care', () =>
    assert.equal(retentionEndsOn({ birthDate: '1970-03-01', lastCareOn: '2024-02-29', deathOn: null }), '2044-02-29'));
  it('not before the 28th birthday of a child', () =>
    assert.equal(retentionEndsOn({ birthDate: '2010-09-10', lastCareOn: '2016-01-05', deathOn: null }), '2038-09-10'));
  it('10 years after a death less than 10 years after the last care', () =>
    assert.equal(
      retentionEndsOn({ birthDate: '1940-01-01', lastCareOn: '2020-05-01', deathOn: '2022-07-14' }),
      '2032-07-14',
    ));
  it('a death 10 years or more after the last care keeps the 20 years', () =>
    assert.equal(
      retentionEndsOn({ birthDate: '1940-01-01', lastCareOn: '2000-05-01', deathOn: '2015-07-14' }),
      '2020-05-01',
    ));
  it('unknown without a last care date', () =>
    assert.equal(retentionEndsOn({ birthDate: '1940-01-01', lastCareOn: null, deathOn: null }), null));
});

describe('the proposal', () => {
  const today = '2026-01-15';
  it('erasure: the medical record refused during its retention (Art. 17(3)), erased once it has ended', () => {
    const kept = propose('erasure', { birthDate: '1980-01-01', lastCareOn: '2020-01-01', deathOn: null }, today)
      .items[0]!;
    assert.deepEqual([kept.verdict, kept.ground], ['refused', 'art17_3_retention']);
    const ended = propose('erasure', { birthDate: '1960-01-01', lastCareOn: '2005-01-01', deathOn: null }, today)
      .items[0]!;
    assert.deepEqual([ended.verdict, ended.ground], ['carried_out', 'art17_retention_ended']);
    assert.deepEqual([propose('erasure', null, today).items[0]!.verdict], ['refused'], 'no patient linked: kept');
  });
  it('objection: care refused, marketing and SMS honoured with their flags', () => {
    const p = propose('objection', null, today).items.map((i) => [i.subject, i.verdict, i.effect?.flag ?? null]);
    assert.deepEqual(p, [
      ['care', 'refused', null],
      ['care_sharing', 'carried_out', null],
      ['marketing', 'carried_out', 'marketingConsent'],
      ['sms_reminders', 'carried_out', 'objectsToSms'],
    ]);
    // CSP L1110-4: the objection to sharing between professionals is honoured, not refused like an objection to care.
    assert.deepEqual(
      propose('objection', null, today).items.find((i) => i.subject === 'care_sharing')!.ground,
      'csp_l1110_4_sharing',
    );
  });
  it('portability not applicable to a record kept under a legal obligation, served for data given under a contract; restriction sets the flag', () => {
    assert.equal(propose('portability', null, today).items[0]!.verdict, 'not_applicable');
    const billing = {
      fields: [{ purposes: [{ legalBasis: 'legal_obligation' }, { legalBasis: 'contract' }] }],
      validated: true,
    };
    assert.deepEqual(
      propose('portability', null, today, proposalContext('self', billing)).items[0]!.ground,
      'art20_served',
    );
    assert.equal(
      propose(
        'portability',
        null,
        today,
        proposalContext('self', { fields: [{ purposes: [{ legalBasis: 'legal_obligation' }] }], validated: true }),
      ).items[0]!.verdict,
      'not_applicable',
    );
    assert.deepEqual(propose('restriction', null, today).items[0]!.effect, { flag: 'isRestricted', value: true });
  });
  it('warns that heirs have three purposes only (L1110-4 V) and that a minor may object to the parents (L1111-5)', () => {
    const minor = { birthDate: '2012-06-01', lastCareOn: '2025-10-01', deathOn: null };
    assert.deepEqual(
      propose('health_record_access', minor, today, proposalContext('legal_representative', null)).cautions,
      ['minor_may_object'],
    );
    assert.deepEqual(
      propose(
        'health_record_access',
        { ...minor, birthDate: '2000-01-01' },
        today,
        proposalContext('legal_representative', null),
      ).cautions,
      [],
    );
    assert.deepEqual(propose('health_record_access', null, today, proposalContext('heir', null)).cautions, [
      'heirs_three_purposes',
    ]);
    assert.deepEqual(propose('erasure', null, today, proposalContext('heir', null)).cautions, []);
  });
  it('every proposal can be confirmed as it is, with no reasons', () => {
    for (const kind of REQUEST_KINDS) {
      const p = propose(kind, { birthDate: '1980-01-01', lastCareOn: '2020-01-01', deathOn: null }, today);
      assert.deepEqual(
        p.items.map((i) => i.subject),
        [...SUBJECTS_BY_KIND[kind]],
      );
      assert.deepEqual(decisionProblems(kind, p.items, p), [], kind);
    }
  });
});

describe('confirming a decision', () => {
  const p = propose('erasure', null, '2026-01-15');
  it('refuses a subject of another kind, a duplicate, a ground that does not fit, a refused objection to marketing', () => {
    const problems = decisionProblems(
      'erasure',
      [
        { subject: 'care', verdict: 'refused', ground: 'art21_care_not_applicable' },
        { subject: 'marketing', verdict: 'carried_out', ground: 'art17_1_erased' },
        { subject: 'marketing', verdict: 'carried_out', ground: 'art17_1_erased' },
        { subject: 'commercial_photos', verdict: 'carried_out', ground: 'art16_rectified' },
      ],
      p,
    );
    assert.deepEqual(
      problems.map((x) => `${x.path}:${x.code}`),
      [
        'items.0.subject:subject_not_for_kind',
        'items.2.subject:duplicate_subject',
        'items.3.ground:ground_not_allowed',
      ],
    );
    assert.deepEqual(
      decisionProblems(
        'objection',
        [{ subject: 'marketing', verdict: 'refused', ground: 'other', reasons: 'x' }],
        propose('objection', null, '2026-01-15'),
      ).map((x) => x.code),
      ['marketing_objection_absolute'],
    );
  });
  it('needs reasons to depart from the proposal, for "other" and for a manifestly unfounded request (Art. 12(5))', () => {
    assert.deepEqual(
      decisionProblems('erasure', [{ subject: 'commercial_photos', verdict: 'refused', ground: 'other' }], p).map(
        (x) => x.code,
      ),
      ['reasons_required'],
    );
    assert.deepEqual(
      decisionProblems(
        'erasure',
        [
          {
            subject: 'commercial_photos',
            verdict: 'refused',
            ground: 'other',
            reasons: 'Photos publiées avec accord écrit, retirées du site le 3 janvier',
          },
        ],
        p,
      ),
      [],
    );
  });
  it('answered when one item is carried out, refused otherwise; flags once each', () => {
    assert.equal(
      outcomeOf([
        { subject: 'medical_record', verdict: 'refused', ground: 'art17_3_retention' },
        { subject: 'marketing', verdict: 'carried_out', ground: 'art17_1_erased' },
      ]),
      'answered',
    );
    assert.equal(
      outcomeOf([{ subject: 'portability', verdict: 'not_applicable', ground: 'art20_not_applicable' }]),
      'refused',
    );
    // "Sans objet": nothing held is an answer, not a refusal.
    assert.equal(
      outcomeOf([
        { subject: 'commercial_photos', verdict: 'not_applicable', ground: 'nothing_held' },
        { subject: 'marketing', verdict: 'not_applicable', ground: 'nothing_held' },
      ]),
      'answered',
    );
    assert.deepEqual(
      effectsOf([
        { subject: 'marketing', verdict: 'carried_out', ground: 'art17_1_erased' },
        { subject: 'commercial_photos', verdict: 'carried_out', ground: 'art17_1_erased' },
      ]),
      [{ flag: 'marketingConsent', value: false }],
    );
  });
  it('property: a decision is accepted only with an allowed ground, and any refusal or departure without reasons is refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...REQUEST_KINDS),
        fc.constantFrom(...VERDICTS),
        fc.constantFrom(...DECISION_GROUNDS),
        fc.boolean(),
        (kind, verdict, ground, withReasons) => {
          const subject = SUBJECTS_BY_KIND[kind][0]!;
          const proposal = propose(kind, null, '2026-01-15');
          const problems = decisionProblems(
            kind,
            [{ subject, verdict, ground, ...(withReasons ? { reasons: 'motif' } : {}) }],
            proposal,
          );
          const allowed = ALLOWED_GROUNDS[subject][verdict]?.includes(ground) ?? false;
          if (!allowed) return problems.length === 1;
          const proposed = proposal.items[0]!;
          const asProposed =
            proposed.verdict === verdict &&
            proposed.ground === ground &&
            ground !== 'other' &&
            ground !== 'art12_5_manifestly_unfounded';
          return asProposed || withReasons
            ? problems.length === 0
            : problems.length === 1 && problems[0]!.code === 'reasons_required';
        },
      ),
    );
  });
});
