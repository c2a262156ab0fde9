// vitest globalSetup of the `matrix` project: one Synapse for all Matrix test files. Tests read
// its coordinates with `inject('synapse')`; a test that must stop a homeserver starts its own
// with startSynapse() so the shared one stays up.
import type { TestProject } from 'vitest/node';
import { startSynapse, type SynapseCoordinates } from './synapse.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    synapse: SynapseCoordinates;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startSynapse();
  project.provide('synapse', { baseUrl: server.baseUrl, serverName: server.serverName, users: server.users });
  return async () => {
    await server.dispose();
  };
}
