// With the Matrix bot in the same process, a promise the SDK (or the bot) rejects without anyone
// listening would, by Node's default, end the process — and the web chat with it. This guard
// turns such a rejection into one log line instead. Only unhandled *rejections* are caught: an
// uncaught exception still ends the process, as Node's documentation asks.
// How a reason is worded is the caller's business (the bot knows Matrix errors), so this file
// imports nothing from bots/ and the composition root hands the describer in.

export type RejectionLog = (reason: string) => void;
export type DescribeReason = (reason: unknown) => string;

/** Installs the guard; returns the function that removes it again. */
export function guardUnhandledRejections(log: RejectionLog, describe: DescribeReason = String): () => void {
  const onRejection = (reason: unknown) => log(describe(reason));
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('unhandledRejection', onRejection);
  };
}
