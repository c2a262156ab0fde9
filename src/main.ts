// `npm start`: runs the Lotse on the embedded defaults (SQLite under DATA_DIR, bundled
// knowledge base). A configuration error, an unusable database or a busy port ends the start with
// one German line saying what is wrong and where, without a stack trace.
import { ConfigError } from './config/config.ts';
import { KnowledgeError } from './knowledge/parse.ts';
import { startLotse } from './node/start.ts';
import { StartupError } from './node/startup-error.ts';
import { BotConfigError } from '../bots/matrix/config.ts';

try {
  const running = await startLotse();
  console.log(`Kinderschutz-Lotse läuft auf ${running.url}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError || error instanceof KnowledgeError || error instanceof BotConfigError || error instanceof StartupError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
