import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPasswordStrength, contextWordsFor, estimateEntropyBits, MIN_ENTROPY_BITS } from './password.rules.js';

const ctx = (words: string[] = [], common: string[] = ['azerty123', 'motdepasse']) => ({
  contextWords: words,
  isCommon: (p: string) => common.includes(p),
});
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
    assert.deepEqual(codes('Tq8vNz2Kp4Lm7Rx9Wb3Hc6Yf1Jd5Gs0Qe8Vk2Zt4Np7Mx9Lr3Bw6Ch1Fy5Dj0Gu8Sa2Xo4Ik7'), []);
    assert.deepEqual(codes('Ab1!'.repeat(65)), ['password_too_long']);
  });

  it('measures entropy as length × log2(pool)', () => {
    assert.equal(Math.round(estimateEntropyBits('abcdefghij')), Math.round(10 * Math.log2(26)));
    assert.ok(estimateEntropyBits('aB3!') > estimateEntropyBits('aB3d'));
  });
});

describe('password rule: repeats, sequences and zxcvbn (issue 18)', async () => {
  const { passwordIssues } = await import('./password.check.js');
  const real = async (pw: string, words: string[] = []) =>
    (await passwordIssues(pw, words, 'password')).map((i) => i.code);

  it('refuses the trivial passwords the attack got through', async () => {
    for (const pw of [
      'a a a a a a a',
      'aaaaaaaaaaaaaaaaaaaa',
      'chat chat chat chat chat chat chat',
      'Aaaaaaaaaa1!',
      'abcdefghijklmnopqrstuvwxyz',
      'Motdepasse2026!!',
      'Azerty123456!',
    ]) {
      const c = await real(pw);
      assert.equal(c.length, 1, pw);
      assert.ok(['password_predictable', 'password_too_weak', 'password_common'].includes(c[0]!), `${pw}: ${c[0]}`);
    }
    assert.deepEqual(await real('chat chat chat chat chat chat chat'), ['password_predictable']);
  });

  it('refuses what the second attack got through: words of one letter repeated or runs of the alphabet, lists said by heart, runs of one character', async () => {
    for (const pw of [
      'aaa bbb ccc ddd eee fff ggg',
      'abcd efgh ijkl mnop qrst uvwx yzab',
      'aaaabbbbccccddddeeeeffffgggg',
      'one two three four five six seven',
      'lundi mardi mercredi jeudi vendredi samedi dimanche',
      'AAaa11!!BBbb',
    ]) {
      assert.notDeepEqual(await real(pw), [], pw);
    }
    // A real passphrase that happens to hold one day or number still counts it as a word.
    assert.deepEqual(await real('lundi sable orage fenêtre colline brioche tulipe'), []);
  });

  it('still accepts the CNIL examples and real passphrases', async () => {
    for (const pw of [
      'Kx7!mQ2#vL9@',
      'Kx7mQ2vL9pRt4Z',
      'lune sable orage fenêtre colline brioche tulipe',
      'unebellejourneedautomneenbretagne',
      'Sel-de-Guérande-42-Brioche!',
    ])
      assert.deepEqual(await real(pw), [], pw);
  });

  it('counts a passphrase by its distinct words of three letters or more', async () => {
    assert.notDeepEqual(await real('lune lune sable sable orage orage fenêtre'), []);
    assert.deepEqual(await real('lune de sable et un orage la fenêtre'), ['password_too_weak']);
  });

  it('says "it reuses your name" only when the name is what made it look long enough', async () => {
    const words = contextWordsFor('claire.martin@cabinet-martin.fr', 'Claire Martin', ['Cabinet Dentaire Martin']);
    assert.deepEqual(await real('Ab1!x', words), ['password_too_weak']);
    assert.deepEqual(await real('Kx7!Martin', words), ['password_too_weak']);
    assert.deepEqual(await real('Kx7!mQ2#vLMartin', words), ['password_context']);
  });
});
