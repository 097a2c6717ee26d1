import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADEQUACY, COUNTRY_CODES, EEA_CODES, isCountryCode } from '../../../contracts/countries.js';
import { CLAUSES, CreateProcessorSchema } from '../../../contracts/processors.js';
import {
  addDays,
  contractDateProblem,
  dueTasks,
  hdsStatus,
  HDS_V2_DEADLINE,
  isHdsRequired,
  missingClauses,
  nextYear,
  placeOf,
  processorIssues,
} from './processors.rules.js';

describe('HDS: when a certificate is required (CSP L1111-8)', () => {
  it('is required only for a processor that hosts health data on the practice’s behalf', () => {
    assert.equal(isHdsRequired({ role: 'processor', hostsHealthData: true }), true);
    // A laboratory receives prescriptions but keeps no record for the practice.
    assert.equal(isHdsRequired({ role: 'processor', hostsHealthData: false }), false);
    // A separate controller keeps data for its own purposes: not hosting on behalf of the practice.
    assert.equal(isHdsRequired({ role: 'separate_controller', hostsHealthData: true }), false);
    assert.equal(isHdsRequired({ role: 'joint_controller', hostsHealthData: true }), false);
  });
});

describe('HDS: the status of a certificate at each boundary', () => {
  const today = '2026-12-04';
  const v2 = (expiresOn: string | null) => ({ certificateNumber: 'HDS-123', referential: 'v2' as const, expiresOn });
  it('is not required, or missing when no certificate number is entered', () => {
    assert.equal(hdsStatus(false, {}, today), 'not_required');
    assert.equal(hdsStatus(true, {}, today), 'missing');
    assert.equal(hdsStatus(true, { certificateNumber: '  ', expiresOn: '2028-01-01' }, today), 'missing');
  });
  it('is valid through its expiry day, expiring within 90 days, valid at 91', () => {
    assert.equal(hdsStatus(true, v2(today), today), 'expiring');
    assert.equal(hdsStatus(true, v2(addDays(today, -1)), today), 'expired');
    assert.equal(hdsStatus(true, v2(addDays(today, 90)), today), 'expiring');
    assert.equal(hdsStatus(true, v2(addDays(today, 91)), today), 'valid');
    assert.equal(hdsStatus(true, v2(null), today), 'valid');
  });
  it('under the 2018 referential is outdated after 16 May 2026, not on the day itself', () => {
    const v1 = { certificateNumber: 'HDS-1', referential: 'v1' as const, expiresOn: '2028-06-30' };
    assert.equal(hdsStatus(true, v1, '2026-05-15'), 'valid');
    assert.equal(hdsStatus(true, v1, HDS_V2_DEADLINE), 'valid');
    assert.equal(hdsStatus(true, v1, '2026-05-17'), 'v1_outdated');
    assert.equal(hdsStatus(true, { ...v1, referential: 'v2' }, '2026-05-17'), 'valid');
    // An expired certificate says so first.
    assert.equal(hdsStatus(true, { ...v1, expiresOn: '2026-06-01' }, '2026-07-01'), 'expired');
  });
});

describe('storage: EEA and adequacy over the full ISO 3166-1 list', () => {
  it('knows the 249 codes and refuses others', () => {
    assert.equal(COUNTRY_CODES.length, 249);
    assert.equal(new Set(COUNTRY_CODES).size, 249);
    for (const c of EEA_CODES) assert.ok(isCountryCode(c), c);
    for (const c of Object.keys(ADEQUACY)) assert.ok(isCountryCode(c), c);
    for (const c of ['UK', 'EU', 'XK', 'ZZ', 'fr', 'FRA', '']) assert.equal(isCountryCode(c), false, c);
  });
  it('classifies every country: EEA, adequate third country, or neither', () => {
    const eu27 = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
    let eea = 0;
    let adequate = 0;
    for (const c of COUNTRY_CODES) {
      const p = placeOf(c);
      if (p.inEea) {
        eea++;
        assert.equal(p.adequacy, false, `${c}: no adequacy decision inside the EEA`);
      }
      if (p.adequacy) adequate++;
      assert.equal(p.adequacy, p.adequacyScope !== null, c);
    }
    for (const c of [...eu27, 'IS', 'LI', 'NO']) assert.equal(placeOf(c).inEea, true, c);
    // French outermost regions are in the Union; overseas collectivities are not.
    for (const c of ['GP', 'GF', 'MQ', 'RE', 'YT', 'MF']) assert.equal(placeOf(c).inEea, true, c);
    for (const c of ['NC', 'PF', 'PM', 'WF', 'BL', 'TF']) assert.equal(placeOf(c).inEea, false, c);
    assert.equal(eea, 37);
    assert.equal(adequate, 15);
    assert.deepEqual(placeOf('US'), { inEea: false, adequacy: true, adequacyScope: 'partial' });
    assert.deepEqual(placeOf('CH'), { inEea: false, adequacy: true, adequacyScope: 'full' });
    assert.deepEqual(placeOf('CN'), { inEea: false, adequacy: false, adequacyScope: null });
  });
  it('a country typed in lower case is read as its code; an unknown one is refused with its reason', () => {
    const ok = CreateProcessorSchema.safeParse({
      name: 'X',
      kind: 'host',
      handlesHealthData: true,
      storage: { country: 'de' },
    });
    assert.equal(ok.success && ok.data.storage?.country, 'DE');
    const bad = CreateProcessorSchema.safeParse({
      name: 'X',
      kind: 'host',
      handlesHealthData: true,
      storage: { country: 'UK' },
    });
    assert.equal(bad.success, false);
  });
});

describe('Art. 28(3): the missing clauses', () => {
  it('are every clause not marked present, for a processor', () => {
    assert.deepEqual(missingClauses('processor', {}), [...CLAUSES]);
    assert.deepEqual(
      missingClauses('processor', { clauses: { instructions: 'present', audits: 'missing' } }),
      CLAUSES.slice(1),
    );
    const all = Object.fromEntries(CLAUSES.map((c) => [c, 'present']));
    assert.deepEqual(missingClauses('processor', { clauses: all }), []);
  });
  it('none under the Commission’s standard clauses 2021/915, nor for a controller', () => {
    assert.deepEqual(missingClauses('processor', { basis: 'scc_2021_915' }), []);
    assert.deepEqual(missingClauses('separate_controller', {}), []);
  });
});

describe('issues and tasks of a processor', () => {
  const today = '2026-12-04';
  const complete: Parameters<typeof dueTasks>[0] = {
    role: 'processor',
    handlesHealthData: true,
    storage: {
      country: 'FR',
      inEea: true,
      adequacy: false,
      adequacyScope: null,
      remoteAccessOutsideEea: null,
      transferMechanism: null,
    },
    hds: { status: 'valid', expiresOn: '2028-01-01' },
    reviewDueOn: '2027-12-04',
    contract: { signedOn: '2026-01-10', expiresOn: null, missingClauses: [] },
    createdOn: '2026-12-04',
    subProcessors: [],
    endedOn: null,
  };
  const facts = (over: object = {}) => ({ ...complete, ...over }) as Parameters<typeof dueTasks>[0];
  it('a complete processor has no issue and no task until its review falls due', () => {
    assert.deepEqual(processorIssues(facts(), today), []);
    assert.deepEqual(dueTasks(facts(), today), []);
    assert.deepEqual(dueTasks(facts(), '2027-12-03'), []);
    assert.deepEqual(dueTasks(facts(), '2027-12-04'), [{ kind: 'processor_review', dueOn: '2027-12-04' }]);
  });
  it('a contract missing, incomplete, ending soon or ended', () => {
    assert.deepEqual(dueTasks(facts({ contract: { signedOn: null, expiresOn: null, missingClauses: [] } }), today), [
      { kind: 'processor_contract', dueOn: '2026-12-04' },
    ]);
    assert.deepEqual(
      processorIssues(
        facts({ contract: { signedOn: '2026-01-01', expiresOn: null, missingClauses: ['audits'] } }),
        today,
      ),
      ['clauses_missing'],
    );
    assert.deepEqual(
      dueTasks(
        facts({ contract: { signedOn: '2026-01-01', expiresOn: addDays(today, 60), missingClauses: [] } }),
        today,
      ),
      [{ kind: 'processor_contract_expiring', dueOn: addDays(today, 60) }],
    );
    assert.deepEqual(
      dueTasks(
        facts({ contract: { signedOn: '2026-01-01', expiresOn: addDays(today, 61), missingClauses: [] } }),
        today,
      ),
      [],
    );
    assert.deepEqual(
      dueTasks(facts({ contract: { signedOn: '2025-01-01', expiresOn: '2026-01-01', missingClauses: [] } }), today),
      [{ kind: 'processor_contract', dueOn: '2026-01-01' }],
    );
  });
  it('the HDS certificate: missing at once, v1 at the deadline, expiring or expired at its date', () => {
    const hds = (status: string, expiresOn: string | null = null) =>
      facts({ hds: { required: true, status, expiresOn } });
    assert.deepEqual(dueTasks(hds('missing'), today), [{ kind: 'processor_hds', dueOn: '2026-12-04' }]);
    assert.deepEqual(dueTasks(hds('v1_outdated', '2028-01-01'), today), [
      { kind: 'processor_hds', dueOn: HDS_V2_DEADLINE },
    ]);
    assert.deepEqual(dueTasks(hds('expiring', '2027-01-15'), today), [{ kind: 'processor_hds', dueOn: '2027-01-15' }]);
    assert.deepEqual(dueTasks(hds('not_required'), today), []);
  });
  it('a relationship that has ended leaves nothing to do', () => {
    const unsigned = { signedOn: null, expiresOn: null, missingClauses: [] };
    assert.deepEqual(processorIssues(facts({ endedOn: '2026-12-01', contract: unsigned }), today), []);
    assert.deepEqual(processorIssues(facts({ endedOn: '2026-12-05', storage: null }), today), ['storage_unknown']);
  });
  it('health data outside the EEA, and a transfer with no safeguard, are issues', () => {
    const us = {
      country: 'US',
      inEea: false,
      adequacy: true,
      adequacyScope: 'partial',
      remoteAccessOutsideEea: null,
      transferMechanism: null,
    };
    // The Data Privacy Framework covers only the organisations it lists: with no safeguard said, not framed.
    assert.deepEqual(processorIssues(facts({ storage: us }), today), [
      'health_data_outside_eea',
      'transfer_without_mechanism',
    ]);
    assert.deepEqual(processorIssues(facts({ storage: { ...us, transferMechanism: 'adequacy' } }), today), [
      'health_data_outside_eea',
    ]);
    assert.deepEqual(dueTasks(facts({ storage: us }), today), [{ kind: 'processor_transfer', dueOn: '2026-12-04' }]);
    const ch = { ...us, country: 'CH', adequacyScope: 'full' };
    assert.deepEqual(processorIssues(facts({ storage: ch, handlesHealthData: false }), today), []);
    // Remote access from outside the EEA is a transfer; a sub-processor outside it is to check.
    const fr = { ...complete.storage!, remoteAccessOutsideEea: true };
    assert.deepEqual(processorIssues(facts({ storage: fr }), today), ['transfer_without_mechanism']);
    assert.deepEqual(processorIssues(facts({ storage: { ...fr, transferMechanism: 'scc' } }), today), []);
    assert.deepEqual(
      processorIssues(facts({ subProcessors: [{ name: 'Zendesk', country: 'US', purpose: '' }] }), today),
      ['subprocessor_outside_eea'],
    );
    const cn = { ...us, country: 'CN', adequacy: false, adequacyScope: null };
    assert.deepEqual(processorIssues(facts({ storage: cn, handlesHealthData: false }), today), [
      'transfer_without_mechanism',
    ]);
    assert.deepEqual(
      processorIssues(facts({ storage: { ...cn, transferMechanism: 'scc' }, handlesHealthData: false }), today),
      [],
    );
    assert.deepEqual(processorIssues(facts({ storage: null }), today), ['storage_unknown']);
  });
});

describe('dates that cannot be true', () => {
  it('a contract signed in the future, or ending before its signature', () => {
    assert.deepEqual(contractDateProblem({ signedOn: '2026-12-05' }, '2026-12-04'), {
      path: 'contract.signedOn',
      code: 'date_in_future',
    });
    assert.deepEqual(contractDateProblem({ signedOn: '2026-01-05', expiresOn: '2026-01-04' }, '2026-12-04'), {
      path: 'contract.expiresOn',
      code: 'before_signature',
    });
    assert.equal(contractDateProblem({ signedOn: '2026-12-04', expiresOn: '2026-12-04' }, '2026-12-04'), null);
  });
  it('a year later, 29 February included', () => {
    assert.equal(nextYear('2026-12-04'), '2027-12-04');
    assert.equal(nextYear('2028-02-29'), '2029-02-28');
  });
});
