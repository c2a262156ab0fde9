// The Cloudflare bindings the Worker uses, typed from @cloudflare/workers-types' importable
// module so that the platform's globals never clash with the DOM and Node types the rest of
// the project is checked against.
import type {
  D1Database, DurableObjectNamespace, ExecutionContext, Fetcher, ScheduledController,
} from '@cloudflare/workers-types/index.ts';

export type { D1Database, DurableObjectNamespace, ExecutionContext, ScheduledController };

export type WorkerEnv = {
  /** The D1 database (wrangler.toml `[[d1_databases]] binding = "DB"`). */
  DB: D1Database;
  /** Durable Object namespace of LiveConversationHub (wake-ups for SSE streams). */
  LIVE: DurableObjectNamespace;
  /** Static files of bots/web (wrangler.toml `[assets] binding = "ASSETS"`). */
  ASSETS?: Fetcher;
  /** "eu" places the live-event Durable Objects in the EU jurisdiction (empty: no restriction). */
  LIVE_JURISDICTION?: string;
  /** Every other variable and secret: the same names as on Node (see src/config/config.ts). */
  [name: string]: unknown;
};

/** The string-valued vars and secrets, as loadConfig expects them. */
export function stringVars(env: WorkerEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
  return vars;
}
