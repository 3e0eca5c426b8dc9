import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { seedDemoIfWanted } from './modules/demo/demo.seed.ts';
import { sendDigests } from './modules/notifications/notifications.ts';
import { sendOverdueReminders } from './modules/notifications/overdue.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { stockholmDate } from './platform/dates.ts';
import { openDatabase } from './platform/db.ts';
import { claimDailyRun, purgeExpired } from './platform/housekeeping.ts';
import { startInboundSmtp } from './platform/mail/inbound-smtp.ts';
import { shutDown } from './platform/shutdown.ts';
import { loadPageRenderer } from './platform/web-pages.ts';

/** Finds a folder by walking up from this file: works from the source tree and from dist/. */
function findUp(relative: string): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

function stockholmHour(d: Date): number {
  return Number(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit' }).format(d),
  );
}

function readVersion(): string {
  const pkg = findUp('package.json');
  return pkg ? (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version : '0.0.0';
}

async function main() {
  const config = loadConfig(process.env, readVersion());
  const demoFlag = process.argv.includes('--demo');
  // The pool is opened before the app (and its logger) exists; errors after that go to the log.
  let log: { warn(details: object, message: string): void } | null = null;
  const database = config.databaseUrl
    ? await openDatabase({
        databaseUrl: config.databaseUrl,
        poolSize: config.databasePoolSize,
        onIdleError: (error) =>
          log
            ? log.warn({ err: error }, 'database connection lost while idle')
            : console.error(`database connection lost while idle: ${error.message}`),
      })
    : await openDatabase({ dataDir: config.dataDir });
  await database.migrate();

  const { app, worker, drain, receiveMail } = await createApp({
    config,
    database,
    clock: systemClock,
    webDir: findUp(path.join('dist', 'web')),
    pageRenderer: await loadPageRenderer(findUp(path.join('dist', 'web-server', 'entry-server.js'))),
  });
  log = app.log;
  app.log.info({ database: database.kind, dataDir: config.dataDir }, 'database ready');

  await seedDemoIfWanted({
    db: database.db,
    kind: database.kind,
    wanted: demoFlag ? true : config.demoData,
    publicUrl: config.publicUrl,
    log: app.log,
  });

  let housekeeping: NodeJS.Timeout | undefined;
  if (config.runWorkers) {
    worker.start();
    const hourly = async () => {
      await purgeExpired({ db: database.db, clock: systemClock }).catch((err) =>
        app.log.error({ err }, 'housekeeping failed'),
      );
      // Reminders and digests go out once a day, from 07 in Stockholm, by whichever instance claims the day.
      const now = systemClock.now();
      if (stockholmHour(now) >= 7 && (await claimDailyRun(database.db, 'morning-mail', stockholmDate(now)))) {
        // Reminders first, so a digest user gets today's reminder in today's digest.
        await sendOverdueReminders({
          db: database.db,
          clock: systemClock,
          publicUrl: config.publicUrl,
        }).catch((err) => app.log.error({ err }, 'overdue reminders failed'));
        await sendDigests({ db: database.db, clock: systemClock, publicUrl: config.publicUrl }).catch((err) =>
          app.log.error({ err }, 'digests failed'),
        );
      }
    };
    housekeeping = setInterval(hourly, 60 * 60 * 1000);
    housekeeping.unref();
  }
  await app.listen({ port: config.port, host: config.host });
  const inbound = config.inboundSmtp
    ? await startInboundSmtp({ ...config.inboundSmtp, handle: receiveMail, log: app.log })
    : null;
  app.log.info(`Ordning is running at ${config.publicUrl}`);

  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (housekeeping) clearInterval(housekeeping);
    void inbound?.close();
    app.log.info({ signal }, 'signal received');
    const timer = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    shutDown({ app, drain, worker, database, log: app.log }).then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('Ordning could not start:', err);
  }
  process.exit(1);
});
