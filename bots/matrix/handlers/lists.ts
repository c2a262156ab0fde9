// `!fälle`: case lists for a helpdesk day — waiting, mine, closed today, by region or topic, and
// a search over the short questions. Built from the staff API's summaries (no contact, no transcript).
import type { CaseSummary } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
}

export function caseListCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const [what = 'wartend', ...rest] = ctx.argv.map((w) => w.toLowerCase());
    const term = fold(rest.join(' '));
    const now = Date.now();
    const today = BERLIN_DAY.format(now);
    let list: CaseSummary[];
    let title: string;
    if (/^(wartend|warten|offen|waiting)$/.test(what)) {
      [list, title] = [await s.lotse.cases('open'), 'Wartende Fälle'];
    } else if (/^(meine|mine)$/.test(what)) {
      [list, title] = [(await s.lotse.cases('claimed')).filter((c) => c.staffId === ctx.sender), 'Ihre Fälle'];
    } else if (/^(heute|today)$/.test(what)) {
      [list, title] = [(await s.lotse.cases('closed')).filter((c) => c.closedAt && BERLIN_DAY.format(c.closedAt) === today), 'Heute abgeschlossen'];
    } else if (/^(region|thema|topic|suche|search)$/.test(what) && term) {
      const all = [...(await s.lotse.cases('open')), ...(await s.lotse.cases('claimed')), ...(await s.lotse.cases('closed'))];
      const field = (c: CaseSummary) => (what === 'region' ? `${c.region} ${c.labels?.region}` : /^(thema|topic)$/.test(what) ? `${c.topic} ${c.labels?.topic}` : `${c.question ?? ''} ${c.labels?.topic ?? ''}`);
      [list, title] = [all.filter((c) => fold(field(c)).includes(term)), `Fälle mit „${rest.join(' ')}“`];
    } else {
      return ctx.reply(t.caseListUsage);
    }
    list.sort((a, b) => (a.urgency === b.urgency ? a.createdAt - b.createdAt : a.urgency === 'urgent' ? -1 : 1));
    await ctx.reply(t.caseList(title, list.slice(0, 30), now, list.length));
  };
}
