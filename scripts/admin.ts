/**
 * Installation administration from the command line.
 *
 *   npm run admin -- create-operator --email anna@example.se [--name "Anna Admin"]
 *
 * creates the operator company if missing and its first administrator without a password, and prints
 * a one-time set-up link (valid 7 days) where they choose username and password. Run again for the same
 * address before the account is set up, it prints a new link (the old one stops working).
 */
import { parseArgs } from 'node:util';
import { createOperator } from '../server/modules/organizations/companies.usecases.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';

const [command, ...rest] = process.argv.slice(2);
const usage = 'Usage: npm run admin -- create-operator --email <address> [--name <name>]';

if (command !== 'create-operator') {
  console.error(usage);
  process.exit(2);
}
const { values } = parseArgs({
  args: rest,
  options: { email: { type: 'string' }, name: { type: 'string' } },
});
if (!values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
  console.error(`--email is missing or not an e-mail address.\n${usage}`);
  process.exit(2);
}

const config = loadConfig(process.env);
const database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ dataDir: config.dataDir });
try {
  await database.migrate();
  const { link, renewed } = await createOperator(
    { db: database.db, clock: systemClock, publicUrl: config.publicUrl },
    { email: values.email, name: values.name },
  );
  console.log(
    `${renewed ? 'A new set-up link for the operator administrator (the old one no longer works)' : 'Operator administrator created'}. Open this link within 7 days to choose a username and password:\n${link}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
