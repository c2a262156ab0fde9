import { parse as parseYaml } from 'yaml';

/** Splits a Markdown file into its YAML front matter (parsed) and the body. */
export function splitFrontMatter(content: string): { data: unknown; body: string } {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) throw new Error('Front Matter fehlt (die Datei muss mit --- beginnen)');
  return { data: parseYaml(match[1]), body: text.slice(match[0].length) };
}
