/**
 * The attacker of issue 15, as pure functions over what hirescope publishes: parsed pay.json, the
 * `export pay-bands` CSV, `metrics --json` documents, the pay-bands HTML, decoded cube rows and the text
 * of every dist/ file. Each attack returns its findings: a salary or offer recovered (with the published
 * figures that gave it away), a pair of views whose difference isolates fewer than minCell people, a row
 * of amounts about 1 or 2 people, or a contact detail.
 *
 * The attacker knows the roster (the test hands it over) only to CONFIRM a recovery, as a real attacker
 * would with one colleague whose pay they know. A recovery is claimed only when the published figures
 * pin a value to within RECOVERY_DOLLARS (the issue's "within $50"): the attacker reads the precision off
 * the figures themselves — the step of the finest grid the figures of a group sit on, the decimals a
 * ratio is printed with — so a coarse grid or a two-decimal ratio defeats the claim by construction, and
 * a round figure that merely happens to equal a round salary is not counted.
 *
 * Input is read defensively (camelCase or snake_case, missing fields are null): a format change should
 * not blind the attacker, and a parser that finds nothing where something is expected is for the caller
 * (the tests) to notice.
 */
import { tableFromIPC, CompressionType, compressionRegistry } from 'apache-arrow';
import { decompress } from 'fzstd';

// The site's decoder (src/lib/cube.ts): Zstandard bodies through fzstd, unless a codec is registered.
if (!compressionRegistry.get(CompressionType.ZSTD)?.decode) {
  compressionRegistry.set(CompressionType.ZSTD, { decode: (data) => decompress(data) });
}

/** A claimed recovery must pin the value to within this many dollars (issue 15: "within $50"). */
export const RECOVERY_DOLLARS = 50;
/** Slack for whole-dollar rounding of intermediate figures. */
const SLACK = 1;
/** Cells under this many people must not publish observed values (issue 15: `exactFrom`). */
export const EXACT_FROM = 20;
export const DEFAULT_MIN_CELL = 5;

export const percentileFields = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
export type PercentileField = (typeof percentileFields)[number];
const fractions: Record<PercentileField, number> = { p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9 };

/** One employee as the attacker knows them: canonical level and region, annual base in USD. */
export interface Person {
  readonly id: string;
  readonly department: string | null;
  readonly roleFamily: string;
  readonly level: string;
  readonly region: string;
  readonly usd: number;
}
/** One offer (the counting version of an application) with its job's attributes, in USD. */
export type OfferAmount = Person;
export interface Roster {
  readonly people: readonly Person[];
  readonly offers: readonly OfferAmount[];
}

/** A published figure with the text it was printed as (for its precision). */
export interface Figure {
  readonly value: number;
  readonly text: string;
}

/** A published pay cell, whatever artefact it came from. 'all' (or null department) means not split. */
export interface PayCell {
  readonly source: string;
  readonly department: string | null;
  readonly roleFamily: string;
  readonly level: string;
  readonly region: string;
  readonly n: number | null;
  readonly percentiles: Partial<Record<PercentileField, Figure>>;
  readonly midpoint: Figure | null;
  readonly compaRatio: Figure | null;
}

/** A published offers-against-bands group. */
export interface OfferCell {
  readonly source: string;
  readonly department: string | null;
  readonly roleFamily: string;
  readonly level: string;
  readonly region: string;
  readonly offers: number | null;
  readonly medianPenetration: Figure | null;
}

export type Attack = 'compa-ratio' | 'small-cell' | 'differencing' | 'penetration' | 'small-row' | 'contact';

export interface Finding {
  readonly attack: Attack;
  /** Artefact(s) the evidence comes from. */
  readonly source: string;
  /** The value the attacker computed (a salary or offer), when the attack computes one. */
  readonly recovered?: number;
  /** Roster ids confirmed (the person whose pay was recovered, or the people a difference isolates). */
  readonly who?: readonly string[];
  /** The published figures and the arithmetic. */
  readonly evidence: string;
}

// ---------------------------------------------------------------------------------------------------
// Reading artefacts

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const pick = (o: Json, ...keys: string[]): unknown => {
  for (const key of keys) if (o[key] !== undefined) return o[key];
  return undefined;
};
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);

/** A number as published (a JSON number, or a CSV/HTML string with optional $ and thousands commas). */
export function figure(v: unknown): Figure | null {
  if (typeof v === 'number' && Number.isFinite(v)) return { value: v, text: String(v) };
  if (typeof v === 'string') {
    const cleaned = v.trim().replace(/^\$/, '').replaceAll(',', '');
    if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(cleaned)) return { value: Number(cleaned), text: cleaned };
  }
  return null;
}

function payCell(o: Json, source: string, department: string | null): PayCell | null {
  const level = text(pick(o, 'level'));
  const region = text(pick(o, 'region'));
  if (level === null || region === null) return null;
  const market = pick(o, 'market');
  const percentiles: Partial<Record<PercentileField, Figure>> = {};
  for (const field of percentileFields) {
    const f = figure(pick(o, field, field.toUpperCase()));
    if (f) percentiles[field] = f;
  }
  const n = figure(pick(o, 'n', 'count', 'people'));
  return {
    source,
    department: text(pick(o, 'department')) ?? department,
    roleFamily: text(pick(o, 'roleFamily', 'role_family')) ?? 'all',
    level,
    region,
    n: n ? n.value : null,
    percentiles,
    midpoint: figure(isObject(market) ? pick(market, 'midpoint') : pick(o, 'market_midpoint', 'marketMidpoint')),
    compaRatio: figure(pick(o, 'compaRatio', 'compa_ratio')),
  };
}

function offerCells(doc: unknown, source: string, department: string | null): OfferCell[] {
  if (!isObject(doc)) return [];
  const cells = pick(doc, 'cells');
  if (!Array.isArray(cells)) return [];
  return cells.filter(isObject).flatMap((c) => {
    const level = text(pick(c, 'level'));
    const region = text(pick(c, 'region'));
    if (level === null || region === null) return [];
    const offers = figure(pick(c, 'offers', 'n', 'count'));
    return [
      {
        source,
        department,
        roleFamily: text(pick(c, 'roleFamily', 'role_family')) ?? 'all',
        level,
        region,
        offers: offers ? offers.value : null,
        medianPenetration: figure(pick(c, 'medianPenetration', 'median_penetration')),
      },
    ];
  });
}

export interface Published {
  readonly pay: PayCell[];
  readonly offers: OfferCell[];
  /** minCell the artefacts declare (else the default). */
  readonly minCell: number;
}

/** dist/data/pay.json: one view per department (and all), each with payBands and offersVsBands. */
export function readPayJson(doc: unknown, source = 'pay.json'): Published {
  if (!isObject(doc)) throw new Error(`${source}: not a JSON object`);
  const minCell = figure(pick(doc, 'minCell'))?.value ?? DEFAULT_MIN_CELL;
  const views = Array.isArray(doc.views) ? doc.views.filter(isObject) : [doc];
  const pay: PayCell[] = [];
  const offers: OfferCell[] = [];
  for (const view of views) {
    const filters = pick(view, 'filters', 'scope');
    const department = text(pick(view, 'department')) ?? (isObject(filters) ? text(pick(filters, 'department')) : null);
    const where = `${source} view ${department ?? 'all'}`;
    const bands = pick(view, 'payBands', 'pay_bands', 'bands');
    if (Array.isArray(bands)) for (const b of bands.filter(isObject)) {
      const cell = payCell(b, where, department);
      if (cell) pay.push(cell);
    }
    offers.push(...offerCells(pick(view, 'offersVsBands', 'offers_vs_bands'), where, department));
  }
  return { pay, offers, minCell };
}

/** A `metrics --json` document: payBands and offersVsBands under its own filters. */
export function readMetricsJson(doc: unknown, source = 'metrics.json'): Published {
  if (!isObject(doc)) throw new Error(`${source}: not a JSON object`);
  const filters = isObject(doc.filters) ? doc.filters : {};
  const department = text(pick(filters, 'department'));
  const nested = pick(doc, 'pay', 'compensation');
  const bands = pick(doc, 'payBands', 'pay_bands') ?? (isObject(nested) ? pick(nested, 'payBands', 'pay_bands', 'bands') : undefined);
  const pay = Array.isArray(bands) ? bands.filter(isObject).flatMap((b) => payCell(b, source, department) ?? []) : [];
  const minCell = figure(pick(doc, 'minCell')) ?? (isObject(doc.pay) ? figure(pick(doc.pay, 'minCell')) : null);
  const offers = pick(doc, 'offersVsBands', 'offers_vs_bands') ?? (isObject(nested) ? pick(nested, 'offersVsBands', 'offers_vs_bands') : undefined);
  return { pay, offers: offerCells(offers, source, department), minCell: minCell?.value ?? DEFAULT_MIN_CELL };
}

/** RFC 4180 CSV into rows of strings (quotes, doubled quotes, commas and newlines in fields). */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = input.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.some((v) => v !== ''));
}

/** CSV text as objects keyed by header (a spreadsheet-safe leading ' is taken off, as a reader would). */
export function csvObjects(input: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(input);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').replace(/^'/, '')])));
}

/** The `export pay-bands` CSV, exported with `department` as its filter (null: unfiltered). */
export function readPayCsv(input: string, source: string, department: string | null): Published {
  const pay = csvObjects(input).flatMap((row) => payCell(row, source, department) ?? []);
  return { pay, offers: [], minCell: DEFAULT_MIN_CELL };
}

const stripTags = (html: string) =>
  html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&#36;|&dollar;/g, '$').trim();

/**
 * Every HTML table of a page as rows keyed by their normalised header ("Market midpoint" ->
 * market_midpoint, "P50" -> p50), each cell's text up to its first space ("0.74 · below market low" ->
 * 0.74). Pages are rendered without filters: the company view.
 */
export function htmlTables(html: string): Record<string, string>[][] {
  return (html.match(/<table[\s\S]*?<\/table>/gi) ?? []).map((table) => {
    const header = (table.match(/<th[^>]*>[\s\S]*?<\/th>/gi) ?? []).map((th) =>
      stripTags(th).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, ''),
    );
    return (table.match(/<tr[^>]*>[\s\S]*?<\/tr>/gi) ?? []).flatMap((tr) => {
      const cells = (tr.match(/<td[^>]*>[\s\S]*?<\/td>/gi) ?? []).map((td) => stripTags(td).split(/\s/)[0] ?? '');
      if (cells.length === 0) return [];
      return [Object.fromEntries(header.slice(header.length - cells.length).map((h, i) => [h, cells[i]!]))];
    });
  });
}

/** The pay cells and offer groups in the tables of a page (tables with level, region and a percentile, or a median penetration). */
export function readPayHtml(html: string, source = 'pay-bands/index.html'): Published {
  const pay: PayCell[] = [];
  const offers: OfferCell[] = [];
  for (const rows of htmlTables(html)) {
    for (const row of rows) {
      if ('median_penetration' in row) offers.push(...offerCells({ cells: [row] }, source, null));
      else if (percentileFields.some((f) => f in row)) {
        const cell = payCell(row, source, null);
        if (cell) pay.push(cell);
      }
    }
  }
  return { pay, offers, minCell: DEFAULT_MIN_CELL };
}

/**
 * Pay cells and offer groups in rows of any other shape (a decoded cube, a CSV of another layout): rows
 * with a level, a region and a percentile or a median penetration; a `department` column names the view.
 */
export function readPayRows(rows: Iterable<Record<string, unknown>>, source: string): Published {
  const pay: PayCell[] = [];
  const offers: OfferCell[] = [];
  for (const row of rows) {
    const department = text(pick(row, 'department'));
    if (pick(row, 'medianPenetration', 'median_penetration') !== undefined) offers.push(...offerCells({ cells: [row] }, source, department));
    else if (percentileFields.some((f) => row[f] !== undefined)) {
      const cell = payCell(row, source, department);
      if (cell) pay.push(cell);
    }
  }
  return { pay, offers, minCell: DEFAULT_MIN_CELL };
}

export function merge(...parts: Published[]): Published {
  return { pay: parts.flatMap((p) => p.pay), offers: parts.flatMap((p) => p.offers), minCell: Math.max(...parts.map((p) => p.minCell)) };
}

/** An Arrow IPC file (Zstandard bodies as the site writes them) as plain rows. */
export function arrowRows(bytes: Uint8Array): Record<string, unknown>[] {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((name) => Array.from(table.getChild(name)!.toArray() as ArrayLike<unknown>));
  return Array.from({ length: table.numRows }, (_, i) => Object.fromEntries(names.map((name, c) => [name, normalise(columns[c]![i])])));
}
const normalise = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v === undefined ? null : v);

// ---------------------------------------------------------------------------------------------------
// Precision and membership

/** Decimal places a number is printed with ("0.58" -> 2, "57971" -> 0, "1.2e-7" -> 8). */
export function decimalsOf(textForm: string): number {
  const [mantissa, exponent] = textForm.toLowerCase().split('e');
  const decimals = (mantissa!.split('.')[1] ?? '').length;
  return Math.max(0, decimals - Number(exponent ?? 0));
}

/** The coarsest step (1, 10, 100, ... 100,000) a whole number sits on; a fraction: its last decimal place. */
export function stepOf(f: Figure): number {
  const d = decimalsOf(f.text);
  if (d > 0) return 10 ** -d;
  let step = 1;
  while (step < 100_000 && Math.round(f.value) % (step * 10) === 0) step *= 10;
  return step;
}

const small = (cell: PayCell, roster: readonly Person[]) => (cell.n ?? membersOf(cell, roster).length) < EXACT_FROM;

/**
 * Half the step the pay figures of a group sit on: the finest step among the percentiles of every cell of
 * the same artefact and size class (the issue's grid grows as a cell shrinks). An attacker reads
 * precision from the figures, not from what the artefact says of itself: 73,100 among other $100 figures
 * is +-$50; a group whose figures all sit on $1,000 is +-$500, whatever `roundedTo` claims.
 */
function halfSteps(cells: readonly PayCell[], roster: readonly Person[]): (cell: PayCell) => number {
  const finest = new Map<string, number>();
  const key = (cell: PayCell) => `${cell.source}|${small(cell, roster)}`;
  for (const cell of cells) {
    for (const f of Object.values(cell.percentiles)) {
      const k = key(cell);
      finest.set(k, Math.min(finest.get(k) ?? Infinity, stepOf(f)));
    }
  }
  return (cell) => (finest.get(key(cell)) ?? Infinity) / 2;
}

const same = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();
const allValue = (v: string | null) => v === null || v === 'all' || v === '*' || v === '';

/** The people of the roster a cell describes. */
export function membersOf(cell: Pick<PayCell, 'department' | 'roleFamily' | 'level' | 'region'>, roster: readonly Person[]): Person[] {
  return roster.filter(
    (p) =>
      (allValue(cell.department) || same(p.department, cell.department)) &&
      (allValue(cell.roleFamily) || same(p.roleFamily, cell.roleFamily)) &&
      (allValue(cell.level) || same(p.level, cell.level)) &&
      (allValue(cell.region) || same(p.region, cell.region)),
  );
}

const usd = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;
const label = (c: Pick<PayCell, 'department' | 'roleFamily' | 'level' | 'region'>) =>
  `${c.department ?? 'company'} / ${c.roleFamily} / ${c.level} / ${c.region}`;

/** People whose pay lies within `margin` of `value`. */
const near = (people: readonly Person[], value: number, margin: number) => people.filter((p) => Math.abs(p.usd - value) <= margin + SLACK);

// ---------------------------------------------------------------------------------------------------
// (a) compa-ratio x market midpoint undoes the rounding of P50

export function compaRatioAttack(published: Published, roster: Roster): Finding[] {
  const findings: Finding[] = [];
  for (const cell of published.pay) {
    const { compaRatio: ratio, midpoint } = cell;
    if (!ratio || !midpoint || midpoint.value <= 0) continue;
    const recovered = ratio.value * midpoint.value;
    // Uncertainty: the ratio's last printed decimal over the midpoint. The midpoint is market data the
    // attacker has anyway (the benchmark table), so it is taken as exact.
    const uncertainty = 0.5 * 10 ** -decimalsOf(ratio.text) * midpoint.value;
    if (uncertainty > RECOVERY_DOLLARS) continue;
    const p50 = cell.percentiles.p50;
    // A ratio computed from the published P50 gives that P50 back: the attacker learns nothing new.
    if (p50 && Math.abs(recovered - p50.value) <= uncertainty + SLACK) continue;
    const people = near(membersOf(cell, roster.people), recovered, uncertainty);
    if (people.length === 0 && p50) continue;
    findings.push({
      attack: 'compa-ratio',
      source: cell.source,
      recovered: Math.round(recovered),
      who: people.map((p) => p.id),
      evidence:
        `${label(cell)}: compaRatio ${ratio.text} x midpoint ${usd(midpoint.value)} = ${usd(recovered)} (+-${usd(uncertainty)}), ` +
        `published P50 ${p50 ? usd(p50.value) : 'none'}; ${people.length ? `pay of ${people.map((p) => `${p.id} ${usd(p.usd)}`).join(', ')}` : 'unpublished P50'}`,
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// (b) percentiles of small cells are observed salaries (order statistics)

export function smallCellAttack(published: Published, roster: Roster): Finding[] {
  const half = halfSteps(published.pay, roster.people);
  const findings: Finding[] = [];
  for (const cell of published.pay) {
    if (!small(cell, roster.people)) continue;
    const margin = half(cell);
    if (margin > RECOVERY_DOLLARS) continue;
    const members = membersOf(cell, roster.people);
    for (const field of percentileFields) {
      const f = cell.percentiles[field];
      if (!f) continue;
      const people = near(members, f.value, margin);
      if (people.length === 0) continue;
      const n = cell.n ?? members.length;
      findings.push({
        attack: 'small-cell',
        source: cell.source,
        recovered: f.value,
        who: people.map((p) => p.id),
        evidence:
          `${label(cell)} n=${n}: ${field.toUpperCase()} ${usd(f.value)} (+-${usd(margin)}; position ${((n - 1) * fractions[field]).toFixed(2)} of the sorted cell) ` +
          `is the pay of ${people.map((p) => `${p.id} ${usd(p.usd)}`).join(', ')}`,
      });
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// (c) differencing of nested views

const dims = ['department', 'roleFamily', 'level', 'region'] as const;
type Dim = (typeof dims)[number];
type Key = Record<Dim, string | null>;
const keyOf = (c: Key) => dims.map((d) => (allValue(c[d]) ? '*' : c[d]!.trim().toLowerCase())).join('|');

/** The keys of every cell that strictly contains this one (one or more dimensions widened to all). */
function ancestors(cell: Key): string[] {
  const parts = keyOf(cell).split('|');
  const out: string[] = [];
  for (let mask = 1; mask < 1 << parts.length; mask++) {
    if (parts.some((p, i) => mask & (1 << i) && p === '*')) continue;
    out.push(parts.map((p, i) => (mask & (1 << i) ? '*' : p)).join('|'));
  }
  return out;
}

/** Candidates k*P(outer) - (k-1)*P(inner) and the reverse, with their uncertainty. */
function solve(inner: PayCell, outer: PayCell, halfInner: number, halfOuter: number) {
  const out: { value: number; margin: number; formula: string }[] = [];
  for (const field of percentileFields) {
    const a = inner.percentiles[field];
    const b = outer.percentiles[field];
    if (!a || !b) continue;
    for (const k of [2, 3, 4]) {
      out.push({ value: k * b.value - (k - 1) * a.value, margin: k * halfOuter + (k - 1) * halfInner, formula: `${k} x ${usd(b.value)} - ${k - 1} x ${usd(a.value)} (${field.toUpperCase()})` });
      out.push({ value: k * a.value - (k - 1) * b.value, margin: k * halfInner + (k - 1) * halfOuter, formula: `${k} x ${usd(a.value)} - ${k - 1} x ${usd(b.value)} (${field.toUpperCase()})` });
    }
  }
  return out;
}

export function differencingAttack(published: Published, roster: Roster): Finding[] {
  const minCell = published.minCell;
  const half = halfSteps(published.pay, roster.people);
  const findings: Finding[] = [];
  const seen = new Set<string>();

  // Pay cells with a published n.
  const byKey = new Map<string, PayCell[]>();
  for (const cell of published.pay) if (cell.n !== null) byKey.set(keyOf(cell), [...(byKey.get(keyOf(cell)) ?? []), cell]);
  for (const inner of published.pay) {
    if (inner.n === null) continue;
    for (const key of ancestors(inner)) {
      for (const outer of byKey.get(key) ?? []) {
        const d = outer.n! - inner.n!;
        if (d < 1 || d >= minCell) continue;
        const pair = `${inner.source}|${keyOf(inner)}>${outer.source}|${key}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const insiders = new Set(membersOf(inner, roster.people).map((p) => p.id));
        const hidden = membersOf(outer, roster.people).filter((p) => !insiders.has(p.id));
        findings.push({
          attack: 'differencing',
          source: inner.source === outer.source ? inner.source : `${outer.source} - ${inner.source}`,
          who: hidden.map((p) => p.id),
          evidence: `${label(outer)} n=${outer.n} minus ${label(inner)} n=${inner.n} isolates ${d} ${d === 1 ? 'person' : 'people'} (minCell ${minCell})`,
        });
        for (const candidate of solve(inner, outer, half(inner), half(outer))) {
          const people = near(hidden, candidate.value, candidate.margin);
          if (people.length === 0) continue;
          findings.push({
            attack: 'differencing',
            source: inner.source === outer.source ? inner.source : `${outer.source} - ${inner.source}`,
            recovered: candidate.value,
            who: people.map((p) => p.id),
            evidence: `${label(outer)} n=${outer.n} vs ${label(inner)} n=${inner.n}: ${candidate.formula} = ${usd(candidate.value)}, the pay of ${people
              .map((p) => `${p.id} ${usd(p.usd)}`)
              .join(', ')}`,
          });
        }
      }
    }
  }

  // Offer groups that both publish an amount figure (median penetration).
  const offerKey = (c: OfferCell) => keyOf(c);
  const withAmounts = published.offers.filter((c) => c.offers !== null && c.medianPenetration !== null);
  const offersByKey = new Map<string, OfferCell[]>();
  for (const cell of withAmounts) offersByKey.set(offerKey(cell), [...(offersByKey.get(offerKey(cell)) ?? []), cell]);
  for (const inner of withAmounts) {
    for (const key of ancestors(inner)) {
      for (const outer of offersByKey.get(key) ?? []) {
        const d = outer.offers! - inner.offers!;
        if (d < 1 || d >= minCell) continue;
        const pair = `offers ${inner.source}|${keyOf(inner)}>${outer.source}|${key}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const insiders = new Set(membersOf(inner, roster.offers).map((p) => p.id));
        findings.push({
          attack: 'differencing',
          source: inner.source === outer.source ? inner.source : `${outer.source} - ${inner.source}`,
          who: membersOf(outer, roster.offers).filter((p) => !insiders.has(p.id)).map((p) => p.id),
          evidence: `offers ${label(outer)} (${outer.offers}, median penetration ${outer.medianPenetration!.text}) minus ${label(inner)} (${inner.offers}, ${inner.medianPenetration!.text}) isolates ${d} offer(s) (minCell ${minCell})`,
        });
      }
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// (d) median range penetration of a small offer group gives an offer back

export function penetrationAttack(published: Published, roster: Roster): Finding[] {
  const half = halfSteps(published.pay, roster.people);
  const bands = new Map<string, PayCell>();
  for (const cell of published.pay) if (cell.percentiles.p10 && cell.percentiles.p90) bands.set(`${cell.source}|${keyOf(cell)}`, cell);
  const findings: Finding[] = [];
  for (const group of published.offers) {
    const m = group.medianPenetration;
    if (!m) continue;
    // The band the group was placed in: same artefact, same view; its role family, else 'all'.
    const band =
      bands.get(`${group.source}|${keyOf(group)}`) ?? bands.get(`${group.source}|${keyOf({ ...group, roleFamily: 'all' })}`);
    if (!band) continue;
    const p10 = band.percentiles.p10!;
    const p90 = band.percentiles.p90!;
    const range = p90.value - p10.value;
    const recovered = p10.value + m.value * range;
    const uncertainty = 0.5 * 10 ** -decimalsOf(m.text) * Math.abs(range) + half(band) * (Math.abs(1 - m.value) + Math.abs(m.value));
    if (uncertainty > RECOVERY_DOLLARS + SLACK) continue;
    const offers = near(membersOf({ ...group, roleFamily: 'all' }, roster.offers), recovered, uncertainty);
    if (offers.length === 0) continue;
    findings.push({
      attack: 'penetration',
      source: group.source,
      recovered: Math.round(recovered),
      who: offers.map((o) => o.id),
      evidence:
        `offers ${label(group)} (${group.offers ?? '?'} offers): P10 ${usd(p10.value)} + ${m.text} x (P90 ${usd(p90.value)} - P10) = ${usd(recovered)} (+-${usd(uncertainty)}), ` +
        `the offer of ${offers.map((o) => `${o.id} ${usd(o.usd)}`).join(', ')}`,
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------------
// (e) a row of pay or offer amounts about 1 or 2 people

const countKey = /^(n|count|people|employees|headcount|offers|size|rows)$/i;
const amountKey =
  /^(p\d{1,2}|median|mean|avg|average|min|max|sum|salary|salaries|pay|base|base_?salary|usd|usd_?base|amount|offer_?amount|offer_?salary|compa_?ratio|penetration|median_?penetration)$/i;

/** Rows (objects) holding an amount and a count of 1 or 2. */
export function smallRowAttack(rows: Iterable<Record<string, unknown>>, source: string): Finding[] {
  const findings: Finding[] = [];
  for (const row of rows) {
    const counts = Object.entries(row).filter(([k, v]) => countKey.test(k) && (v === 1 || v === 2));
    if (counts.length === 0) continue;
    const amounts = Object.entries(row).filter(([k, v]) => amountKey.test(k.replaceAll(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)) && typeof v === 'number');
    if (amounts.length === 0) continue;
    findings.push({
      attack: 'small-row',
      source,
      evidence: `a row counting ${counts.map(([k, v]) => `${k}=${v}`).join(', ')} publishes ${amounts.map(([k, v]) => `${k}=${v}`).join(', ')}`,
    });
  }
  return findings;
}

/** Every object inside a JSON document (depth first), for smallRowAttack. */
export function* jsonObjects(doc: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(doc)) for (const item of doc) yield* jsonObjects(item);
  else if (isObject(doc)) {
    yield doc;
    for (const value of Object.values(doc)) yield* jsonObjects(value);
  }
}

// ---------------------------------------------------------------------------------------------------
// (f) contact details in free text

const contactPatterns: readonly { kind: string; re: RegExp }[] = [
  { kind: 'e-mail', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // International (+CC then groups split by spaces or hyphens, or run together) or North-American
  // ((415) 555-0134, 415-555-0134, 415.555.0134) numbers; a dot after +CC is a number in code, not a phone.
  {
    kind: 'phone',
    re: /(?<![\w.])\+\d{1,3}(?:[\s-]|\s?\(\d{1,4}\)\s?)\d{2,4}(?:[\s-]\d{2,4}){1,3}(?![\w.])|(?<![\w.])\+\d{9,14}(?![\w.])|(?<![\w.])\(\d{3}\)\s?\d{3}[-.\s]\d{4}(?![\w.])|(?<![\w.-])\d{3}([-.])\d{3}\1\d{4}(?![\w.-])/g,
  },
  {
    kind: 'handle URL',
    re: /(?<![\w.-])(?:https?:\/\/)?(?:www\.)?(?:linkedin\.com\/(?:in|pub)|twitter\.com|x\.com|github\.com|facebook\.com|instagram\.com|t\.me|wa\.me|tiktok\.com|medium\.com)\/@?[\w.-]{2,}/gi,
  },
];

/** E-mail addresses, phone numbers and social-handle URLs in a text. */
export function contactAttack(content: string, source: string): Finding[] {
  const findings: Finding[] = [];
  for (const { kind, re } of contactPatterns) {
    for (const match of content.matchAll(re)) {
      findings.push({ attack: 'contact', source, evidence: `${kind} "${match[0]}"` });
    }
  }
  return findings;
}

/** Every attack on the pay figures of a set of artefacts. */
export function payAttacks(published: Published, roster: Roster): Finding[] {
  return distinct([
    ...compaRatioAttack(published, roster),
    ...smallCellAttack(published, roster),
    ...differencingAttack(published, roster),
    ...penetrationAttack(published, roster),
  ]);
}

/** Findings without repeats (the same evidence from the same artefact). */
export function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.attack}|${f.source}|${f.evidence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A roster kept as CSV (kind,id,department,role_family,level,region,usd), as artefacts.ts writes it. */
export function rosterFromCsv(input: string): Roster {
  const rows = csvObjects(input).map((r) => ({
    kind: r.kind,
    person: { id: r.id!, department: r.department || null, roleFamily: r.role_family!, level: r.level!, region: r.region!, usd: Number(r.usd) },
  }));
  return { people: rows.filter((r) => r.kind === 'person').map((r) => r.person), offers: rows.filter((r) => r.kind === 'offer').map((r) => r.person) };
}
