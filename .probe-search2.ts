import { loadSearchCorpus } from '/work/main/test/eval/knowledge.ts';
import { buildSearchIndex, loadSearchEngine } from '/work/main/src/search/index.ts';
const c = await loadSearchCorpus('/work/main/knowledge/');
const e = loadSearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(c.passages, c.synonyms))), c.passages, c.synonyms);
const qs: Array<[string, string|undefined]> = [
 ['Darf ich als Lehrerin das Jugendamt ohne Einwilligung der Eltern informieren?', 'schule'],
 ['Darf ich als Lehrerin das Jugendamt ohne Einwilligung der Eltern informieren?', undefined],
 ['Muss ich das JA anrufen?', undefined], ['Was heißt ASD?', undefined], ['ASD', undefined],
 ...process.argv.slice(2).map((q) => [q, undefined] as [string, undefined])];
for (const [q, role] of qs) {
  const r = e.search(q, { role, limit: 5 });
  console.log(`\n${q} [${role ?? '-'}] conf ${r.confidence}`);
  for (const h of r.hits) console.log(`  ${h.score.toFixed(2)} ${h.passage.id}`);
}
