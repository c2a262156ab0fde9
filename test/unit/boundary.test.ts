// The core runs unchanged on Node and on Cloudflare Workers (no nodejs_compat), so it must not
// import a Node built-in nor use Node-only globals. Runtime-specific code lives in the entry
// points and adapters only: src/node/**, src/main.ts, src/knowledge/load.ts,
// src/store/sqlite-driver.ts (Node) and src/worker.ts, src/workers/** (Workers).
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORE = ['src/assistant', 'src/search', 'src/escalation', 'src/http', 'src/knowledge', 'src/store', 'src/config', 'src/lotse.ts'];
const NODE_ADAPTERS = new Set(['src/knowledge/load.ts', 'src/store/sqlite-driver.ts']);
const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

function sourceFiles(path: string): string[] {
  const absolute = join(ROOT, path);
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    return []; // a part that does not exist yet has nothing to violate
  }
  if (stat.isFile()) return /\.(ts|js|mjs)$/.test(path) && !path.endsWith('.d.ts') ? [path] : [];
  return readdirSync(absolute).sort().flatMap((name) => sourceFiles(`${path}/${name}`));
}

/** Module specifiers a file loads at run time (type-only imports are erased and allowed). */
export function runtimeImports(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\s)(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\s)[\w*{}\s,$]+\s+from\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of withoutComments.matchAll(pattern)) specifiers.push(match[1]);
  return specifiers;
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]);
}

// Globals that exist on Node but not on Workers without nodejs_compat.
const NODE_GLOBALS = /\b(?:process\.(?:env|exit|cwd|argv|on|once|nextTick|platform|hrtime)|Buffer\.|__dirname|__filename|require\.resolve|setImmediate\()/;

function nodeGlobalUses(code: string): string[] {
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  return withoutComments.split('\n').filter((line) => NODE_GLOBALS.test(line)).map((line) => line.trim());
}

const coreFiles = CORE.flatMap(sourceFiles).filter((file) => !NODE_ADAPTERS.has(file));

describe('runtime boundary', () => {
  it('the scanner recognises every import form it must forbid', () => {
    const sample = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "export { x } from 'node:os';",
      "const m = await import('node:crypto');",
      "const c = require('child_process');",
      "import type { Stats } from 'node:fs';",
      "import { z } from 'zod';",
    ].join('\n');
    expect(runtimeImports(sample).filter(isNodeBuiltin)).toEqual(['node:fs', 'path', 'node:os', 'node:crypto', 'child_process']);
    expect(nodeGlobalUses('const a = process.env.X;\nconst b = Buffer.from("x");\nconst c = 1;')).toHaveLength(2);
  });

  it('finds the core files it guards', () => {
    expect(coreFiles.length).toBeGreaterThan(20);
    expect(coreFiles).toContain('src/lotse.ts');
    expect(coreFiles.some((f) => f.startsWith('src/http/'))).toBe(true);
  });

  it('no core file imports a Node built-in', () => {
    const violations = coreFiles.flatMap((file) =>
      runtimeImports(readFileSync(join(ROOT, file), 'utf8')).filter(isNodeBuiltin).map((spec) => `${file} imports ${spec}`),
    );
    expect(violations).toEqual([]);
  });

  it('no core file uses a Node-only global', () => {
    const violations = coreFiles.flatMap((file) => nodeGlobalUses(readFileSync(join(ROOT, file), 'utf8')).map((line) => `${file}: ${line}`));
    expect(violations).toEqual([]);
  });

  it('nothing the Worker entry reaches imports a Node built-in or a Node adapter', () => {
    const seen = new Set<string>();
    const violations: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file) || !existsSync(join(ROOT, file))) return; // a missing file fails the Worker build instead
      seen.add(file);
      for (const spec of runtimeImports(readFileSync(join(ROOT, file), 'utf8'))) {
        if (isNodeBuiltin(spec)) violations.push(`${file} imports ${spec}`);
        if (!spec.startsWith('.')) continue; // packages are checked by the Worker build itself
        const target = relative(ROOT, resolve(dirname(join(ROOT, file)), spec));
        if (NODE_ADAPTERS.has(target) || target.startsWith('src/node/')) violations.push(`${file} reaches ${target}`);
        if (/\.(ts|js)$/.test(target)) visit(target);
      }
    };
    visit('src/worker.ts');
    expect(seen.size).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  });
});
