// `npm run purge`: deletes what the retention periods allow, on demand, and prints the counts.
// `npm run purge -- --vacuum` then also rewrites the whole file (VACUUM), which removes every
// leftover copy of deleted rows at once; it blocks the service's writes meanwhile (about 6 ms per
// MB of data), so run it with the service stopped or at a quiet time.
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { retentionPolicy } from '../src/lotse.ts';
import { PROJECT_ROOT } from '../src/node/paths.ts';
import { SqlStore } from '../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../src/store/sqlite-driver.ts';

const config = loadConfig(process.env);
const driver = openSqliteStoreDriver(join(resolve(PROJECT_ROOT, config.DATA_DIR), 'lotse.sqlite'));
const store = new SqlStore(driver);
const counts = await store.purge(retentionPolicy(config), Date.now());
console.log(`Gelöscht: ${counts.conversations} Gespräche, ${counts.messages} Nachrichten, ${counts.events} Ereignisse, ${counts.feedback} Rückmeldungen, ${counts.cases ?? 0} Fälle.`);
if (process.argv.includes('--vacuum')) {
  const started = performance.now();
  await driver.vacuum();
  console.log(`Datei neu geschrieben (VACUUM) in ${Math.round(performance.now() - started)} ms.`);
}
await store.db.close?.();
