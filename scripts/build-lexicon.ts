// `npm run build:lexicon`: compiles src/assistant/understanding/lexicon.yaml into lexicon.json.
// Every pattern is folded like the text it is matched against (lowercase, umlauts, ß; see
// src/assistant/safety/fold.ts) — except regular-expression escapes such as \b, \W, \d, which
// keep their case — and must compile. The JSON is what the Lotse loads (also on Workers, which
// cannot read YAML at run time); a unit test fails when it is older than the YAML.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { foldText } from '../src/assistant/safety/fold.ts';

const DIR = join(import.meta.dirname, '..', 'src', 'assistant', 'understanding');

/** Folds the literal parts of a pattern and leaves `\x` escapes untouched. */
export function foldPattern(source: string): string {
  return source.split(/(\\.)/).map((part) => (part.startsWith('\\') && part.length === 2 ? part : foldText(part))).join('');
}

type Tree = string | string[] | { [key: string]: Tree };

function compile(node: Tree, path: string): Tree {
  if (typeof node === "string") return (compile([node], path) as string[])[0]!;
  if (Array.isArray(node)) {
    return node.map((source, i) => {
      const folded = foldPattern(source);
      try {
        new RegExp(folded);
      } catch (error) {
        throw new Error(`${path}[${i}]: ${(error as Error).message}`);
      }
      return folded;
    });
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compile(value, `${path}.${key}`)]));
}

export function buildLexicon(yamlText: string): object {
  return { _generated: 'by scripts/build-lexicon.ts from lexicon.yaml — do not edit', ...(compile(parse(yamlText) as Tree, 'lexicon') as object) };
}

if (import.meta.main) {
  const lexicon = buildLexicon(readFileSync(join(DIR, 'lexicon.yaml'), 'utf8'));
  writeFileSync(join(DIR, 'lexicon.json'), `${JSON.stringify(lexicon, null, 1)}\n`);
  console.log(`lexicon.json: ${Object.keys(lexicon).length - 1} groups`);
}
