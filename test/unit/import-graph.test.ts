// Which part may import which: the layering of DESIGN.md ("arrows point one way") as a table,
// checked against every import (runtime and type-only) of src/ and bots/. A new arrow either
// fits the table or the table changes in review, where it is seen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

// The core, bottom up. The contract is the floor: everyone may read it, it reads nobody.
const CORE = ['src/contract', 'src/config', 'src/knowledge', 'src/store', 'src/search', 'src/escalation', 'src/assistant', 'src/http', 'src/lotse.ts'];
const ALLOWED: Record<string, string[]> = {
  'src/contract': [],
  'src/config': ['src/contract'],
  'src/knowledge': ['src/contract'],
  'src/store': ['src/contract'],
  'src/search': ['src/contract', 'src/knowledge'],
  'src/escalation': ['src/contract', 'src/config', 'src/knowledge', 'src/store'],
  'src/assistant': ['src/contract', 'src/knowledge', 'src/search', 'src/store'],
  'src/http': ['src/contract', 'src/config', 'src/knowledge', 'src/store', 'src/search', 'src/escalation', 'src/assistant'],
  'src/lotse.ts': CORE.filter((p) => p !== 'src/lotse.ts'),
  // Runtime adapters and entry points sit on top of the core.
  'src/workers': CORE,
  'src/worker.ts': [...CORE, 'src/workers'],
  'src/node': [...CORE, 'bots/matrix'],
  'src/main.ts': [...CORE, 'src/node', 'bots/matrix'],
  // The faces: clients of the HTTP contract and nothing else.
  'bots/matrix': ['src/contract'],
  'bots/web': [],
};

// The one place that starts service and bot together for `npm start` (and its entry); no other
// file of src may reach into bots — the crash guard gets the bot's error wording handed in.
const COMPOSITION = new Set(['src/main.ts', 'src/node/start.ts']);
// Inside bots/matrix only the API module calls the service; the rest uses it (and may read the
// contract's types and vocabulary).
const BOT_GATEWAY = 'bots/matrix/lotse-api.ts';
const CONTRACT_FOR_EVERY_BOT_FILE = new Set(['src/contract/types.ts', 'src/contract/vocabulary.ts']);

function sourceFiles(path: string): string[] {
  const absolute = join(ROOT, path);
  if (statSync(absolute).isFile()) return /\.(ts|js|mjs)$/.test(path) && !path.endsWith('.d.ts') ? [path] : [];
  return readdirSync(absolute).sort().flatMap((name) => sourceFiles(`${path}/${name}`));
}

/** Every relative module a file names in an import or re-export, type-only ones included. */
export function relativeImports(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found = [
    ...withoutComments.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/gm),
    ...withoutComments.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm),
    ...withoutComments.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

/** The part a file belongs to: its top folder under src/ or bots/, or the file itself. */
export function partOf(file: string): string {
  const [top, second] = file.split('/');
  if (top !== 'src' && top !== 'bots') return top!;
  return second && !/\.(ts|js)$/.test(second) ? `${top}/${second}` : file;
}

type Edge = { from: string; to: string };

function edges(): Edge[] {
  return ['src', 'bots'].flatMap(sourceFiles).flatMap((from) =>
    relativeImports(readFileSync(join(ROOT, from), 'utf8')).map((spec) => ({ from, to: relative(ROOT, resolve(dirname(join(ROOT, from)), spec)) })),
  );
}

function violations(all: Edge[]): string[] {
  const found: string[] = [];
  for (const { from, to } of all) {
    const [a, b] = [partOf(from), partOf(to)];
    if (a === b) continue;
    const allowed = ALLOWED[a];
    if (!allowed) found.push(`${from}: its part ${a} has no row in the table`);
    else if (!allowed.includes(b)) found.push(`${from} imports ${to} (${a} may not import ${b})`);
    else if (a.startsWith('src/') && b.startsWith('bots/') && !COMPOSITION.has(from)) found.push(`${from} imports ${to} (only the composition files may)`);
    else if (a === 'bots/matrix' && from !== BOT_GATEWAY && !CONTRACT_FOR_EVERY_BOT_FILE.has(to)) found.push(`${from} imports ${to} (bots call the service only through ${BOT_GATEWAY})`);
  }
  return found;
}

describe('import graph', () => {
  const all = edges();

  it('reads every form of import the code uses', () => {
    const sample = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "import './side-effect.ts';",
      "const e = await import('./e.ts');",
      "import {\n  f,\n  g,\n} from './fg.ts';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(relativeImports(sample)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './fg.ts', './side-effect.ts', './e.ts']);
    expect(all.length).toBeGreaterThan(300);
  });

  it('every part imports only the parts its row allows', () => {
    expect(violations(all)).toEqual([]);
  });

  it('would catch the arrows the design forbids', () => {
    const forbidden: Edge[] = [
      { from: 'src/store/sql-store.ts', to: 'src/assistant/respond.ts' },
      { from: 'src/search/engine.ts', to: 'src/http/app.ts' },
      { from: 'src/contract/client.ts', to: 'src/store/types.ts' },
      { from: 'src/http/app.ts', to: 'bots/matrix/bot.ts' },
      { from: 'src/node/paths.ts', to: 'bots/matrix/bot.ts' },
      { from: 'bots/matrix/feed.ts', to: 'src/escalation/service.ts' },
      { from: 'bots/matrix/feed.ts', to: 'src/contract/client.ts' },
      { from: 'bots/web/app.js', to: 'src/contract/vocabulary.ts' },
    ];
    expect(violations(forbidden)).toHaveLength(forbidden.length);
    expect(violations([{ from: 'bots/matrix/feed.ts', to: 'src/contract/types.ts' }, { from: 'src/node/start.ts', to: 'bots/matrix/bot.ts' }])).toEqual([]);
  });

  it('every part of src and bots has a row', () => {
    const parts = new Set(['src', 'bots'].flatMap(sourceFiles).map(partOf));
    expect([...parts].filter((p) => !(p in ALLOWED))).toEqual([]);
  });
});
