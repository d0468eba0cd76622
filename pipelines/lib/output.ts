/** Output effects, injected so commands run silently in tests and print for a person on a terminal. */

export interface Output {
  /** Human text on stdout (suppressed under --json). */
  info(text: string): void;
  /** The one JSON document on stdout under --json. */
  json(value: unknown): void;
  /** Errors and warnings on stderr. */
  error(text: string): void;
  readonly isJson: boolean;
}

export function consoleOutput(isJson: boolean): Output {
  quietOnClosedPipe(process.stdout);
  const write = (text: string) => {
    if (!process.stdout.writableEnded && !stdoutClosed) process.stdout.write(text);
  };
  return {
    isJson,
    info: (text) => {
      if (!isJson) write(`${text}\n`);
    },
    json: (value) => write(`${JSON.stringify(value, null, 2)}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
  };
}

let stdoutClosed = false;
const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * A reader that stops early (`hirescope rejects | head -1`) closes the pipe: the write fails with EPIPE.
 * That is no error of the command's: further output is dropped and the command ends as it would have.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      stdoutClosed = true;
      return;
    }
    process.stderr.write(`error: cannot write the output: ${error.message}\n`);
    process.exitCode = 1;
  });
}

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to `word` (case-insensitive), when it is near enough to be a typo: at most a
 * third of the word's letters apart (at least 2: `--levle` is 2 from `--level`). Ties: the first listed.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const key = word.toLowerCase();
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(key, candidate.toLowerCase());
    if (!best || d < best.d) best = { candidate, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.candidate : undefined;
}

/** Text of at most `width` characters, cut at a word with an ellipsis (a table cell, never mid-word). */
export function cutAtWord(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const room = flat.slice(0, width - 1);
  // a word that ends exactly at the cut stays whole
  const space = flat[width - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  return `${(space > width / 2 ? room.slice(0, space) : room).replace(/[\s,;:.—-]+$/, '')}…`;
}

/** A plain text table with left-aligned columns. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '))
    .join('\n');
}

/** Usage errors exit 2 (DESIGN §5). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Bytes for a person: 1 KB = 1,024 bytes, one decimal from KB up (`status` disk use). */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
