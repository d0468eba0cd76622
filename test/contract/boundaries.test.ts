/**
 * Issue 17: the dependency directions, read from the import statements of every source file.
 * - the site (src/) reaches into pipelines/ only through pipelines/contract/;
 * - the contract imports only itself and zod (the browser loads it: no DuckDB, no node:);
 * - the runtime pipeline never imports the dev tooling (pipelines/generate/, pipelines/reference/), except
 *   the `generate` command, which loads the generator on demand;
 * - each shared rule is written out once: its literal appears in one source file only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/tmp.ts';

const sourceFile = /\.(ts|tsx|astro|mjs)$/;
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : sourceFile.test(name) ? [full] : [];
  });
}
const rel = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');

/** Every module a file imports (static `from`, side-effect `import '...'`, dynamic `import('...')`), relative ones resolved to repository paths. */
function importsOf(file: string): { spec: string; target: string; dynamic: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const found: { spec: string; target: string; dynamic: boolean }[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)(\()?\s*['"]([^'"]+)['"]/g)) {
    const spec = m[2]!;
    const target = spec.startsWith('.') ? rel(path.resolve(path.dirname(file), spec)) : spec;
    found.push({ spec, target, dynamic: m[1] === '(' });
  }
  return found;
}

const src = filesUnder(path.join(repoRoot, 'src'));
const pipelines = filesUnder(path.join(repoRoot, 'pipelines'));

describe('import boundaries', () => {
  it('reads imports as written (the parser itself, on this file set)', () => {
    // src/lib/views.ts imports the stages, status and Wilson modules of the contract (3 files, at least)
    const views = importsOf(path.join(repoRoot, 'src/lib/views.ts')).map((i) => i.target);
    expect(views).toEqual(expect.arrayContaining(['pipelines/contract/stages.ts', 'pipelines/contract/status.ts', 'pipelines/contract/wilson.ts']));
    // and the generate command's on-demand import is seen as dynamic
    const generate = importsOf(path.join(repoRoot, 'pipelines/commands/generate.ts')).filter((i) => i.target.startsWith('pipelines/generate/'));
    expect(generate.length).toBeGreaterThan(0);
    expect(generate.every((i) => i.dynamic)).toBe(true);
  });

  it('the site imports nothing of pipelines/ outside pipelines/contract/', () => {
    expect(src.length).toBeGreaterThan(30);
    const outside = src.flatMap((file) =>
      importsOf(file)
        .filter((i) => i.target.startsWith('pipelines/') && !i.target.startsWith('pipelines/contract/'))
        .map((i) => `${rel(file)} -> ${i.spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('the contract imports only itself and zod', () => {
    const contract = pipelines.filter((f) => rel(f).startsWith('pipelines/contract/'));
    expect(contract.map(rel).sort()).toContain('pipelines/contract/status.ts');
    const other = contract.flatMap((file) =>
      importsOf(file)
        .filter((i) => !i.target.startsWith('pipelines/contract/') && i.target !== 'zod')
        .map((i) => `${rel(file)} -> ${i.spec}`),
    );
    expect(other).toEqual([]);
  });

  it('the runtime pipeline does not import the dev tooling (generate/, reference/)', () => {
    const tooling = /^pipelines\/(generate|reference)\//;
    const runtime = pipelines.filter((f) => !tooling.test(rel(f)));
    const bad = runtime.flatMap((file) =>
      importsOf(file)
        .filter((i) => tooling.test(i.target))
        .filter((i) => !(rel(file) === 'pipelines/commands/generate.ts' && i.dynamic))
        .map((i) => `${rel(file)} -> ${i.spec}`),
    );
    expect(bad).toEqual([]);
  });
});

describe('each shared rule is written out once', () => {
  const everything = [...src, ...pipelines].filter((f) => !f.endsWith('.mjs'));
  const sql = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sql(full) : name.endsWith('.sql') ? [full] : [];
    });
  const withSql = [...everything, ...sql(path.join(repoRoot, 'pipelines', 'sql'))];
  const holders = (pattern: RegExp) => withSql.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map(rel);

  it.each([
    ['the level order', /'entry',\s*'mid',\s*'senior'/, 'pipelines/contract/dimensions.ts'],
    ['the region order', /'US',\s*'EU',\s*'LatAm',\s*'APAC',\s*'Other'/, 'pipelines/contract/dimensions.ts'],
    ['the stage keys', /'applied',\s*'screen',\s*'technical'/, 'pipelines/contract/stages.ts'],
    ['the stage names', /applied: 'Application Review'/, 'pipelines/contract/stages.ts'],
    ['the age buckets', /'0-30',\s*'31-60'/, 'pipelines/contract/dimensions.ts'],
    ['the Wilson z', /1\.95996/, 'pipelines/contract/wilson.ts'],
    ['the status rule', /rate >= healthy/, 'pipelines/contract/status.ts'],
    ['the benchmark status rule', /median > benchmark\.high/, 'pipelines/contract/status.ts'],
    ['the default status lines', /healthy: 0\.85/, 'pipelines/contract/status.ts'],
    ['the status labels', /'Too few offers'/, 'pipelines/contract/status.ts'],
    ['the suppression threshold', /minCell: 5\b/, 'pipelines/contract/disclosure.ts'],
    ['the CSV formula guard', /\[=\+\\-@\\t\\r\]/, 'pipelines/contract/csv.ts'],
    ['the thousands grouping', /\\B\(\?=\(\\d\{3\}\)\+/, 'pipelines/contract/format.ts'],
  ])('%s lives in one file', (_name, pattern, home) => {
    expect(holders(pattern)).toEqual([home]);
  });
});
