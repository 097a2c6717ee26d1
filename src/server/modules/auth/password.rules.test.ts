import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPasswordStrength, contextWordsFor, estimateEntropyBits, MIN_ENTROPY_BITS } from './password.rules.js';

const ctx = (words: string[] = [], common: string[] = ['azerty123', 'motdepasse']) => ({ contextWords: words, isCommon: (p: string) => common.includes(p) });
const codes = (pw: string, c = ctx()) => checkPasswordStrength(pw, c).map((i) => i.code);

describe('password rule (CNIL 2022-100, ASVS 6.2)', () => {
  it('accepts the CNIL examples: 12 characters of 4 kinds, 14 of 3 kinds, a 7-word passphrase', () => {
    assert.deepEqual(codes('Kx7!mQ2#vL9@'), []); // 12, four kinds
    assert.deepEqual(codes('Kx7mQ2vL9pRt4Z'), []); // 14, three kinds
    assert.deepEqual(codes('lune sable orage fenêtre colline brioche tulipe'), []);
  });

  it('refuses shorter or poorer passwords and says how many bits they reach', () => {
    const issues = checkPasswordStrength('Kx7!mQ2#vL9', ctx()); // 11 characters
    assert.equal(issues[0]?.code, 'password_too_weak');
    assert.equal(issues[0]?.params?.minimum, MIN_ENTROPY_BITS);
    assert.deepEqual(codes('abcdefghijklmno'), ['password_too_weak']); // 15 lower-case letters ≈ 70 bits
    assert.deepEqual(codes('lune sable orage fenêtre colline brioche'), ['password_too_weak']); // 6 short words
  });

  it('has no composition rule: a long lower-case phrase passes on length alone', () => {
    assert.deepEqual(codes('unebellejourneedautomneenbretagne'), []);
  });

  it('refuses common passwords, whatever the case or accents', () => {
    assert.deepEqual(codes('AZERTY123'), ['password_common']);
    assert.deepEqual(codes('MotDePasse'), ['password_common']);
  });

  it('gives no credit for context words (name, e-mail, practice, product)', () => {
    const words = contextWordsFor('claire.martin@cabinet-martin.fr', 'Claire Martin', ['Cabinet Dentaire Martin']);
    assert.deepEqual(codes('ClaireMartinDentaire1!', ctx(words)), ['password_context']);
    assert.deepEqual(codes('Kx7!mQ2#vL9@Martin', ctx(words)), []); // strong even without the name
  });

  it('verifies the password as typed: accepts 64+ characters and refuses more than 256', () => {
    assert.deepEqual(codes('a'.repeat(30) + 'B7!' + 'c'.repeat(40)), []);
    assert.deepEqual(codes('Ab1!'.repeat(65)), ['password_too_long']);
  });

  it('measures entropy as length × log2(pool)', () => {
    assert.equal(Math.round(estimateEntropyBits('abcdefghij')), Math.round(10 * Math.log2(26)));
    assert.ok(estimateEntropyBits('aB3!') > estimateEntropyBits('aB3d'));
  });
});
