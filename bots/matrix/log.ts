// A tiny leveled logger for the bot (stderr), also handed to matrix-js-sdk so the SDK's chatter
// follows the same level.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type BotLogger = {
  debug: (...msg: unknown[]) => void;
  info: (...msg: unknown[]) => void;
  warn: (...msg: unknown[]) => void;
  error: (...msg: unknown[]) => void;
};

export function createLogger(level: LogLevel = 'info', prefix = 'matrix-bot'): BotLogger {
  const at = (l: LogLevel) => (...msg: unknown[]) => {
    if (order[l] >= order[level]) console.error(`[${prefix}] ${l}:`, ...msg);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The SDK's Logger shape, mapped onto ours (its info/debug are far too chatty for a bot). */
export function sdkLogger(log: BotLogger) {
  const quiet = () => {};
  const logger = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: log.error, getChild: () => logger };
  return logger;
}
