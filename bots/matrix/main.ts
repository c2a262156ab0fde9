// `npm run bot`: the Matrix bot alone, against a service reachable at LOTSE_URL.
import { BotConfigError, loadBotConfig } from './config.ts';
import { MatrixBot } from './bot.ts';

try {
  const bot = new MatrixBot({ config: loadBotConfig(process.env) });
  const shutdown = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  // A start that fails (queue room, login) is logged and tried again; only bad configuration ends the process.
  await bot.launch();
} catch (error) {
  console.error(error instanceof BotConfigError ? error.message : error);
  process.exit(1);
}
