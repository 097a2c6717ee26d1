import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { generate, generateSecret, generateURI, verify as otpVerify } from 'otplib';

/** ASVS v5.0.0 Appendix C: argon2id, m = 46 MiB (47104 KiB), t = 1, p = 1. */
export const ARGON2_PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id */,
  memoryCost: 47104,
  timeCost: 1,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => argonHash(password, ARGON2_PARAMS);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time on an unknown account as on a real one, so timing does not reveal which e-mails exist. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('gardien-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

export const TOTP_PERIOD = 30;

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export const totpUri = (secret: string, email: string): string =>
  generateURI({ issuer: 'Gardien', label: email, secret, period: TOTP_PERIOD });

/**
 * Checks a code for the current period or the one just before (clock drift, typing delay), and only for a
 * time step after the last one used (replay guard, ASVS v5.0.0-6.5.1). Returns the step to claim, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now: Date,
): Promise<number | null> {
  // The last step used is ahead of the clock (the server's clock was set back, a backup restored from a machine ahead
  // of time): every code now is at or before it, so none may be claimed; otplib would throw on such a step.
  const epoch = Math.floor(now.getTime() / 1000);
  if (lastStep !== null && lastStep >= Math.floor((epoch + 5) / TOTP_PERIOD)) return null;
  const result = await otpVerify({
    secret,
    token: code,
    epoch,
    epochTolerance: [TOTP_PERIOD, 5],
    period: TOTP_PERIOD,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** For tests and the CLI: the code an authenticator app would show at `now`. */
export const totpCodeAt = (secret: string, now: Date): Promise<string> =>
  generate({ secret, epoch: Math.floor(now.getTime() / 1000), period: TOTP_PERIOD });
