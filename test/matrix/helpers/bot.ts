// Starting the real bot against the test Synapse.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatrixBot, type MatrixBotOptions } from '../../../bots/matrix/bot.ts';
import { loadBotConfig } from '../../../bots/matrix/config.ts';
import { createLogger } from '../../../bots/matrix/log.ts';
import type { SynapseCoordinates } from '../../setup/synapse.ts';

export const TEST_STAFF_TOKEN = 'staff-token-for-tests-only-0123456789';

export function botEnv(synapse: SynapseCoordinates, queueRoom: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    MATRIX_HOMESERVER_URL: synapse.baseUrl,
    MATRIX_USER_ID: synapse.users.bot.userId,
    MATRIX_PASSWORD: synapse.users.bot.password,
    MATRIX_QUEUE_ROOM: queueRoom,
    MATRIX_STAFF_USERS: `${synapse.users.staffA.userId},${synapse.users.staffB.userId}`,
    LOTSE_URL: 'http://lotse.test',
    STAFF_TOKEN: TEST_STAFF_TOKEN,
    MATRIX_FEED_POLL_MS: '100',
    MATRIX_SYNC_TIMEOUT_MS: '2000',
    ...extra,
  };
}

export function tempStateFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'lotse-bot-')), 'state.json');
}

export async function startBot(env: Record<string, string>, options: Partial<MatrixBotOptions> = {}): Promise<MatrixBot> {
  // Every answer the bot gets is checked against the contract: a drift fails the Matrix tests.
  const bot = new MatrixBot({ config: loadBotConfig(env), log: createLogger((process.env.BOT_LOG as never) || 'error'), stateFile: tempStateFile(), validateResponses: true, ...options });
  await bot.start();
  await bot.ready;
  return bot;
}
