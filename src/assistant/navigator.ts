// Guided procedure: the steps a professional takes with weighty indications of a danger to a
// child, adapted to the asker's role. Legal basis per role:
//   kita, jugendhilfe → § 8a Abs. 4 SGB VIII (agreement of the Träger with the Jugendamt)
//   schule, gesundheit → § 4 KKG (Berufsgeheimnisträger: talk, pseudonymised advice, inform)
//   verein, andere → § 8b Abs. 1 SGB VIII (claim to advice by an insoweit erfahrene Fachkraft)
// Texts are German for the user; article ids come from the fixed list in notes/ARTICLES.md.

import { foldText } from './safety/fold.ts';
import type { Action } from './types.ts';

export type NavigatorRole = 'kita' | 'schule' | 'gesundheit' | 'jugendhilfe' | 'verein' | 'andere';
export type NavigatorStep = {
  index: number;
  total: number;
  title: string;
  text: string; // German Markdown
  articleIds: string[];
  legal: string[];
  actions: Action[];
  done: boolean;
};

type Basis = 'p8a' | 'kkg' | 'p8b';
const BASIS: Record<NavigatorRole, Basis> = {
  kita: 'p8a', jugendhilfe: 'p8a', schule: 'kkg', gesundheit: 'kkg', verein: 'p8b', andere: 'p8b',
};

const ROLE_ARTICLE: Record<NavigatorRole, string> = {
  kita: 'kita',
  schule: 'schule',
  gesundheit: 'arztpraxis-und-klinik',
  jugendhilfe: 'jugendhilfe',
  verein: 'vereine-und-ehrenamt',
  andere: 'erste-schritte-bei-verdacht',
};

const ROLE_LABEL: Record<NavigatorRole, string> = {
  kita: 'Kita und Kindertagespflege',
  schule: 'Schule',
  gesundheit: 'Gesundheitswesen',
  jugendhilfe: 'Kinder- und Jugendhilfe',
  verein: 'Verein und Ehrenamt',
  andere: 'andere Arbeitsfelder',
};

// Who the "Leitung" is in each field.
const LEADERSHIP: Record<NavigatorRole, string> = {
  kita: 'Ihrer Kita-Leitung und, wenn vorgesehen, dem Träger',
  schule: 'Ihrer Schulleitung; die Schulsozialarbeit kann Sie unterstützen',
  gesundheit: 'Ihrer Praxis- oder Stationsleitung; in Kliniken gibt es oft eine Kinderschutzgruppe',
  jugendhilfe: 'Ihrer Leitung, nach dem Verfahren Ihres Trägers',
  verein: 'dem Vorstand oder der Ansprechperson für Kinderschutz in Ihrem Verein',
  andere: 'Ihrer Leitung oder einer vertrauten Kollegin bzw. einem vertrauten Kollegen',
};

/** Who the Leitung is for a role, for texts outside the procedure (next steps). */
export function leadershipOf(role: string | undefined): string {
  return LEADERSHIP[toNavigatorRole(role)];
}

/** The legal basis of the advice by an insoweit erfahrene Fachkraft for a role. */
export function insofaBasisOf(role: string | undefined): string {
  return { p8a: '§ 8a Abs. 4 SGB VIII', kkg: '§ 4 Abs. 2 KKG', p8b: '§ 8b Abs. 1 SGB VIII' }[BASIS[toNavigatorRole(role)]];
}

type StepSpec = {
  title: string;
  articleIds: (role: NavigatorRole) => string[];
  legal: (basis: Basis) => string[];
  body: (role: NavigatorRole, basis: Basis) => string;
};

const STEPS: StepSpec[] = [
  {
    title: 'Beobachten und dokumentieren',
    articleIds: () => ['dokumentation', 'gewichtige-anhaltspunkte'],
    // § 8b gives a claim to advice, not a duty to document: no paragraph to cite for that basis.
    legal: (b) => (b === 'p8a' ? ['§ 8a Abs. 4 SGB VIII'] : b === 'kkg' ? ['§ 4 Abs. 1 KKG'] : []),
    body: () => [
      'Halten Sie fest, was Sie gesehen und gehört haben – möglichst bald und in eigenen Worten.',
      '',
      '- **Fakten statt Deutungen:** Datum, Uhrzeit, was genau Sie beobachtet haben, wörtliche Äußerungen des Kindes in Anführungszeichen.',
      '- **Getrennt davon** Ihre Einschätzung und offene Fragen.',
      '- Untersuchen oder fotografieren Sie das Kind nicht selbst und fragen Sie es nicht „zur Sicherheit“ aus.',
      '- Bewahren Sie die Notizen geschützt auf und geben Sie sie nur im Rahmen des Verfahrens weiter.',
    ].join('\n'),
  },
  {
    title: 'Kolleg:innen und Leitung einbeziehen',
    articleIds: (role) => ['kollegiale-beratung', ROLE_ARTICLE[role]],
    legal: (b) => (b === 'p8a' ? ['§ 8a Abs. 4 SGB VIII'] : []),
    body: (role) => [
      `Sie müssen das nicht allein tragen. Sprechen Sie mit ${LEADERSHIP[role]}.`,
      '',
      '- Schildern Sie Ihre Beobachtungen, ohne den Namen des Kindes zu nennen, wo das reicht.',
      '- Prüfen Sie gemeinsam: Sind es **gewichtige Anhaltspunkte** für eine Gefährdung oder eher eine allgemeine Sorge?',
      '- Halten Sie fest, wer wann was besprochen und vereinbart hat.',
    ].join('\n'),
  },
  {
    title: 'Insoweit erfahrene Fachkraft hinzuziehen',
    articleIds: () => ['insoweit-erfahrene-fachkraft'],
    legal: (b) => (b === 'p8a' ? ['§ 8a Abs. 4 SGB VIII'] : b === 'kkg' ? ['§ 4 Abs. 2 KKG', '§ 8b Abs. 1 SGB VIII'] : ['§ 8b Abs. 1 SGB VIII']),
    body: (_role, basis) => {
      const why = {
        p8a: 'Ihr Träger hat mit dem Jugendamt vereinbart, dass bei gewichtigen Anhaltspunkten eine insoweit erfahrene Fachkraft (InsoFa, auch Kinderschutzfachkraft) beratend hinzugezogen wird (§ 8a Abs. 4 SGB VIII).',
        kkg: 'Als Berufsgeheimnisträger:in haben Sie Anspruch auf Beratung durch eine insoweit erfahrene Fachkraft (§ 4 Abs. 2 KKG). Dafür dürfen Sie die nötigen Angaben weitergeben – aber nur pseudonymisiert, also ohne Namen.',
        p8b: 'Wer beruflich mit Kindern oder Jugendlichen zu tun hat, hat Anspruch auf Beratung durch eine insoweit erfahrene Fachkraft (§ 8b Abs. 1 SGB VIII). Das Jugendamt nennt Ihnen, wer in Ihrer Region berät.',
      }[basis];
      return [
        why,
        '',
        '- Die Beratung ist **anonymisiert**: Das Kind wird nicht genannt.',
        '- Gemeinsam schätzen Sie das Risiko ein und planen die nächsten Schritte.',
        '- Die Verantwortung für den Fall bleibt bei Ihnen bzw. Ihrer Einrichtung; die Fachkraft berät.',
      ].join('\n');
    },
  },
  {
    title: 'Eltern und Kind einbeziehen – wenn es das Kind nicht gefährdet',
    articleIds: () => ['gespraech-mit-den-eltern', 'gespraech-mit-dem-kind'],
    legal: (b) => (b === 'p8a' ? ['§ 8a Abs. 4 SGB VIII'] : b === 'kkg' ? ['§ 4 Abs. 1 KKG'] : []),
    body: () => [
      'In der Regel sprechen Sie mit den Eltern und – seinem Alter entsprechend – mit dem Kind über Ihre Sorge.',
      '',
      '- **Nicht** mit den Eltern sprechen, wenn das den Schutz des Kindes gefährden würde – etwa bei Verdacht auf sexualisierte Gewalt in der Familie oder wenn Druck auf das Kind zu befürchten ist.',
      '- Mit dem Kind: zuhören, nicht ausfragen, keine Suggestivfragen, kein Versprechen, alles geheim zu halten.',
      '- Bereiten Sie das Gespräch mit der insoweit erfahrenen Fachkraft vor und dokumentieren Sie es.',
    ].join('\n'),
  },
  {
    title: 'Hilfe anbieten und dafür werben',
    articleIds: () => ['hilfen-zur-erziehung', 'fruehe-hilfen'],
    legal: (b) => (b === 'p8a' ? ['§ 8a Abs. 4 SGB VIII'] : b === 'kkg' ? ['§ 4 Abs. 1 KKG'] : []),
    body: () => [
      'Oft lässt sich eine Gefährdung mit Unterstützung abwenden. Zeigen Sie der Familie konkrete Wege auf und ermutigen Sie sie, diese zu nutzen.',
      '',
      '- Zum Beispiel Erziehungsberatung, Frühe Hilfen, Familienhebammen oder Hilfen zur Erziehung über das Jugendamt.',
      '- Vereinbaren Sie, bis wann Sie wieder ins Gespräch gehen, und prüfen Sie, ob sich etwas verändert.',
    ].join('\n'),
  },
  {
    title: 'Das Jugendamt informieren',
    articleIds: () => ['jugendamt-informieren', 'was-passiert-beim-jugendamt'],
    // Without a special rule anyone may inform the Jugendamt; § 8b only covers the advice before.
    legal: (b) => (b === 'p8a' ? ['§ 8a Abs. 4 SGB VIII'] : b === 'kkg' ? ['§ 4 Abs. 3 KKG'] : []),
    body: (role, basis) => {
      const rule = {
        p8a: 'Reichen die Hilfen nicht aus oder werden sie nicht angenommen und lässt sich die Gefährdung anders nicht abwenden, informieren Sie das Jugendamt (§ 8a Abs. 4 SGB VIII).',
        kkg: 'Scheiden die ersten Schritte aus oder bleiben sie ohne Erfolg und halten Sie ein Tätigwerden des Jugendamts für erforderlich, dürfen Sie das Jugendamt informieren und die nötigen Daten weitergeben – trotz Schweigepflicht (§ 4 Abs. 3 KKG). Die Betroffenen erfahren das vorher, sofern das den Schutz des Kindes nicht gefährdet. Das Jugendamt soll Ihnen danach zurückmelden, ob es die Anhaltspunkte bestätigt sieht und tätig geworden ist (§ 4 Abs. 4 KKG).',
        p8b: 'Kommen Sie gemeinsam mit der insoweit erfahrenen Fachkraft zu dem Ergebnis, dass das Kind geschützt werden muss, wenden Sie sich an das Jugendamt. Jede Person kann das Jugendamt informieren. Gehören Sie zu einem Beruf mit Schweigepflicht (etwa Psychologin, Beraterin, Sozialarbeiter), gilt dafür § 4 KKG.',
      }[basis];
      const urgent = role === 'gesundheit'
        ? '\n- Bei **dringender Gefahr** informieren Sie das Jugendamt sofort, ohne die Schritte davor (§ 4 Abs. 3 KKG).'
        : '';
      return [
        rule,
        '',
        `- Schildern Sie Ihre Beobachtungen sachlich und nennen Sie, was Sie schon unternommen haben.${urgent}`,
        '- Außerhalb der Dienstzeiten und bei akuter Gefahr: **Polizei 110** oder **Rettungsdienst 112**.',
      ].join('\n');
    },
  },
];

export const NAVIGATOR_STEP_COUNT = STEPS.length;

// What has been done already decides where the procedure starts: after talking to the Leitung
// comes the insoweit erfahrene Fachkraft, after her the parents, after them help and the Jugendamt.
const NEXT_STEP_AFTER: Record<string, number> = { leitung: 2, insofa: 3, parents: 4, jugendamt: 5 };

/** The first step not yet done, by the situation slot `done`. */
export function startStep(done: readonly string[]): number {
  return Math.max(0, ...done.map((d) => NEXT_STEP_AFTER[d] ?? 0));
}

export function toNavigatorRole(role: string | undefined): NavigatorRole {
  return role !== undefined && Object.hasOwn(BASIS, role) ? (role as NavigatorRole) : 'andere';
}

function stepActions(last: boolean): Action[] {
  const actions: Action[] = [];
  if (!last) actions.push({ type: 'quick_reply', label: 'Weiter', value: 'Weiter' });
  actions.push({ type: 'quick_reply', label: 'Was heißt das?', value: 'Was heißt das?' });
  if (last) actions.push({ type: 'download_summary', label: 'Zusammenfassung herunterladen' });
  actions.push({ type: 'escalate', label: 'Mit einer Person sprechen' });
  return actions;
}

export function navigatorStep(role: string, index: number, options: { first?: boolean } = {}): NavigatorStep {
  const r = toNavigatorRole(role);
  const i = Math.min(Math.max(0, Math.trunc(Number.isFinite(index) ? index : 0)), STEPS.length - 1);
  const spec = STEPS[i]!;
  const basis = BASIS[r];
  const last = i === STEPS.length - 1;
  const legal = spec.legal(basis);
  const intro = i === 0 || options.first
    ? `Ich führe Sie Schritt für Schritt durch das Vorgehen (${ROLE_LABEL[r]}${i > 0 ? `; was Sie schon getan haben, überspringe ich` : ''}). **Bei akuter Gefahr für ein Kind rufen Sie sofort 110 oder 112.**\n\n`
    : '';
  const legalLine = legal.length ? `\n\nRechtsgrundlage: ${legal.join(', ')}` : '';
  const outro = last ? '\n\nDas war der letzte Schritt. Sie können eine Zusammenfassung für Ihre Unterlagen herunterladen oder drucken.' : '';
  return {
    index: i,
    total: STEPS.length,
    title: spec.title,
    text: `${intro}**Schritt ${i + 1} von ${STEPS.length}: ${spec.title}**\n\n${spec.body(r, basis)}${legalLine}${outro}`,
    articleIds: [...new Set(spec.articleIds(r))],
    legal,
    actions: stepActions(last),
    done: last,
  };
}

/** All steps as Markdown for the asker's own records (built on demand, never stored). */
export function navigatorSummary(role: string): string {
  const r = toNavigatorRole(role);
  const basis = BASIS[r];
  const parts = [
    `# Vorgehen bei Sorge um ein Kind – ${ROLE_LABEL[r]}`,
    '',
    '_Zusammenfassung des Kinderschutz-Lotsen. Sie ersetzt keine Beratung im Einzelfall. Bei akuter Gefahr: Polizei 110, Rettungsdienst 112._',
  ];
  const articleIds = new Set<string>();
  STEPS.forEach((spec, i) => {
    const legal = spec.legal(basis);
    parts.push('', `## ${i + 1}. ${spec.title}`, '', spec.body(r, basis));
    if (legal.length) parts.push('', `Rechtsgrundlage: ${legal.join(', ')}`);
    for (const id of spec.articleIds(r)) articleIds.add(id);
  });
  parts.push('', '## Mehr dazu im Lotsen', '', ...[...articleIds].map((id) => `- /wissen/${id}`));
  parts.push('', '## Meine Notizen', '', '- Datum:', '- Gesprochen mit:', '- Vereinbart:');
  return parts.join('\n');
}

// "Was muss ich jetzt tun?", "Wie gehe ich vor?", "Schritt für Schritt": a request for the
// procedure itself, not a question about one topic ("Was muss ich tun, wenn ein Kind …?").
const WHAT_NOW = /\b(?:was (?:muss|soll|kann) ich (?:jetzt |nun |als nachstes |konkret )*(?:tun|machen)|was tue? ich (?:jetzt|jezt|nun)|was mache? ich (?:jetzt|jezt|nun)|wie geh?e? ich (?:jetzt |nun |am besten )*vor|wie geht es (?:jetzt |nun )?weiter|was sind die nachsten schritte|was ist der nachste schritt|wie soll ich vorgehen)\b/;
const TOPIC_CLAUSE = /\b(?:wenn|falls|bei|mit|gegen|uber)\b/;
const PROCEDURE_WORDS = /\b(?:schritte|ablauf|vorgehensweise|vorgehen|leitfaden|handlungsleitfaden|handlungsschritte|verfahrensablauf|fahrplan)\b/;

// A bare "und jetzt?" after a described worry asks for the next step, too.
const AND_NOW = /^\s*(?:(?:und|ok|okay|gut|aha)[, ]+){0,2}(?:was )?(?:jetzt|nun)\s*\??\s*$/;

export function isNavigatorRequest(text: string): boolean {
  const t = foldText(text);
  // A long case description with "was soll ich tun?" at its end is a question about that case;
  // the knowledge answer fits it better, and the procedure is offered beside it.
  if (t.split(/\s+/).length > 14 && !/\bschritt fur schritt\b|\bleitfaden\b|\bfahrplan\b/.test(t)) return false;
  if (/\bschritt fur schritt\b/.test(t) || AND_NOW.test(t)) return true;
  const m = WHAT_NOW.exec(t);
  if (m) return !TOPIC_CLAUSE.test(t.slice(m.index + m[0].length));
  return PROCEDURE_WORDS.test(t) && /\b(?:wie|was|welche|zeig|erklar|fuhr|brauche)/.test(t) && t.split(/\s+/).length <= 12;
}
