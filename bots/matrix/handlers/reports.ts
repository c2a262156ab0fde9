// !lücken and !statistik: the reports the service computes, shown in the staff room.
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

export function gapsCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const days = Number(ctx.argv[0]?.replace(/t$|d$/i, '')) || undefined;
    const report = await s.lotse.gaps(days);
    const waiting = report.editorial?.articles.length ?? 0;
    const editorialHint = waiting ? [t.editorialHint(waiting)] : [];
    if (!report.groups.length) return ctx.reply([t.gapsEmpty, ...editorialHint].join('\n'));
    const lines = report.groups.slice(0, 15).map((g) => `- ${g.count}× „${g.example}“ (${g.reasons.join(', ')})`);
    await ctx.reply([`Fragen der letzten ${report.days} Tage, die der Lotse nicht gut beantworten konnte:`, ...lines, ...editorialHint].join('\n'));
  };
}

/** !redaktion: the articles that await approval or are past their review date. */
export function editorialCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const queue = (await s.lotse.gaps(1)).editorial;
    if (!queue) return ctx.reply(t.editorialUnavailable);
    await ctx.reply(t.editorialQueue(queue));
  };
}

/** "7t", "30d", "2026-11", "2026", "2026-01-01..2026-03-31" → [from, to) as YYYY-MM-DD. */
export function parsePeriod(arg: string | undefined, now = new Date()): { from: string; to: string } | undefined {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const tomorrow = new Date(now.getTime() + 86_400_000);
  if (!arg) return { from: day(new Date(now.getTime() - 30 * 86_400_000)), to: day(tomorrow) };
  let m = arg.match(/^(\d{1,4})\s*[td]$/i);
  if (m) return { from: day(new Date(now.getTime() - Number(m[1]) * 86_400_000)), to: day(tomorrow) };
  m = arg.match(/^(\d{4})-(\d{2})$/);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { from: `${m[1]}-${m[2]}-01`, to: mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01` };
  }
  m = arg.match(/^(\d{4})$/);
  if (m) return { from: `${m[1]}-01-01`, to: `${Number(m[1]) + 1}-01-01` };
  m = arg.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/);
  if (m) return { from: m[1], to: day(new Date(Date.parse(m[2]) + 86_400_000)) };
  return undefined;
}

type Cell = number | null;
const cell = (v: Cell) => (v === null ? '<5' : String(v));

export function statsCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const period = parsePeriod(ctx.argv[0]);
    if (!period) return ctx.reply(t.statsUsage);
    const r = await s.lotse.stats(period.from, period.to);
    const lines = [
      `Statistik ${r.from} bis ${r.to} (Werte unter 5 unterdrückt):`,
      `Gespräche: ${cell(r.conversations)} · Weitergaben an die Kontaktstelle: ${cell(r.escalations)} · abgeschlossen: ${cell(r.closed)}`,
      `Zeit bis zur Übernahme (Median): ${r.claimMinutesMedian ?? '–'} min · bis zur ersten Antwort (Median): ${r.responseMinutesMedian ?? '–'} min`,
    ];
    for (const [title, key] of [['Ergebnis', 'byOutcome'], ['Bereich', 'byRole'], ['Landkreis/Stadt', 'byRegion'], ['Thema', 'byTopic']] as const) {
      const rows = Object.entries((r[key] ?? {}) as Record<string, Cell>);
      if (rows.length) lines.push(`${title}: ${rows.map(([k, v]) => `${k} ${cell(v)}`).join(' · ')}`);
    }
    await ctx.reply(lines.join('\n'));
  };
}
