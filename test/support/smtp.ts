import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free local port (smtp-server), keeping what it receives: the e-mail tests' far end. */
export async function startSmtpServer(): Promise<{ url: string; received: ReceivedMail[]; stop: () => Promise<void> }> {
  const { SMTPServer } = createRequire(import.meta.url)('smtp-server') as {
    SMTPServer: new (o: unknown) => {
      listen(port: number, host: string, cb: () => void): void;
      server: { address(): AddressInfo };
      close(cb: () => void): void;
    };
  };
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(
      stream: NodeJS.ReadableStream,
      session: { envelope: { mailFrom: { address: string } | false; rcptTo: { address: string }[] } },
      callback: () => void,
    ) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.server.address().port;
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    received,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The text body of a received message (quoted-printable decoded). */
export function mailText(raw: string): string {
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/[\u0080-\u00ff]{2,3}/g, (s) => Buffer.from(s, 'latin1').toString('utf8'));
}
