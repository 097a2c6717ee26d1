import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { suggestedAssessment, type Assessment } from '../../../contracts/breaches.js';
import {
  bandOf,
  clockStage,
  decisionProblems,
  hoursLeft,
  informationState,
  isLate,
  notifyByOf,
  parisWallTime,
  peopleBand,
  proposeDecision,
  severityOf,
  severityScore,
  timelineProblem,
  toUtc,
} from './breaches.rules.js';

describe('the 72-hour clock (Art. 33(1))', () => {
  it('keeps the UTC form of an instant typed with an offset', () => {
    assert.equal(toUtc('2026-03-27T09:30:00+01:00'), '2026-03-27T08:30:00.000Z');
    assert.equal(toUtc('2026-03-27T08:30:00Z'), '2026-03-27T08:30:00.000Z');
  });

  it('counts 72 elapsed hours across the spring change (29 March 2026: Paris loses an hour)', () => {
    // Aware on Friday 27 March at 10:00 in Paris (UTC+1): 72 hours later it is Monday 30 March 11:00 in Paris (UTC+2).
    const by = notifyByOf(toUtc('2026-03-27T10:00:00+01:00'));
    assert.equal(by, '2026-03-30T09:00:00.000Z');
    assert.deepEqual(parisWallTime(by), { date: '2026-03-30', time: '11:00', offset: '+02:00' });
  });

  it('counts 72 elapsed hours across the autumn change (25 October 2026: Paris gains an hour)', () => {
    const by = notifyByOf(toUtc('2026-10-23T10:00:00+02:00'));
    assert.equal(by, '2026-10-26T08:00:00.000Z');
    assert.deepEqual(parisWallTime(by), { date: '2026-10-26', time: '09:00', offset: '+01:00' });
  });

  it('starting in the hour that happens twice (25 October 2026, 02:30 in Paris, before and after the change)', () => {
    assert.equal(notifyByOf(toUtc('2026-10-25T02:30:00+02:00')), '2026-10-28T00:30:00.000Z');
    assert.equal(notifyByOf(toUtc('2026-10-25T02:30:00+01:00')), '2026-10-28T01:30:00.000Z');
  });

  it('is always exactly 72 hours of elapsed time, whatever the instant (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          assert.equal(Date.parse(notifyByOf(d.toISOString())) - d.getTime(), 72 * 3_600_000);
        },
      ),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('shows the reminder stages at 24, 12 and 1 hour before, and once passed', () => {
    const by = '2026-03-30T09:00:00.000Z';
    const at = (h: number) => new Date(Date.parse(by) - h * 3_600_000);
    assert.equal(clockStage(by, at(30)), 'more_than_24h');
    assert.equal(clockStage(by, at(24)), 'within_24h');
    assert.equal(clockStage(by, at(12)), 'within_12h');
    assert.equal(clockStage(by, at(1)), 'within_1h');
    assert.equal(clockStage(by, at(0)), 'passed');
    assert.equal(hoursLeft(by, at(30.5)), 30);
    assert.equal(hoursLeft(by, at(-2)), -2);
    assert.equal(isLate('2026-03-30T09:00:00.001Z', by), true);
    assert.equal(isLate(by, by), false);
  });

  it('refuses a timeline that does not hold together', () => {
    const now = new Date('2026-03-30T12:00:00Z');
    const ok = {
      awareAt: '2026-03-28T10:00:00.000Z',
      detectedAt: '2026-03-28T09:00:00.000Z',
      startedAt: '2026-03-27T22:00:00.000Z',
      endedAt: null,
    };
    assert.equal(timelineProblem(ok, now), null);
    assert.deepEqual(timelineProblem({ ...ok, awareAt: '2026-03-30T13:00:00.000Z' }, now), {
      path: 'awareAt',
      code: 'date_in_future',
    });
    assert.equal(
      timelineProblem({ ...ok, awareAt: '2026-03-30T12:04:00.000Z' }, now),
      null,
      'a few minutes of clock difference are tolerated',
    );
    assert.deepEqual(timelineProblem({ ...ok, detectedAt: '2026-03-28T11:00:00.000Z' }, now), {
      path: 'detectedAt',
      code: 'detected_after_awareness',
    });
    assert.deepEqual(timelineProblem({ ...ok, startedAt: '2026-03-28T09:30:00.000Z' }, now), {
      path: 'startedAt',
      code: 'started_after_detection',
    });
    assert.deepEqual(timelineProblem({ ...ok, endedAt: '2026-03-27T21:00:00.000Z' }, now), {
      path: 'endedAt',
      code: 'ended_before_start',
    });
  });
});

describe('severity (ENISA 2013: SE = DPC × EI + CB)', () => {
  const base: Assessment = {
    dpcCategory: 'sensitive',
    dpcScore: 4,
    ease: 'maximum',
    confidentiality: 'none',
    integrity: 'none',
    availability: 'none',
    malicious: false,
  };

  it('scores a dental record disclosed to unknown recipients by an attacker as very high', () => {
    const s = severityOf(
      { ...base, confidentiality: 'unknown_recipients', malicious: true },
      { approxPeople: 1200, encrypted: false },
    );
    assert.deepEqual(s, {
      score: 5,
      band: 'very_high',
      proposedDecision: 'notify_authority_and_people',
      flags: ['over_100_people'],
    });
  });

  it('scores an encrypted laptop (identification negligible) as low: record only', () => {
    const s = severityOf(
      { ...base, ease: 'negligible', availability: 'temporary' },
      { approxPeople: 40, encrypted: true },
    );
    assert.deepEqual(s, { score: 1.25, band: 'low', proposedDecision: 'record_only', flags: ['encrypted'] });
  });

  it('puts the band edges where ENISA puts them (< 2, < 3, < 4, ≥ 4)', () => {
    assert.deepEqual([1.75, 2, 2.75, 3, 3.75, 4, 4.5].map(bandOf), [
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very_high',
      'very_high',
    ]);
    assert.equal(severityScore({ ...base, dpcScore: 2, ease: 'maximum' }), 2);
    assert.equal(
      severityScore({
        ...base,
        dpcScore: 1,
        ease: 'maximum',
        confidentiality: 'unknown_recipients',
        integrity: 'altered_not_recoverable',
        availability: 'permanent',
        malicious: true,
      }),
      3,
    );
    assert.equal(
      severityScore({ ...base, dpcScore: 3, ease: 'significant', confidentiality: 'known_recipients' }),
      2.5,
    );
  });

  it('maps the bands to proposals: low → register, medium → CNIL, high and very high → CNIL and people', () => {
    assert.deepEqual((['low', 'medium', 'high', 'very_high'] as const).map(proposeDecision), [
      'record_only',
      'notify_authority',
      'notify_authority_and_people',
      'notify_authority_and_people',
    ]);
  });

  it('never leaves the score range, and the band always follows the score (property)', () => {
    const arb = fc.record({
      dpcCategory: fc.constantFrom('simple', 'behavioural', 'financial', 'sensitive'),
      dpcScore: fc.integer({ min: 1, max: 4 }),
      ease: fc.constantFrom('negligible', 'limited', 'significant', 'maximum'),
      confidentiality: fc.constantFrom('none', 'known_recipients', 'unknown_recipients'),
      integrity: fc.constantFrom('none', 'altered_recoverable', 'altered_not_recoverable'),
      availability: fc.constantFrom('none', 'temporary', 'permanent'),
      malicious: fc.boolean(),
    }) as fc.Arbitrary<Assessment>;
    fc.assert(
      fc.property(arb, (a) => {
        const s = severityScore(a);
        assert.ok(s >= 0.25 && s <= 6, String(s));
        assert.equal(bandOf(s), s < 2 ? 'low' : s < 3 ? 'medium' : s < 4 ? 'high' : 'very_high');
      }),
      { seed: 20261128, numRuns: 500 },
    );
  });
});

describe('the decision a person confirms', () => {
  it('needs reasons to record only (the register keeps why it was not notified)', () => {
    assert.deepEqual(decisionProblems({ decision: 'record_only' }, null), {
      path: 'reason',
      code: 'not_notifying_needs_reasons',
    });
    assert.equal(
      decisionProblems(
        { decision: 'record_only', reason: 'Clé USB chiffrée, clé de déchiffrement non compromise' },
        'record_only',
      ),
      null,
    );
  });

  it('needs reasons to go below the proposal, and an Art. 34(3) ground not to inform people at high risk', () => {
    assert.deepEqual(decisionProblems({ decision: 'notify_authority' }, 'notify_authority_and_people'), {
      path: 'peopleException',
      code: 'people_exception_required',
    });
    assert.deepEqual(
      decisionProblems({ decision: 'notify_authority', peopleException: 'encrypted' }, 'notify_authority_and_people'),
      { path: 'reason', code: 'below_proposal_needs_reasons' },
    );
    assert.equal(
      decisionProblems(
        { decision: 'notify_authority', peopleException: 'encrypted', reason: 'Sauvegarde chiffrée' },
        'notify_authority_and_people',
      ),
      null,
    );
    assert.deepEqual(
      decisionProblems({ decision: 'notify_authority' }, 'record_only'),
      null,
      'going above the proposal is always allowed',
    );
    assert.deepEqual(
      decisionProblems({ decision: 'notify_authority_and_people', peopleException: 'encrypted' }, null),
      { path: 'peopleException', code: 'exception_not_applicable' },
    );
  });

  it('says where the information of people stands in the CNIL’s words, and the CNIL’s population bands', () => {
    assert.deepEqual(
      [
        informationState(null, 0),
        informationState('notify_authority_and_people', 0),
        informationState('notify_authority', 0),
        informationState('notify_authority', 3),
      ],
      ['undetermined', 'will_be', 'will_not_be', 'informed'],
    );
    assert.deepEqual([5, 6, 50, 51, 300, 301, 5000, 5001].map(peopleBand), [
      '0–5',
      '6–50',
      '6–50',
      '51–300',
      '51–300',
      '301–5000',
      '301–5000',
      '> 5000',
    ]);
  });
});

describe('the severity questions start from the circumstances; encryption lowers the proposal (Art. 34(3)(a))', () => {
  it('a stolen laptop holding health data starts as very high, not low', () => {
    const a = suggestedAssessment({
      dataCategories: ['identity', 'health'],
      circumstances: ['lost_or_stolen_device'],
      nature: ['confidentiality'],
    });
    assert.deepEqual(
      [a.dpcCategory, a.dpcScore, a.confidentiality, a.malicious],
      ['sensitive', 4, 'unknown_recipients', true],
    );
    assert.equal(severityOf(a, { approxPeople: 300, encrypted: false }).band, 'very_high');
  });
  it('a mail to the wrong patient: a known recipient, not malicious; ransomware makes the data unavailable', () => {
    const wrong = suggestedAssessment({
      dataCategories: ['health'],
      circumstances: ['wrong_recipient'],
      nature: ['confidentiality'],
    });
    assert.deepEqual([wrong.confidentiality, wrong.malicious], ['known_recipients', false]);
    const ransom = suggestedAssessment({
      dataCategories: ['identity'],
      circumstances: ['ransomware'],
      nature: ['availability'],
    });
    assert.deepEqual([ransom.availability, ransom.malicious, ransom.dpcCategory], ['temporary', true, 'simple']);
  });
  it('encrypted with the key safe: confidentiality alone → the register only (EDPB 9/2022); with availability lost → the CNIL, not the people', () => {
    const stolen = suggestedAssessment({
      dataCategories: ['health'],
      circumstances: ['lost_or_stolen_device'],
      nature: ['confidentiality'],
    });
    assert.equal(severityOf(stolen, { approxPeople: 300, encrypted: true }).proposedDecision, 'record_only');
    assert.equal(
      severityOf({ ...stolen, availability: 'temporary' }, { approxPeople: 300, encrypted: true }).proposedDecision,
      'notify_authority',
    );
    assert.equal(
      severityOf({ ...stolen, availability: 'temporary' }, { approxPeople: 300, encrypted: false }).proposedDecision,
      'notify_authority_and_people',
    );
  });
});
