// The real service for Matrix tests, plus a small web-chat client of its public API.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLotse, type RunningLotse } from '../../../src/node/start.ts';
import { TEST_STAFF_TOKEN } from './bot.ts';
import { SseWatch } from './sse-watch.ts';

export async function startService(options: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<RunningLotse & { dataDir: string }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lotse-matrix-'));
  const running = await startLotse({
    PORT: String(options.port ?? 0), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', STAFF_TOKEN: TEST_STAFF_TOKEN,
    // Always open, so that the tests do not depend on the hour they run at.
    OFFICE_HOURS: 'Mo-So 00:00-24:00', OFFICE_MV_HOLIDAYS: 'false',
    ...options.env,
  });
  return { ...running, dataDir };
}

export class WebAsker {
  readonly baseUrl: string;
  id = '';
  token = '';
  sse: SseWatch | undefined;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  async start(role = 'kita', region = 'schwerin'): Promise<this> {
    const created = await this.call('POST', '/api/conversations', { channel: 'web', role, region });
    if (created.status !== 201) throw new Error(`create conversation: ${created.status}`);
    this.id = created.json.id;
    this.token = created.json.token;
    this.sse = new SseWatch(`${this.baseUrl}/api/conversations/${this.id}/events?token=${encodeURIComponent(this.token)}`);
    await this.sse.opened;
    return this;
  }

  ask(text: string, clientId?: string) {
    return this.call('POST', `/api/conversations/${this.id}/messages`, { text, ...(clientId ? { clientId } : {}) });
  }

  escalate(body: Record<string, unknown> = { consent: true }) {
    return this.call('POST', `/api/conversations/${this.id}/escalations`, body);
  }

  history() {
    return this.call('GET', `/api/conversations/${this.id}`);
  }

  rate(rating: 'up' | 'down') {
    return this.call('POST', `/api/conversations/${this.id}/escalations/rating`, { rating });
  }

  close(): void {
    this.sse?.close();
  }
}
