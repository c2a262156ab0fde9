// Ambient declarations for the two module names only the Worker build resolves:
// - `cloudflare:workers` is provided by workerd at run time;
// - `lotse:worker-bundle` is an alias (wrangler.toml [alias]) for data/worker-bundle.json, which
//   scripts/build-worker-bundle.ts writes before every `wrangler dev` / `wrangler deploy`.
// Declared here so that `tsc --noEmit` type-checks the Worker on a fresh clone without the
// generated file and without pulling Cloudflare's global types into the Node/DOM build.

declare module 'cloudflare:workers' {
  /** Keeps the current request (or cron run) alive until the promise settles. */
  export function waitUntil(promise: Promise<unknown>): void;
}

declare module 'lotse:worker-bundle' {
  const bundle: import('./bundle.ts').WorkerBundle;
  export default bundle;
}
