// With the Matrix bot in the process, a rejected promise nobody handles must not end the service.
// A real Node process each time: without the guard the rejection ends it, with the guard it
// logs one line and goes on.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('unhandled rejections with the bot in the process', () => {
  const run = (guarded: boolean) => spawnSync(process.execPath, ['--input-type=module', '-e', `
    const { guardUnhandledRejections } = await import(${JSON.stringify(join(ROOT, 'src/node/guard.ts'))});
    const { describeError } = await import(${JSON.stringify(join(ROOT, 'bots/matrix/failures.ts'))});
    if (${guarded}) guardUnhandledRejections((reason) => console.log('contained: ' + reason), describeError);
    Promise.reject(Object.assign(new Error('Relations must be in the same room'), { errcode: 'M_UNKNOWN', httpStatus: 400, error: 'Relations must be in the same room' }));
    setTimeout(() => console.log('still running'), 50);
  `], { encoding: 'utf8', timeout: 20_000 });

  it('keeps the process alive and logs the reason in one line', () => {
    const guarded = run(true);
    expect(guarded.status).toBe(0);
    expect(guarded.stdout).toBe('contained: M_UNKNOWN 400: Relations must be in the same room\nstill running\n');
    const bare = run(false);
    expect(bare.status).not.toBe(0);
    expect(bare.stdout).not.toContain('still running');
  });
});
