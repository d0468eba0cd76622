/**
 * `npm run bench -- [--scale N] [--repeats N] [--seed N] [--no-site] [--json]`: the budgets of DESIGN §7,
 * measured side by side in one run (ratios, never timed assertions in tests).
 *
 * 1. Generates the bench company with the project's generator (scale 500 = 1,000,000 applications),
 *    cached in data/bench/ by seed and scale.
 * 2. Alternates, `repeats` times, the floor (DuckDB read_csv into plain tables) and hirescope (ingest,
 *    metrics, snapshot), each in a fresh child process; reports medians, the ratio total / floor and the
 *    hirescope run's peak RSS.
 * 3. Builds the site from the bench snapshot and measures it in headless Chromium: gzipped JavaScript of
 *    the overview, snapshot size, navigation to first chart (first contentful paint: the charts are in the
 *    HTML), and a filter change to redrawn charts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generate } from '../pipelines/generate/index.ts';
import { buildSite } from '../pipelines/refresh/index.ts';
import { serveStatic } from '../pipelines/serve.ts';
import { launchBrowser } from '../test/helpers/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '500' },
    repeats: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'no-site': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const repeats = Math.max(1, Number(values.repeats));
const seed = Number(values.seed);
const asOf = '2026-09-30';
const say = (text: string) => {
  if (!values.json) process.stderr.write(`${text}\n`);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

// 1. data
const dataDir = path.join(root, 'data', 'bench', `seed-${seed}-scale-${scale}`);
if (!existsSync(path.join(dataDir, 'COMPLETE'))) {
  say(`generating the bench company (seed ${seed}, scale ${scale}) into ${path.relative(root, dataDir)}`);
  rmSync(dataDir, { recursive: true, force: true });
  await generate({ seed, scale, outDir: dataDir, end: asOf });
  writeFileSync(path.join(dataDir, 'COMPLETE'), '');
}
const csvBytes = readdirSync(dataDir)
  .filter((f) => f.endsWith('.csv'))
  .reduce((n, f) => n + statSync(path.join(dataDir, f)).size, 0);

// 2. pipeline, alternating floor and hirescope in fresh processes
const work = path.join(os.tmpdir(), `hirescope-bench-${process.pid}`);
mkdirSync(work, { recursive: true });
const phase = (mode: string) =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(root, 'bench', 'phases.ts'), mode, dataDir, work, asOf], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
      maxBuffer: 1 << 24,
    }).trim(),
  ) as Record<string, number> & { rows?: Record<string, number> };
const floors: number[] = [];
const runs: ReturnType<typeof phase>[] = [];
for (let i = 0; i < repeats; i++) {
  say(`repeat ${i + 1}/${repeats}: floor`);
  floors.push(phase('floor').floorSeconds!);
  say(`repeat ${i + 1}/${repeats}: hirescope`);
  runs.push(phase('hirescope'));
}
const pick = (key: string) => median(runs.map((r) => r[key]!));
const totals = runs.map((r) => r.ingestSeconds! + r.metricsSeconds! + r.snapshotSeconds!);
const floorSeconds = median(floors);
const totalSeconds = median(totals);
const snapshotDir = path.join(work, 'snapshot');
const snapshotBytes = readdirSync(snapshotDir).reduce((n, f) => n + statSync(path.join(snapshotDir, f)).size, 0);

// 3. site
let site: Record<string, number> | null = null;
/** Milliseconds from choosing the `i`-th value of a filter (one present in this data set) to the redrawn page. */
async function redrawAfter(page: Page, key: string, i: number): Promise<number> {
  const choices = (await page.locator(`select[data-filter="${key}"] option`).evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).filter(Boolean);
  if (choices.length === 0) throw new Error(`no ${key} to choose in this data set`);
  const value = choices[i % choices.length]!;
  return page.evaluate(
    async ([key, value]) => {
      const select = document.querySelector<HTMLSelectElement>(`select[data-filter="${key}"]`)!;
      const start = performance.now();
      const done = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.body.dataset.drawn === `${key}=${encodeURIComponent(value!).replace(/%20/g, '+')}`) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(document.body, { attributes: true, attributeFilter: ['data-drawn'] });
      });
      select.value = value!;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await done;
      return performance.now() - start;
    },
    [key, value] as const,
  );
}

if (!values['no-site']) {
  say('building the site from the bench snapshot');
  const dist = path.join(work, 'dist');
  await buildSite(snapshotDir, dist);
  const server = await serveStatic(dist, 0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchBrowser();
  try {
    const firstChart: number[] = [];
    const redraw: number[] = [];
    let jsGzip = 0;
    for (let i = 0; i < 5; i++) {
      const page = await browser.context.newPage();
      const scripts = new Set<string>();
      page.on('response', (response) => {
        if (new URL(response.url()).pathname.endsWith('.js')) scripts.add(new URL(response.url()).pathname);
      });
      await page.goto(base, { waitUntil: 'load' });
      await page.waitForSelector('body[data-drawn]', { timeout: 60_000 });
      firstChart.push(
        await page.evaluate(() => {
          const paint = performance.getEntriesByName('first-contentful-paint')[0];
          return paint ? paint.startTime : performance.getEntriesByType('navigation')[0]!.duration;
        }),
      );
      redraw.push(await redrawAfter(page, 'department', i));
      jsGzip = [...scripts].reduce((n, p) => n + gzipSync(readFileSync(path.join(dist, p))).byteLength, 0);
      await page.close();
    }
    // the heaviest redraw: the Funnel page (funnel and stage-stay cubes, the largest) under a recruiter filter
    const ownerRedraw: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.context.newPage();
      await page.goto(`${base}funnel/`, { waitUntil: 'load' });
      await page.waitForSelector('body[data-drawn]', { timeout: 60_000 });
      ownerRedraw.push(await redrawAfter(page, 'recruiter', i));
      await page.close();
    }
    site = {
      overviewJsGzipKB: round(jsGzip / 1024, 1),
      snapshotKB: round(snapshotBytes / 1024, 1),
      firstChartMs: round(median(firstChart), 1),
      filterRedrawMs: round(median(redraw), 1),
      funnelOwnerRedrawMs: round(median(ownerRedraw), 1),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
rmSync(work, { recursive: true, force: true });

const report = {
  floorSeconds: round(floorSeconds),
  ingestSeconds: round(pick('ingestSeconds')),
  metricsSeconds: round(pick('metricsSeconds')),
  snapshotSeconds: round(pick('snapshotSeconds')),
  totalSeconds: round(totalSeconds),
  ratio: round(totalSeconds / floorSeconds, 2),
  peakRssMB: round(Math.max(...runs.map((r) => r.maxRssMB!)), 0),
  rows: runs[0]!.rows ?? {},
  site,
  scale,
  repeats,
  csvMB: round(csvBytes / 2 ** 20, 1),
  machine: { cores: os.cpus().length, memoryGB: round(os.totalmem() / 2 ** 30, 0) },
};
if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
else process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
