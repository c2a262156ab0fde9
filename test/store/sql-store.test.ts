// The Store contract on node:sqlite. The same cases run against D1 in test/workers/d1-store.test.ts.
import { describe, expect, it } from 'vitest';
import { nextLimit, SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../../src/store/sqlite-driver.ts';
import { storeCases } from '../helpers/store-cases.ts';

describe('SqlStore on node:sqlite', () => {
  storeCases(async () => new SqlStore(openSqliteStoreDriver(':memory:')));
});

describe('purge step sizing', () => {
  it('shrinks in proportion to an overshoot, grows while steps are quick, and keeps within its bounds', () => {
    expect(nextLimit(100, 100, 20, 1000)).toBe(16); // 5× over: to a fifth, with some margin
    expect(nextLimit(10, 1, 20, 1000)).toBe(20);
    expect(nextLimit(10, 8, 20, 1000)).toBe(13);
    expect(nextLimit(10, 15, 20, 1000)).toBe(10);
    expect(nextLimit(800, 1, 20, 1000)).toBe(1000);
    expect(nextLimit(1, 500, 20, 1000)).toBe(1);
  });
});
