import assert from 'node:assert/strict';
import { it } from 'node:test';
import { digestMail } from './reminders.digest.js';

it('the digest names every module in words, the register included, never its raw key', () => {
  const item = (module: string) => ({
    id: `${module}:1`,
    module,
    kind: 'x',
    subject: '',
    dueAt: '2026-02-01T22:59:59.999Z',
    targetType: module,
    targetId: null,
    path: '/',
  });
  const mail = digestMail([item('register'), item('breaches'), item('backup'), item('rights-requests')], 'fr', {
    person: 'Claire',
    practice: 'Cabinet',
    now: new Date('2026-01-15T09:00:00Z'),
    link: null,
  });
  assert.match(mail.text, /- Registre des traitements : 1/);
  assert.doesNotMatch(mail.text, /- register\b/);
  assert.match(
    digestMail([item('register')], 'en', {
      person: 'Claire',
      practice: 'Cabinet',
      now: new Date('2026-01-15T09:00:00Z'),
      link: null,
    }).text,
    /- Register of processing: 1/,
  );
});
