import { describe, expect, it } from 'vitest';
import {
  NAVIGATOR_STEP_COUNT, isNavigatorRequest, navigatorStep, navigatorSummary,
} from '../../src/assistant/navigator.ts';
import { ROLES } from '../../src/contract/vocabulary.ts';

const ARTICLE_IDS = new Set(`erste-schritte-bei-verdacht gewichtige-anhaltspunkte formen-der-kindeswohlgefaehrdung
  koerperliche-misshandlung seelische-misshandlung vernachlaessigung sexualisierte-gewalt haeusliche-gewalt dokumentation
  kollegiale-beratung insoweit-erfahrene-fachkraft gespraech-mit-dem-kind gespraech-mit-den-eltern jugendamt-informieren
  was-passiert-beim-jugendamt akute-gefahr inobhutnahme familiengericht schutzauftrag-8a paragraf-4-kkg
  schweigepflicht-und-notstand einwilligung-schweigepflichtentbindung sozialdatenschutz datenweitergabe-wer-darf-was kita
  schule arztpraxis-und-klinik hebammen-und-familienhebammen vereine-und-ehrenamt jugendhilfe beratung-ohne-eltern
  verdacht-gegen-mitarbeitende digitale-gewalt kinder-psychisch-kranker-und-suchtkranker-eltern weibliche-genitalverstuemmelung
  selbstverletzung-und-suizidalitaet fruehe-hilfen hilfen-zur-erziehung opferambulanzen hotlines kontaktstelle-kinderschutz
  jugendaemter-in-mv fortbildungen aus-fehlern-lernen schutzkonzepte kinderrechte selbstfuersorge glossar`.split(/\s+/));

describe('navigatorStep', () => {
  it('walks six steps from documenting to informing the Jugendamt', () => {
    expect(NAVIGATOR_STEP_COUNT).toBe(6);
    const titles = Array.from({ length: 6 }, (_, i) => navigatorStep('kita', i).title);
    expect(titles[0]).toMatch(/dokumentieren/);
    expect(titles[2]).toMatch(/insoweit erfahrene Fachkraft/i);
    expect(titles[3]).toMatch(/Eltern und Kind/);
    expect(titles[5]).toMatch(/Jugendamt/);
  });

  it('names the legal basis that fits the role', () => {
    expect(navigatorStep('kita', 5).legal).toEqual(['§ 8a Abs. 4 SGB VIII']);
    expect(navigatorStep('jugendhilfe', 2).legal).toEqual(['§ 8a Abs. 4 SGB VIII']);
    expect(navigatorStep('schule', 5).legal).toEqual(['§ 4 Abs. 3 KKG']);
    expect(navigatorStep('gesundheit', 2).legal).toContain('§ 4 Abs. 2 KKG');
    expect(navigatorStep('verein', 2).legal).toEqual(['§ 8b Abs. 1 SGB VIII']);
    // Informing the Jugendamt needs no special basis outside § 8a and § 4 KKG: anyone may.
    expect(navigatorStep('andere', 5).legal).toEqual([]);
    expect(navigatorStep('andere', 5).text).toContain('Jede Person kann das Jugendamt informieren');
    expect(navigatorStep('schule', 2).text).toMatch(/pseudonymisiert/);
    expect(navigatorStep('gesundheit', 5).text).toMatch(/dringender Gefahr/);
    expect(navigatorStep('kita', 5).text).not.toMatch(/dringender Gefahr/);
  });

  it('links only articles from the fixed list', () => {
    for (const role of ROLES) {
      for (let i = 0; i < NAVIGATOR_STEP_COUNT; i++) {
        for (const id of navigatorStep(role, i).articleIds) expect(ARTICLE_IDS.has(id), id).toBe(true);
      }
    }
  });

  it('offers Weiter, Was heißt das? and a person, and a summary at the end', () => {
    const first = navigatorStep('schule', 0);
    expect(first.done).toBe(false);
    expect(first.actions).toContainEqual({ type: 'quick_reply', label: 'Weiter', value: 'Weiter' });
    expect(first.actions).toContainEqual({ type: 'quick_reply', label: 'Was heißt das?', value: 'Was heißt das?' });
    expect(first.actions).toContainEqual({ type: 'escalate', label: 'Mit einer Person sprechen' });
    const last = navigatorStep('schule', 5);
    expect(last.done).toBe(true);
    expect(last.actions.some((a) => a.type === 'download_summary')).toBe(true);
    expect(last.actions.some((a) => a.type === 'quick_reply' && a.label === 'Weiter')).toBe(false);
  });

  it('starts with the emergency numbers and clamps odd input', () => {
    expect(navigatorStep('kita', 0).text).toMatch(/110 oder 112/);
    expect(navigatorStep('unbekannt', 0).text).toMatch(/andere Arbeitsfelder/);
    expect(navigatorStep('kita', 99).index).toBe(5);
    expect(navigatorStep('kita', -3).index).toBe(0);
    expect(navigatorStep('kita', Number.NaN).index).toBe(0);
  });
});

describe('navigatorSummary', () => {
  it('lists every step with its legal basis and the articles', () => {
    const md = navigatorSummary('schule');
    expect(md).toMatch(/^# Vorgehen bei Sorge um ein Kind – Schule/);
    expect((md.match(/^## \d\. /gm) ?? []).length).toBe(6);
    expect(md).toContain('§ 4 Abs. 3 KKG');
    expect(md).toContain('/wissen/insoweit-erfahrene-fachkraft');
  });
});

describe('isNavigatorRequest', () => {
  it.each([
    'Was muss ich jetzt tun?',
    'was soll ich nun tun',
    'Wie gehe ich vor?',
    'Bitte Schritt für Schritt erklären',
    'Schritt fuer Schritt bitte',
    'Wie ist der Ablauf?',
    'Welche Schritte muss ich gehen?',
    'Ich habe einen Verdacht. Was mache ich jetzt?',
  ])('starts the guide for "%s"', (text) => expect(isNavigatorRequest(text)).toBe(true));

  it.each([
    'Was muss ich tun, wenn ein Kind heute nicht abgeholt wird?',
    'Was ist eine insoweit erfahrene Fachkraft?',
    'Wie gehe ich mit Eltern um, die nicht reden wollen?',
    'Danke!',
  ])('does not start it for "%s"', (text) => expect(isNavigatorRequest(text)).toBe(false));
});
