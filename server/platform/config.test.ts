import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs with no settings at all: embedded database in ./data, port 3000, demo on auto', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      databaseUrl: undefined,
      publicUrl: 'http://localhost:3000',
      secureCookies: false,
      smtpUrl: undefined,
      demoData: 'auto',
      runWorkers: true,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined();
  });

  it('uses secure cookies when the public address is https', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://ordning.example.se/' });
    expect(config.publicUrl).toBe('https://ordning.example.se');
    expect(config.secureCookies).toBe(true);
  });

  it('names every wrong setting in one message', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', DEMO_DATA: 'maybe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'DEMO_DATA']) expect(message).toContain(name);
    }
  });

  it('reads flags in the usual spellings', () => {
    expect(loadConfig({ DEMO_DATA: 'yes', WORKERS: '0', TRUST_PROXY: 'true' })).toMatchObject({
      demoData: true,
      runWorkers: false,
      trustProxy: true,
    });
  });

  it('refuses the SMS log provider on an https address, where the log would hold live codes (security.md 31)', () => {
    expect(loadConfig({ SMS_PROVIDER: 'log' }).smsProvider).toBe('log');
    expect(() => loadConfig({ SMS_PROVIDER: 'log', PUBLIC_URL: 'https://ordning.example' })).toThrow(
      /SMS_PROVIDER.*development only/,
    );
  });
});
