import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('loadConfig', () => {
  it('runs on embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 8787, DATA_DIR: './data', KNOWLEDGE_DIR: './knowledge', RETENTION_CONVERSATION_DAYS: 30 });
    expect(config.STAFF_TOKEN).toBeUndefined();
  });

  it('stops with one line naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'achtzig' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'achtzig' })).toThrow(/^Konfigurationsfehler: PORT="achtzig"/);
    expect(() => loadConfig({ STAFF_TOKEN: 'kurz' })).toThrow(/^Konfigurationsfehler: STAFF_TOKEN=\*\*\* ist ungültig/);
    expect(() => loadConfig({ STAFF_TOKEN: 'kurz' })).not.toThrow(/kurz/);
    expect(() => loadConfig({ TRUST_PROXY: 'vielleicht' })).toThrow(/TRUST_PROXY/);
  });
});
