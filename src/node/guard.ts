// With the Matrix bot in the same process, a promise the SDK (or the bot) rejects without anyone
// listening would, by Node's default, end the process — and the web chat with it. This guard
// turns such a rejection into one log line instead. Only unhandled *rejections* are caught: an
// uncaught exception still ends the process, as Node's documentation asks.
import { describeError } from '../../bots/matrix/failures.ts';

export type RejectionLog = (reason: string) => void;

/** Installs the guard; returns the function that removes it again. */
export function guardUnhandledRejections(log: RejectionLog): () => void {
  const onRejection = (reason: unknown) => log(describeError(reason));
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('unhandledRejection', onRejection);
  };
}
