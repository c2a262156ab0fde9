// `npm test`: prepare the machine, type-check, run every vitest project, then print one plain
// summary line "N passed, N failed" (from vitest's JSON report) so an empty run is visible.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reportPath = join(root, '.cache', 'vitest-report.json');
const step = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const prepared = step(process.execPath, ['test/setup/prepare.ts']);
if (prepared !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const typecheck = step(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit']);
mkdirSync(join(root, '.cache'), { recursive: true });
rmSync(reportPath, { force: true });
const vitest = step(process.execPath, [
  'node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`,
  ...process.argv.slice(2),
]);

let passed = 0;
let failed = typecheck === 0 ? 0 : 1;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests;
  failed += report.numFailedTests;
  skipped = report.numPendingTests + report.numTodoTests;
  // A file that failed to load has no failing test but must still fail the run.
  if (vitest !== 0 && report.numFailedTests === 0) failed += Math.max(1, report.numFailedTestSuites);
} catch {
  failed += 1;
}
if (typecheck === 0) passed += 1; // the type check counts as one test
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(typecheck === 0 && vitest === 0 && passed > 0 ? 0 : 1);
