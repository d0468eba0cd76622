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
  return {
    isJson,
    info: (text) => {
      if (!isJson) process.stdout.write(`${text}\n`);
    },
    json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
  };
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
