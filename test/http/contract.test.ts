// The public HTTP contract on Node (node:sqlite, @hono/node-server). The same cases run against
// the Worker on workerd in test/workers/contract.test.ts.
import { afterAll, beforeAll, describe } from 'vitest';
import { contractCases } from '../helpers/contract-cases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const STAFF_TOKEN = 'test-staff-token-0123456789';

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', STAFF_TOKEN });
});
afterAll(async () => {
  await server?.close();
});

describe('HTTP contract on Node', () => {
  contractCases({
    url: () => server.url,
    startWith: (env) => startTestServer(env),
  });
});
