/**
 * Progress and logs for long runs (refresh, rebuild, schedule): on a terminal, a progress line per step;
 * otherwise (or with --log json) one JSON object per line. Always on stderr, so stdout stays the
 * command's result. Injected, so tests run silently.
 */
export type LogMode = 'human' | 'json' | 'silent';

export interface Logger {
  /** A named event with fields (a phase start, a file loaded, a warning). */
  event(name: string, fields?: Record<string, unknown>): void;
  /** Step progress: `done` of `total`, with a label (a file name). */
  progress(step: string, done: number, total: number, label?: string): void;
}

export interface LoggerOptions {
  readonly mode?: LogMode;
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly now?: () => Date;
}

/** Human on a TTY, JSON lines otherwise, unless a mode is given. */
export function createLogger({ mode, stream = process.stderr, now = () => new Date() }: LoggerOptions = {}): Logger {
  const chosen: LogMode = mode ?? (stream.isTTY ? 'human' : 'json');
  if (chosen === 'silent') return { event: () => undefined, progress: () => undefined };
  if (chosen === 'json') {
    const write = (record: Record<string, unknown>) => stream.write(`${JSON.stringify({ ts: now().toISOString(), ...record })}\n`);
    return {
      event: (name, fields = {}) => write({ event: name, ...fields }),
      progress: (step, done, total, label) => write({ event: 'progress', step, done, total, ...(label ? { label } : {}) }),
    };
  }
  let open = false;
  const endLine = () => {
    if (open) stream.write('\n');
    open = false;
  };
  return {
    event(name, fields = {}) {
      endLine();
      const details = Object.entries(fields)
        .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ');
      stream.write(`${now().toISOString().slice(11, 19)} ${name}${details ? ` ${details}` : ''}\n`);
    },
    progress(step, done, total, label) {
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(`\r${step.padEnd(9)} ${bar} ${done}/${total} ${(label ?? '').slice(0, 40).padEnd(40)}`);
      open = true;
      if (done >= total) endLine();
    },
  };
}
