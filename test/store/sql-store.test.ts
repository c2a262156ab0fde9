// The Store contract on node:sqlite. The same cases run against D1 in test/workers/d1-store.test.ts.
import { describe } from 'vitest';
import { SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../../src/store/sqlite-driver.ts';
import { storeCases } from '../helpers/store-cases.ts';

describe('SqlStore on node:sqlite', () => {
  storeCases(async () => new SqlStore(openSqliteStoreDriver(':memory:')));
});
