import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Executor, Tx } from '../db.ts';
import { enqueueJob, type JobHandler } from '../jobs/jobs.ts';

/** One e-mail, fully composed before it enters the outbox so a retry sends exactly the same message. */
export type MailMessage = {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  from?: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
};

/** What the mail is about, so a failure can be shown where the user looks (the work order). */
export type MailContext = { workOrderId?: string; orgId?: string };

export type MailJobPayload = { message: MailMessage; context?: MailContext };

export const MAIL_JOB_KIND = 'mail.send';

export type MailTransport = {
  readonly kind: 'smtp' | 'files';
  send(message: MailMessage & { from: string }): Promise<void>;
  close(): void;
};

/** Sends through the SMTP server at SMTP_URL. */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail(toNodemailer(message));
    },
    close: () => transporter.close(),
  };
}

export type StoredMail = {
  id: string;
  date: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
};

/** Without SMTP: each mail becomes an .eml file (with a JSON summary) under DATA_DIR/mail. */
export function fileTransport(dir: string, clock: Clock): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'files',
    async send(message) {
      const info = await transporter.sendMail(toNodemailer(message));
      const date = clock.now();
      // Sortable names; the Message-ID part makes a retried send overwrite rather than duplicate.
      const safeId = message.messageId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 40);
      const id = `${date.toISOString().replace(/[:.]/g, '-')}-${safeId}`;
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, `${id}.eml`), info.message as Buffer);
      const summary: StoredMail = {
        id,
        date: date.toISOString(),
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
      };
      await fs.writeFile(path.join(dir, `${id}.json`), JSON.stringify(summary));
    },
    close() {},
  };
}

function toNodemailer(message: MailMessage & { from: string }) {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    replyTo: message.replyTo,
    inReplyTo: message.inReplyTo,
    references: message.references,
    headers: message.headers,
  };
}

/** Reads the mails kept by the file transport, newest first. */
export async function listStoredMail(dir: string, limit = 200): Promise<StoredMail[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const summaries = names
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(
    summaries.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as StoredMail),
  );
  return mails;
}

export async function readStoredMailRaw(dir: string, id: string): Promise<Buffer | null> {
  if (!/^[a-zA-Z0-9-]+$/.test(id)) return null;
  try {
    return await fs.readFile(path.join(dir, `${id}.eml`));
  } catch {
    return null;
  }
}

export function newMessageId(publicUrl: string): string {
  const host = new URL(publicUrl).hostname || 'ordning.local';
  return `<${randomUUID()}@${host}>`;
}

/** Puts a mail in the outbox, in the caller's transaction. */
export async function enqueueMail(
  tx: Executor,
  clock: Clock,
  payload: MailJobPayload,
  options: { maxAttempts?: number } = {},
): Promise<string> {
  return enqueueJob(tx, clock, { kind: MAIL_JOB_KIND, payload, maxAttempts: options.maxAttempts ?? 8 });
}

export type MailFailureListener = (args: { tx: Tx; payload: MailJobPayload; error: string }) => Promise<void>;
export type MailSentListener = (args: { tx: Tx; payload: MailJobPayload }) => Promise<void>;

/** The job handler that delivers queued mail, and tells the listeners when a mail is given up on. */
export function mailJobHandler(args: {
  transport: MailTransport;
  from: string;
  onFailed: MailFailureListener[];
  onSent?: MailSentListener[];
}): JobHandler {
  return {
    async run(job) {
      const { message } = job.payload as MailJobPayload;
      await args.transport.send({ ...message, from: message.from ?? args.from });
    },
    async onDone({ tx, job }) {
      for (const listener of args.onSent ?? [])
        await listener({ tx, payload: job.payload as MailJobPayload });
    },
    async onFailed({ tx, job, error }) {
      for (const listener of args.onFailed) {
        await listener({ tx, payload: job.payload as MailJobPayload, error });
      }
    },
  };
}
