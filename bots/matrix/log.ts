// A tiny leveled logger for the bot (stderr), also handed to matrix-js-sdk so the SDK's chatter
// follows the same level. Errors are written as one line with their reason, never as a stack
// trace: the operator reads these lines (LOG_LEVEL=debug adds the stack for developers).
import { describeError } from './failures.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type BotLogger = {
  debug: (...msg: unknown[]) => void;
  info: (...msg: unknown[]) => void;
  warn: (...msg: unknown[]) => void;
  error: (...msg: unknown[]) => void;
};

export function createLogger(level: LogLevel = 'info', prefix = 'matrix-bot', write: (line: string) => void = (line) => console.error(line)): BotLogger {
  const at = (l: LogLevel) => (...msg: unknown[]) => {
    if (order[l] < order[level]) return;
    write(`[${prefix}] ${l}: ${msg.map((m) => (m instanceof Error ? describeError(m) : typeof m === 'string' ? m : safeJson(m))).join(' ')}`);
    if (level === 'debug') for (const m of msg) if (m instanceof Error && m.stack) write(m.stack);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function safeJson(value: unknown): string {
  try {
    return typeof value === 'object' && value !== null && 'errcode' in value ? describeError(value) : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The SDK's Logger shape, mapped onto ours (its info/debug are far too chatty for a bot). */
export function sdkLogger(log: BotLogger) {
  const quiet = () => {};
  const logger = { trace: quiet, debug: quiet, info: quiet, warn: quiet, error: log.error, getChild: () => logger };
  return logger;
}
