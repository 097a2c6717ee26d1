import { createRequire } from 'node:module';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail through the SMTP server the administrator configured; the only outbound connection Gardien makes. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

interface Transport {
  sendMail(m: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close(): void;
}

/**
 * A nodemailer transport for `smtp://` or `smtps://` URLs (credentials in the URL). Nodemailer upgrades a plain
 * connection with STARTTLS when the server offers it; `requireTLS` is set unless the URL says `?tls=off` (a local relay).
 */
export function createMailer(opts: { url: string; from: string }): Mailer {
  const nodemailer = createRequire(import.meta.url)('nodemailer') as { createTransport(o: unknown): Transport };
  const url = new URL(opts.url);
  const tlsOff = url.searchParams.get('tls') === 'off';
  url.searchParams.delete('tls');
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    requireTLS: !tlsOff && url.protocol !== 'smtps:',
    ignoreTLS: tlsOff,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
  return {
    async send(m) {
      await transport.sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}
