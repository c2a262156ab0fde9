// What handlers may use: the two APIs, the bot's memory and a few shared helpers. Handlers get
// this object instead of importing the bot, so each handler file stays small and testable.
import type { BotConfig } from './config.ts';
import type { DeadLetter } from './failures.ts';
import type { RetryOutcome } from './feed.ts';
import type { LotseApi } from './lotse-api.ts';
import type { BotLogger } from './log.ts';
import type { MatrixApi } from './matrix-api.ts';
import type { Router } from './router.ts';
import type { BotState } from './state.ts';

export type BotServices = {
  config: BotConfig;
  lotse: LotseApi;
  matrix: MatrixApi;
  state: BotState;
  log: BotLogger;
  router: Router;
  queueRoomId: () => string;
  /** Where links in Matrix point (PUBLIC_URL, else a non-loopback LOTSE_URL); undefined: links keep their text only. */
  linkBase: string | undefined;
  /** Time after close until the bot clears a case's posts (for the texts that announce it). */
  retentionMs: number;
  displayName: (userId: string) => Promise<string>;
  isStaff: (userId: string) => Promise<boolean>;
  /** Leads (MATRIX_LEAD_USERS) may take a case over from its holder. */
  isLead: (userId: string) => boolean;
  /** The name the asker sees for this staff member (MATRIX_STAFF_ALIASES); undefined: the default alias. */
  aliasFor: (userId: string) => string | undefined;
  /** Whom an urgent case mentions: the staff on duty (`!dienst`), else every staff member in the queue room. */
  urgentMentions: () => Promise<Array<{ userId: string; name: string }>>;
  /** Resolves `KS-…` / a case id / the case of the room / the notice replied to. */
  resolveCaseRef: (ref: { arg?: string; roomId: string; inReplyTo?: string }) => string | undefined;
  /** Feed events set aside because they could not be delivered (`!fehler`, `!erneut`, `!verwerfen`). */
  deadLetters: {
    list: () => DeadLetter[];
    /** False when this bot does not deliver the feed (then nothing can be retried here). */
    available: () => boolean;
    retry: (n: number) => Promise<RetryOutcome>;
    discard: (n: number) => DeadLetter | undefined;
  };
};
