import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { ROLES } from '../src/contracts/roles.js';
import {
  AVAILABILITY_LEVELS,
  CAUSES,
  CIRCUMSTANCES,
  CONFIDENTIALITY_LEVELS,
  CONSEQUENCES,
  DATA_CATEGORIES,
  DECISIONS,
  DPC_CATEGORIES,
  EI_LEVELS,
  GUIDES,
  INFORM_CHANNELS,
  INTEGRITY_LEVELS,
  NATURES,
  NOTIFICATION_KINDS,
  PEOPLE_CATEGORIES,
  PEOPLE_EXCEPTIONS,
  SEVERITY_BANDS,
} from '../src/contracts/breaches.js';
import { CHANNELS, RELATIONS, REQUEST_KINDS, REQUEST_STATUSES } from '../src/contracts/rights-requests.js';
import {
  DECISION_GROUNDS,
  DECISION_SUBJECTS,
  LETTER_KINDS,
  SENT_CHANNELS,
  VERDICTS,
} from '../src/contracts/request-answers.js';
import {
  ART9_CONDITIONS,
  DATA_KINDS,
  DPIA_CRITERIA,
  LEGAL_BASES,
  NOTICE_CHANNELS,
  NOTICE_KINDS,
  PEOPLE,
  RECIPIENT_TYPES,
  SAFEGUARDS,
  SECURITY_MEASURES,
  SENSITIVE_KINDS,
} from '../src/contracts/register.js';
import { AUDIT_ACTIONS } from '../src/server/modules/audit-trail/audit-trail.catalogue.js';
import { NAV } from '../src/web/app/nav.js';
import { AUDIT_ACTIONS_EN, en } from '../src/web/i18n/en.js';
import { AUDIT_ACTIONS_FR, fr } from '../src/web/i18n/fr.js';

/**
 * No raw translation key may ever reach the screen: every key the web app asks for exists in French and in English,
 * both languages have the same keys and the same {{placeholders}}, and every audit event has words in both.
 */
type Tree = { [k: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const FR = flatten(fr as unknown as Tree);
const EN = flatten(en);
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

function webSources(dir = path.resolve(import.meta.dirname, '../src/web')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return webSources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

it('has the same keys, non-empty, with the same placeholders, in French and English', () => {
  assert.deepEqual([...EN.keys()].sort(), [...FR.keys()].sort());
  for (const [key, text] of FR) {
    assert.ok(text.trim().length > 0, `fr ${key} is empty`);
    assert.ok(EN.get(key)!.trim().length > 0, `en ${key} is empty`);
    assert.deepEqual(placeholders(EN.get(key)!), placeholders(text), `placeholders of ${key}`);
  }
});

it('finds every key the web app asks for with t("…") in both languages', () => {
  let found = 0;
  for (const file of webSources()) {
    const src = fs.readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'([^']+)'/g)) {
      found++;
      assert.ok(FR.has(m[1]!), `${path.basename(file)}: missing French key ${m[1]}`);
      assert.ok(EN.has(m[1]!), `${path.basename(file)}: missing English key ${m[1]}`);
    }
  }
  assert.ok(found > 150, `${found} keys used`);
});

it('has words for every key built at run time: navigation, roles, outcomes, targets, to-do kinds, audit events', () => {
  const needed = [
    ...NAV.map((n) => `nav.${n.key}`),
    ...ROLES.flatMap((r) => [`roles.${r}`, `roleHelp.${r}`]),
    ...['success', 'denied', 'failure'].map((o) => `audit.outcomes.${o}`),
    ...[
      'practice',
      'user',
      'session',
      'api_token',
      'audit_trail',
      'backup',
      'patient',
      'rights_request',
      'processor',
    ].map((x) => `audit.targets.${x}`),
    ...[
      'backup_overdue',
      'backup_failed',
      'restore_drill_due',
      'generic',
      'subject.backup',
      'subject.rights-requests',
      'request_identity_awaited',
      'subject.processors',
      'processor_contract',
      'processor_clauses',
      'processor_transfer',
      'processor_contract_expiring',
      'processor_hds',
      'processor_review',
    ].map((k) => `worklist.${k}`),
    ...REQUEST_KINDS.flatMap((k) => [`worklist.request_${k}`, `requestKinds.${k}`, `requestKindHelp.${k}`]),
    ...REQUEST_STATUSES.map((k) => `requestStatuses.${k}`),
    ...CHANNELS.map((k) => `channels.${k}`),
    ...RELATIONS.map((k) => `relations.${k}`),
    ...['identity_request', 'identity_received', 'extension', 'in_progress', 'withdrawn'].flatMap((a) => [
      `request.actions.${a}`,
      `request.explain.${a}`,
      `request.dayLabel.${a}`,
    ]),
    ...['extension', 'withdrawn'].map((a) => `request.textLabel.${a}`),
    ...[
      'created',
      'extended',
      'identity_requested',
      'identity_received',
      'status_changed',
      'decided',
      'restriction_lifted',
      'letter_generated',
      'letter_sent',
      'file_uploaded',
      'file_deleted',
    ].map((e) => `request.events.${e}`),
    ...(
      [
        ['subjects', DECISION_SUBJECTS],
        ['verdicts', VERDICTS],
        ['grounds', DECISION_GROUNDS],
        ['letterKinds', LETTER_KINDS],
        ['sentChannels', SENT_CHANNELS],
      ] as const
    ).flatMap(([family, values]) => (values as readonly string[]).map((v) => `answerValues.${family}.${v}`)),
    ...['marketingConsent', 'objectsToSms', 'isRestricted'].map((f) => `answers.effects.${f}`),
    'worklist.register_review',
    'worklist.subject.register',
    'audit.targets.register',
    ...(
      [
        ['legalBases', LEGAL_BASES],
        ['art9', ART9_CONDITIONS],
        ['people', PEOPLE],
        ['data', DATA_KINDS],
        ['sensitive', SENSITIVE_KINDS],
        ['recipients', RECIPIENT_TYPES],
        ['security', SECURITY_MEASURES],
        ['safeguards', SAFEGUARDS],
        ['dpia', DPIA_CRITERIA],
        ['noticeKinds', NOTICE_KINDS],
        ['noticeChannels', NOTICE_CHANNELS],
      ] as const
    ).flatMap(([family, values]) => (values as readonly string[]).map((v) => `registerValues.${family}.${v}`)),
    ...['purposes', 'legalBasis', 'art9Condition', 'people', 'data', 'retention', 'recipients', 'security'].map(
      (k) => `register.missing.${k}`,
    ),
    ...[
      'lastName',
      'firstName',
      'birthDate',
      'externalId',
      'email',
      'phone',
      'address',
      'lastCareOn',
      'deathOn',
      'isRestricted',
      'objectsToSms',
      'marketingConsent',
    ].map((f) => `patients.${f}`),
    ...Object.keys(AUDIT_ACTIONS).map((a) => `auditActions.${a.replaceAll('.', '_')}`),
    ...['breach_decide', 'breach_notify', 'breach_inform_people', 'breach_action', 'subject.breaches'].map(
      (k) => `worklist.${k}`,
    ),
    'audit.targets.breach',
    ...(
      [
        ['nature', NATURES],
        ['circumstances', CIRCUMSTANCES],
        ['causes', CAUSES],
        ['people', PEOPLE_CATEGORIES],
        ['data', DATA_CATEGORIES],
        ['consequences', CONSEQUENCES],
        ['bands', SEVERITY_BANDS],
        ['decisions', DECISIONS],
        ['exceptions', PEOPLE_EXCEPTIONS],
        ['notificationKinds', NOTIFICATION_KINDS],
        ['informChannels', INFORM_CHANNELS],
        ['guides', GUIDES],
        ['dpc', DPC_CATEGORIES],
        ['ease', EI_LEVELS],
        ['confidentiality', CONFIDENTIALITY_LEVELS],
        ['integrity', INTEGRITY_LEVELS],
        ['availability', AVAILABILITY_LEVELS],
      ] as const
    ).flatMap(([family, values]) => (values as readonly string[]).map((v) => `breachValues.${family}.${v}`)),
    ...['ex1', 'ex2', 'ex3', 'ex4', 'ex5'].map((k) => `breaches.assessment.${k}`),
  ];
  for (const key of needed) {
    assert.ok(FR.has(key), `missing French key ${key}`);
    assert.ok(EN.has(key), `missing English key ${key}`);
  }
  assert.deepEqual(
    Object.keys(AUDIT_ACTIONS_FR).sort(),
    Object.keys(AUDIT_ACTIONS).sort(),
    'French audit events follow the server catalogue',
  );
  assert.deepEqual(
    Object.keys(AUDIT_ACTIONS_EN).sort(),
    Object.keys(AUDIT_ACTIONS).sort(),
    'English audit events follow the server catalogue',
  );
});

it('names every kind of target the server writes into the audit trail (a new module cannot forget its own)', () => {
  const kinds = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/targetType: '([a-z_]+)'/g)) kinds.add(m[1]!);
    }
  };
  walk(path.resolve(import.meta.dirname, '../src/server'));
  kinds.delete('target_type'); // the column's name in a repository's select, not a kind
  assert.ok(kinds.has('processor') && kinds.has('breach'), [...kinds].join(', '));
  for (const k of kinds) {
    assert.ok(FR.has(`audit.targets.${k}`), `missing French key audit.targets.${k}`);
    assert.ok(EN.has(`audit.targets.${k}`), `missing English key audit.targets.${k}`);
  }
});

it('shows in the navigation only the modules this version builds, each with a page', () => {
  const app = fs.readFileSync(path.resolve(import.meta.dirname, '../src/web/app/Shell.tsx'), 'utf8');
  for (const n of NAV.filter((x) => x.path !== null))
    assert.ok(app.includes(`path="${n.path}"`), `no page for ${n.path}`);
  assert.ok(NAV.filter((x) => x.path === null).length >= 5, 'the modules to come are named, not shown');
});
