// `npm run purge`: deletes what the retention periods allow, on demand, and prints the counts.
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/config.ts';
import { retentionPolicy } from '../src/lotse.ts';
import { PROJECT_ROOT } from '../src/node/paths.ts';
import { SqlStore } from '../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../src/store/sqlite-driver.ts';

const config = loadConfig(process.env);
const store = new SqlStore(openSqliteStoreDriver(join(resolve(PROJECT_ROOT, config.DATA_DIR), 'lotse.sqlite')));
const counts = await store.purge(retentionPolicy(config), Date.now());
console.log(`Gelöscht: ${counts.conversations} Gespräche, ${counts.messages} Nachrichten, ${counts.events} Ereignisse, ${counts.feedback} Rückmeldungen, ${counts.cases ?? 0} Fälle.`);
await store.db.close?.();
