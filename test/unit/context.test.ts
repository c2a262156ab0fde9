import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createRegionFinder, detectRole, type RegionFinder } from '../../src/assistant/context.ts';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';

let findRegion: RegionFinder;
beforeAll(async () => {
  findRegion = createRegionFinder((await loadKnowledgeFromDir(join(import.meta.dirname, '../../knowledge'))).regions);
});

describe('detectRole', () => {
  it('recognises the role from how people describe themselves', () => {
    expect(detectRole('Ich bin Lehrerin an einer Grundschule')).toBe('schule');
    expect(detectRole('In unserer Kita ist ein Kind auffällig')).toBe('kita');
    expect(detectRole('Als Kinderärztin habe ich einen Verdacht')).toBe('gesundheit');
    expect(detectRole('Ich bin Trainer im Sportverein')).toBe('verein');
    expect(detectRole('Was ist eine Inobhutnahme?')).toBeUndefined();
  });
});

describe('region finder', () => {
  it('maps towns, district names and postcodes to the region', () => {
    expect(findRegion('ich arbeite in Wolgast')).toBe('vorpommern-greifswald');
    expect(findRegion('Kita in Waren an der Müritz')).toBe('mecklenburgische-seenplatte');
    expect(findRegion('Schule im Landkreis Rostock')).toBe('rostock-landkreis');
    expect(findRegion('Praxis in Rostock')).toBe('rostock');
    expect(findRegion('wir sind in Schwerin')).toBe('schwerin');
    expect(findRegion('Was tun bei Verdacht?')).toBeUndefined();
  });
  it('does not read an everyday word as a place ("wären" is not Waren)', () => {
    expect(findRegion('Familienhebamme im Raum Stralsund. Sie sagt, es wäre besser, wenn wir nicht mehr da wären.')).toBe('vorpommern-ruegen');
    expect(findRegion('es wäre besser, wenn wir beide nicht mehr da wären')).toBeUndefined();
    expect(findRegion('Wir sind eine Kita in Waren.')).toBe('mecklenburgische-seenplatte');
  });

  it('takes a named place before the district seat named beside it', async () => {
    const { loadKnowledgeFromDir } = await import('../../src/knowledge/load.ts');
    const { createRegionFinder } = await import('../../src/assistant/context.ts');
    const find = createRegionFinder((await loadKnowledgeFromDir(new URL('../../knowledge/', import.meta.url).pathname)).regions);
    expect(find('Unsere Kita ist in Sanitz bei Rostock')).toBe('rostock-landkreis');
    expect(find('Eine Praxis in Crivitz bei Schwerin')).toBe('ludwigslust-parchim');
    expect(find('Wir sind in Rostock')).toBe('rostock');
  });
});
