import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'auto'])
  .transform((v) => (v === 'auto' ? 'auto' : ['1', 'true', 'yes'].includes(v)));

const urlWithProtocol = (protocols: string[]) =>
  z.url().refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
    message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

/** Every setting the server reads from the environment, with its default. See README "Configuration". */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: urlWithProtocol(['postgres', 'postgresql']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PUBLIC_URL: urlWithProtocol(['http', 'https']).optional(),
  SMTP_URL: urlWithProtocol(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().min(3).default('Ordning <no-reply@ordning.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: booleanFlag.default('auto'),
  TRUST_PROXY: booleanFlag.default(false),
  WORKERS: booleanFlag.default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(25_000),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'a domain name, e.g. mail.ordning.example')
    .optional(),
  INBOUND_MAIL_SECRET: z.string().min(24, 'at least 24 characters').optional(),
  SMS_PROVIDER: z.enum(['log']).optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  publicUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  /** 'auto' seeds the demo on an empty embedded database only. */
  demoData: boolean | 'auto';
  trustProxy: boolean;
  runWorkers: boolean;
  shutdownTimeoutMs: number;
  /** The built-in SMTP listener for replies; off when unset. */
  inboundSmtp: { port: number; host: string } | null;
  /** The domain of reply addresses (reply+<token>@domain). */
  replyDomain: string;
  /** The shared secret of POST /api/inbound-mail; the endpoint is off when unset. */
  inboundMailSecret: string | undefined;
  /** 'log' (development only) writes SMS codes to the log; unset: SMS is not offered. */
  smsProvider: 'log' | undefined;
  version: string;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; a wrong value throws a ConfigError that names it. */
export function loadConfig(env: Record<string, string | undefined>, version = '0.0.0'): Config {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '');
  // The log provider writes live login codes to the log (security.md 31): development only, never on
  // an installation people reach over HTTPS.
  if (c.SMS_PROVIDER === 'log' && publicUrl.startsWith('https:'))
    throw new ConfigError([
      'SMS_PROVIDER: "log" is for development only and cannot be used with an https PUBLIC_URL',
    ]);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    databasePoolSize: c.DATABASE_POOL_SIZE,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    logLevel: c.LOG_LEVEL,
    demoData: c.DEMO_DATA,
    trustProxy: c.TRUST_PROXY === true,
    runWorkers: c.WORKERS === true,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    inboundSmtp: c.INBOUND_SMTP_PORT ? { port: c.INBOUND_SMTP_PORT, host: c.INBOUND_SMTP_HOST } : null,
    replyDomain: c.INBOUND_MAIL_DOMAIN ?? (new URL(publicUrl).hostname || 'ordning.local'),
    inboundMailSecret: c.INBOUND_MAIL_SECRET,
    smsProvider: c.SMS_PROVIDER,
    version,
  };
}
