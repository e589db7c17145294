// A-SEC-2/5/6 notices by e-mail through nodemailer: SMTP when configured; otherwise each
// message is written as an .eml file into an outbox folder the app (or a person) can open.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(m: Mail): Promise<void>;
}

export const FROM = 'ASSA <no-reply@assa.local>';

/** SMTP; the server's TLS certificate is verified unless `allowSelfSigned` says otherwise (a lab relay). */
export function smtpMailer(opts: { host: string; port: number; secure?: boolean; auth?: { user: string; pass: string }; allowSelfSigned?: boolean }): Mailer {
  const t = nodemailer.createTransport({ host: opts.host, port: opts.port, secure: opts.secure ?? false, ...(opts.auth ? { auth: opts.auth } : {}), tls: { rejectUnauthorized: !opts.allowSelfSigned } });
  return { send: async (m) => void (await t.sendMail({ from: FROM, ...m })) };
}

export function outboxMailer(dir: string): Mailer {
  mkdirSync(dir, { recursive: true });
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let seq = 0;
  return {
    async send(m) {
      const info = await t.sendMail({ from: FROM, ...m });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++seq}.eml`);
      writeFileSync(file, info.message as Buffer);
    },
  };
}
