import type { Context, MiddlewareHandler } from 'hono';
import type { ConversationService } from '../assistant/conversations.ts';
import type { LiveEvents } from '../assistant/live-events.ts';
import type { KnowledgeBundle } from '../knowledge/types.ts';
import type { ConversationRecord, Store } from '../store/types.ts';
import type { Logger } from './middleware/request-log.ts';

/** Everything the HTTP app needs, injected by the runtime entry point (Node or Worker). */
export type AppDeps = {
  service: ConversationService;
  store: Store;
  live: LiveEvents;
  knowledge: KnowledgeBundle;
  log: Logger;
  limits: {
    maxMessageChars: number;
    ipPerMinute: number;
    conversationPerMinute: number;
    /** New conversations per client address and minute (0 = off). */
    createPerMinute?: number;
    embedOrigins: string;
    /** Requests carrying this bearer token (the staff bot) are not counted per address. */
    trustedToken?: string;
  };
  /** The client's address as the runtime sees it (socket, proxy header or CF-Connecting-IP). */
  clientIp: (c: Context) => string;
  /** Content codings for page, scripts, styles and JSON (never SSE); none = uncompressed (Workers: the edge compresses). */
  compression?: import('./middleware/compression.ts').Encoder[];
  /** Serves bots/web; on Workers the platform's static assets do it instead. */
  serveStatic?: MiddlewareHandler;
  /** Registers further routes (staff API, escalations) on the same app. */
  extend?: Array<(app: import('@hono/zod-openapi').OpenAPIHono<AppEnv>) => void>;
  ready?: () => Promise<boolean>;
  /** Until when a staff member types to this conversation (ms), for the SSE `typing` event. */
  typingUntil?: (conversationId: string) => Promise<number | undefined>;
  /** Further fields of GET /healthz (the Matrix bot's state); they never turn the answer into an error. */
  health?: () => Record<string, unknown>;
  /**
   * What the runtime sees of the disk: `suspect` (nearly full or read-only: /healthz confirms with
   * a probe write) or a problem it knows without writing (no space left).
   */
  storageCheck?: () => { suspect: boolean; problem?: { kind: import('../store/storage-problem.ts').StorageProblem; since: number } };
};

export type AppEnv = { Variables: { conversation: ConversationRecord } };
