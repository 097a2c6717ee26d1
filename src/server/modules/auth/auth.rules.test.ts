import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  idleLockMinutesFor,
  isLocked,
  lockUntilAfterFailure,
  LOCKOUT_FAILURES,
  sessionState,
  WindowCounter,
} from './auth.rules.js';
import { checkTotp, newTotpSecret, totpCodeAt } from './auth.crypto.js';

const now = new Date('2026-03-29T00:30:00.000Z');
const minutes = (d: Date | null) => (d ? (d.getTime() - now.getTime()) / 60_000 : null);

describe('throttling and lockout', () => {
  it('lets four failures pass, then delays progressively, then locks for an hour at the tenth (CNIL: ≤ 10 tries)', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => minutes(lockUntilAfterFailure(n, now))),
      [null, null, null, null],
    );
    assert.deepEqual(
      [5, 6, 7, 8, 9].map((n) => minutes(lockUntilAfterFailure(n, now))),
      [1, 2, 4, 8, 16],
    );
    assert.equal(minutes(lockUntilAfterFailure(LOCKOUT_FAILURES, now)), 60);
    assert.equal(minutes(lockUntilAfterFailure(25, now)), 60);
  });

  it('knows when a lock has passed', () => {
    assert.equal(isLocked(null, now), false);
    assert.equal(isLocked('2026-03-29T00:31:00.000Z', now), true);
    assert.equal(isLocked('2026-03-29T00:30:00.000Z', now), false);
  });

  it('counts per key in a sliding window', () => {
    const c = new WindowCounter(3, 1000);
    assert.equal(c.hit('ip', 0), true);
    c.hit('ip', 10);
    c.hit('ip', 20);
    assert.equal(c.isOver('ip', 30), true);
    assert.equal(c.hit('ip', 30), false);
    assert.equal(c.isOver('ip', 1025), false); // the first three hits left the window
    assert.equal(c.isOver('other', 30), false);
  });
});

describe('session state', () => {
  const base = {
    revokedAt: null,
    expiresAt: '2026-03-29T12:00:00.000Z',
    lastSeenAt: '2026-03-29T00:26:00.000Z',
    lockedAt: null,
    mfaAt: '2026-03-29T00:20:00.000Z',
  };
  it('is active within the idle delay and idle beyond it', () => {
    assert.equal(sessionState(base, 5, now), 'active');
    assert.equal(sessionState(base, 3, now), 'idle');
  });
  it('is locked, revoked or expired whatever the activity', () => {
    assert.equal(sessionState({ ...base, lockedAt: '2026-03-29T00:27:00.000Z' }, 5, now), 'locked');
    assert.equal(sessionState({ ...base, revokedAt: '2026-03-29T00:27:00.000Z' }, 5, now), 'revoked');
    assert.equal(sessionState({ ...base, expiresAt: '2026-03-29T00:30:00.000Z' }, 5, now), 'expired');
  });
  it('drops a half-open session left idle instead of locking it', () => {
    assert.equal(sessionState({ ...base, mfaAt: null }, 5, now), 'mfa_pending');
    assert.equal(sessionState({ ...base, mfaAt: null }, 3, now), 'expired');
  });
  it('holds a person with no practice to 5 minutes', () => {
    assert.equal(DEFAULT_IDLE_LOCK_MINUTES, 5);
    assert.equal(idleLockMinutesFor([], 'A', 'B'), 5);
  });
});

it('holds a request to the idle delay of the practice it works in, never to another practice’s (issue 18)', () => {
  const mine = [
    { practiceId: 'A', idleLockMinutes: 15 },
    { practiceId: 'B', idleLockMinutes: 1 },
  ];
  assert.equal(idleLockMinutesFor(mine, 'A', null), 15);
  assert.equal(idleLockMinutesFor(mine, 'B', 'A'), 1);
  assert.equal(idleLockMinutesFor(mine, null, 'A'), 15, 'no practice in the URL: the one last worked in');
  assert.equal(
    idleLockMinutesFor(mine, null, null),
    15,
    'else the first, the one the web app shows; before: the strictest, B’s',
  );
  assert.equal(idleLockMinutesFor(mine, 'Z', null), 15, 'a practice that is not theirs changes nothing');
  assert.equal(idleLockMinutesFor([], null, null), 5);
});

describe('TOTP replay guard', () => {
  it('accepts a code once; refuses, without failing, every code while the last step used is ahead of the clock', async () => {
    const secret = newTotpSecret();
    const at = new Date('2026-06-01T10:00:00Z');
    const step = await checkTotp(secret, await totpCodeAt(secret, at), null, at);
    assert.ok(step !== null);
    assert.equal(await checkTotp(secret, await totpCodeAt(secret, at), step, at), null, 'the same code again');
    // The server's clock set back a day: the step used tomorrow is ahead of every code of today.
    const before = new Date('2026-05-31T10:00:00Z');
    assert.equal(await checkTotp(secret, await totpCodeAt(secret, before), step, before), null);
    const later = new Date('2026-06-01T10:01:00Z');
    assert.ok((await checkTotp(secret, await totpCodeAt(secret, later), step, later))! > step!);
  });
});
