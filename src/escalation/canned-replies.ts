// Canned replies of the Kontaktstelle (`!vorlage` in Matrix): short German texts staff send to
// an asker with one command. Staff edit them in Matrix; the starting set comes with migration 0004.
import type { SqlDriver } from '../store/driver.ts';

export type CannedReply = { name: string; text: string; updatedBy: string | null; updatedAt: number };

/** Lower-case letters, digits and hyphens, 1–40 characters (umlauts folded so that typing them works). */
export function cannedName(raw: string | undefined): string | undefined {
  const name = (raw ?? '').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return /^[a-z0-9-]{1,40}$/.test(name) ? name : undefined;
}

export class CannedReplies {
  private readonly db: SqlDriver;

  constructor(db: SqlDriver) {
    this.db = db;
  }

  async list(): Promise<CannedReply[]> {
    const rows = await this.db.all<{ name: string; text: string; updated_by: string | null; updated_at: number }>('SELECT * FROM canned_replies ORDER BY name', []);
    return rows.map((r) => ({ name: r.name, text: r.text, updatedBy: r.updated_by, updatedAt: r.updated_at }));
  }

  async set(name: string, text: string, by: string): Promise<CannedReply> {
    const now = Date.now();
    await this.db.run(
      'INSERT INTO canned_replies (name, text, updated_by, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, updated_at = excluded.updated_at',
      [name, text, by, now],
    );
    return { name, text, updatedBy: by, updatedAt: now };
  }

  async remove(name: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM canned_replies WHERE name = ?', [name])).changes === 1;
  }
}
