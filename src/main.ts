// `npm start`: runs the Lotse on the embedded defaults (SQLite under DATA_DIR, bundled
// knowledge base). A configuration error ends the start with one line naming the variable.
import { ConfigError } from './config/config.ts';
import { KnowledgeError } from './knowledge/parse.ts';
import { startLotse } from './node/start.ts';
import { BotConfigError } from '../bots/matrix/config.ts';

try {
  const running = await startLotse();
  console.log(`Kinderschutz-Lotse läuft auf ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof BotConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
