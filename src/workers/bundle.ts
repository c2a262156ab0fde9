// The knowledge base and its search index, prepared ahead of time and bundled into the Worker,
// so that a cold isolate neither reads files (it cannot) nor parses YAML nor builds an index.
import type { KnowledgeBundle } from '../knowledge/types.ts';

export const WORKER_BUNDLE_FORMAT = 'kinderschutz-lotse/worker-bundle';
export const WORKER_BUNDLE_VERSION = 1;

export type WorkerBundle = {
  format: typeof WORKER_BUNDLE_FORMAT;
  version: number;
  /** Parsed and validated knowledge base (what parseKnowledge returns). */
  knowledge: KnowledgeBundle;
  /** buildSearchIndex(knowledge.passages, knowledge.synonyms), serialised. */
  index: object;
};

/** Refuses a bundle written by another version of the build script. */
export function checkWorkerBundle(bundle: WorkerBundle): WorkerBundle {
  if (bundle?.format !== WORKER_BUNDLE_FORMAT || bundle.version !== WORKER_BUNDLE_VERSION) {
    throw new Error('data/worker-bundle.json passt nicht zu dieser Version – bitte `npm run build:worker` ausführen.');
  }
  return bundle;
}
