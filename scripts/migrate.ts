/** Applies the migrations to the configured database (DATABASE_URL, or the embedded one in DATA_DIR). */
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';

const config = loadConfig(process.env);
const database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ dataDir: config.dataDir });
await database.migrate();
await database.close();
console.log(`Migrations applied to the ${database.kind} database.`);
