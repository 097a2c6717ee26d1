import pino, { type Logger } from 'pino';

/** Never log a credential or personal data: these paths are replaced before a line is written (ASVS v5.0.0-16.2.5). */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.initialPassword',
  '*.token',
  '*.secret',
  '*.recoveryCode',
  '*.code',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'gardien' } }, destination);
}
