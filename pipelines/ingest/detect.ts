/**
 * Which canonical entity a CSV holds, decided from its header (DESIGN §2); the file name is a hint
 * that only breaks ties.
 */
import path from 'node:path';
import {
  entities,
  isPersonalDataColumn,
  normalizeHeader,
  type EntityName,
  type EntitySpec,
} from './entities.ts';

export interface Detection {
  readonly entity: EntitySpec;
  /** For each position in the file, the canonical column it feeds, or null when it is not stored. */
  readonly positions: readonly (string | null)[];
  /** Personal-data columns, never stored (header names as written in the file). */
  readonly dropped: readonly string[];
  /** Other columns outside the canonical list, ignored (header names as written). */
  readonly ignored: readonly string[];
}

export class RefusedFile extends Error {
  readonly column: string | undefined;
  constructor(message: string, column?: string) {
    super(message);
    this.name = 'RefusedFile';
    this.column = column;
  }
}

interface Candidate {
  readonly spec: EntitySpec;
  readonly missing: readonly string[];
  readonly matched: number;
}

/** Detect the entity of a header; throws RefusedFile when no entity has all its required columns. */
export function detectEntity(header: readonly string[], fileName: string): Detection {
  const normalized = header.map(normalizeHeader);
  const seen = new Map<string, number>();
  normalized.forEach((name, index) => {
    const earlier = seen.get(name);
    if (earlier !== undefined && name !== '') {
      throw new RefusedFile(
        `column "${header[index]}" appears twice (columns ${earlier + 1} and ${index + 1})`,
        header[index],
      );
    }
    seen.set(name, index);
  });

  const hint = fileHint(fileName);
  const candidates: Candidate[] = [...entities.values()].map((spec) => {
    const present = new Set(normalized);
    const missing = spec.columns
      .filter((c) => c.required && !present.has(normalizeHeader(c.name)))
      .map((c) => c.name);
    const matched = spec.columns.filter((c) => present.has(normalizeHeader(c.name))).length;
    return { spec, missing, matched };
  });
  const complete = candidates
    .filter((c) => c.missing.length === 0)
    .sort((a, b) => b.matched - a.matched || hintRank(b.spec, hint) - hintRank(a.spec, hint));
  const best = complete[0];
  if (!best) {
    const closest = [...candidates].sort(
      (a, b) =>
        requiredShare(b) - requiredShare(a) ||
        b.matched - a.matched ||
        hintRank(b.spec, hint) - hintRank(a.spec, hint),
    )[0]!;
    throw missingColumns(closest);
  }

  // A header that holds the identifier of another entity (opening_id, offer_id...) the winner does not
  // use, and matches more of that entity's columns than of the winner's, is that other entity with
  // columns missing (an openings file without opened_at is not a jobs file). Otherwise the extra column
  // is simply ignored.
  const winnerColumns = new Set(best.spec.columns.map((c) => normalizeHeader(c.name)));
  const present = new Set(normalized);
  const betrayed = candidates
    .filter(
      (c) =>
        c.missing.length > 0 &&
        c.matched > best.matched &&
        present.has(normalizeHeader(c.spec.key[0]!)) &&
        !winnerColumns.has(normalizeHeader(c.spec.key[0]!)),
    )
    .sort((a, b) => requiredShare(b) - requiredShare(a) || hintRank(b.spec, hint) - hintRank(a.spec, hint))[0];
  if (betrayed) throw missingColumns(betrayed);

  const byName = new Map(best.spec.columns.map((c) => [normalizeHeader(c.name), c.name]));
  const dropped: string[] = [];
  const ignored: string[] = [];
  const positions = header.map((raw, index) => {
    const canonical = byName.get(normalized[index]!);
    if (canonical) return canonical;
    if (isPersonalDataColumn(raw)) dropped.push(raw);
    else ignored.push(raw);
    return null;
  });
  return { entity: best.spec, positions, dropped, ignored };
}

function missingColumns(candidate: Candidate): RefusedFile {
  const plural = candidate.missing.length > 1 ? 's' : '';
  return new RefusedFile(
    `unknown file shape: closest entity is ${candidate.spec.name}, missing required column${plural} ${candidate.missing.join(', ')}`,
    candidate.missing[0],
  );
}

function requiredShare(candidate: Candidate): number {
  const required = candidate.spec.columns.filter((c) => c.required).length;
  return (required - candidate.missing.length) / required;
}

function fileHint(fileName: string): EntityName | undefined {
  const base = path.basename(fileName).toLowerCase().replace(/\.csv$/, '').replace(/[\s\-]+/g, '_');
  for (const name of entities.keys()) if (base.includes(name)) return name;
  if (base.includes('stage')) return 'stage_history';
  if (base.includes('fx') || base.includes('exchange')) return 'fx_rates';
  if (base.includes('salar') || base.includes('roster') || base.includes('payroll')) return 'compensation';
  return undefined;
}

function hintRank(spec: EntitySpec, hint: EntityName | undefined): number {
  return spec.name === hint ? 1 : 0;
}
