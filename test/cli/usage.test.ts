/**
 * A command line that helps (issue 17 Deliver 6): per-command help, one-line usage errors naming the
 * nearest option or command, no stack trace and no warehouse created for a user's mistake. Real CLI
 * processes; the messages are asserted whole.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../pipelines/cli.ts';
import { runCli, tempDir } from '../helpers/tmp.ts';

// several real CLI processes per test, each seconds on a loaded machine
vi.setConfig({ testTimeout: 180_000 });
const tmp = tempDir('hs-cli-usage-');
afterAll(() => tmp.cleanup());

describe('help', () => {
  it('metrics --help is the usage of metrics with its examples, not the global help', () => {
    const run = runCli(['metrics', '--help']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe(
      'usage: hirescope metrics [--as-of D] [--from D] [--to D] [--department X] [--region R] [--level L] [--source S] [--publish]',
    );
    expect(run.stdout).toContain('\nexamples:\n  hirescope metrics\n      as the dashboard shows them\n');
    expect(run.stdout).toContain('  hirescope metrics --department Sales --from 2026-01-01\n');
    expect(run.stdout).not.toContain('commands:');
    // `help metrics` and `-h` say the same
    expect(runCli(['help', 'metrics']).stdout).toBe(run.stdout);
    expect(runCli(['metrics', '-h']).stdout).toBe(run.stdout);
    // under --json the one document holds the same text
    expect(JSON.parse(runCli(['metrics', '--help', '--json']).stdout)).toEqual({ help: run.stdout.trimEnd() });
  });

  it('every command has its own usage line and 1 to 3 examples', async () => {
    const names = ['ingest', 'rejects', 'status', 'metrics', 'alerts', 'refresh', 'rebuild', 'reset', 'history', 'schedule', 'export', 'generate', 'report'];
    // in this process (the same main() the bin runs; a spawn per command costs seconds each)
    const helpOf = async (args: string[]) => {
      let text = '';
      const code = await main(args, () => ({ isJson: false, info: (t) => (text += `${t}\n`), json: () => {}, error: (t) => (text += `stderr: ${t}\n`) }));
      return { code, text };
    };
    for (const name of names) {
      const run = await helpOf([name, '--help']);
      expect(run.code, name).toBe(0);
      expect(run.text.startsWith(`usage: hirescope ${name}`), name).toBe(true);
      const examples = run.text.split('\nexamples:\n')[1]!.split('\n\n')[0]!.split('\n').filter((l) => l.startsWith('  hirescope '));
      expect(examples.length, name).toBeGreaterThanOrEqual(1);
      expect(examples.length, name).toBeLessThanOrEqual(3);
    }
    // the global help lists each command once, on one line
    const global = (await helpOf(['--help'])).text;
    for (const name of names) expect(global).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });
});

describe('usage errors: one line, the nearest valid choice, exit 2', () => {
  it('a mistyped option names the nearest option of that command', () => {
    const run = runCli(['metrics', '--levle', 'senior']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('usage error: unknown option --levle for metrics; did you mean --level?\nsee hirescope metrics --help\n');
    expect(runCli(['alerts', '--fail-onn', 'alarm']).stderr).toBe(
      'usage error: unknown option --fail-onn for alerts; did you mean --fail-on?\nsee hirescope alerts --help\n',
    );
    // nothing near: no guess
    expect(runCli(['status', '--frobnicate']).stderr).toBe('usage error: unknown option --frobnicate for status\nsee hirescope status --help\n');
  });

  it('an option without its value, or a value for a switch, says so', () => {
    expect(runCli(['metrics', '--level']).stderr).toBe('usage error: option --level of metrics needs a value\nsee hirescope metrics --help\n');
    expect(runCli(['metrics', '--level', '--json']).stderr).toBe('usage error: option --level of metrics needs a value\nsee hirescope metrics --help\n');
    expect(runCli(['metrics', '--json=yes']).stderr).toBe('usage error: option --json of metrics takes no value\nsee hirescope metrics --help\n');
  });

  it('an unknown command names the nearest command', () => {
    const run = runCli(['metrcs']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('usage error: unknown command "metrcs"; did you mean metrics?\nsee hirescope --help\n');
    expect(runCli(['frobnicate']).stderr).toBe('usage error: unknown command "frobnicate"\nsee hirescope --help\n');
  });
});

describe('no warehouse is created by a command that reads one', () => {
  it('status, metrics, alerts, rejects and export on a missing --db exit 1 naming it, and create nothing', () => {
    const missing = path.join(tmp.dir, 'nowhere', 'w.duckdb');
    for (const args of [['status'], ['metrics'], ['alerts'], ['rejects'], ['export', 'pay-bands', '--out', path.join(tmp.dir, 'bands.csv')]]) {
      const run = runCli([...args, '--db', missing]);
      expect(run.status, args[0]).toBe(1);
      expect(run.stderr, args[0]).toBe(`error: no warehouse at ${missing}: check the path, or create it with \`hirescope ingest FILE --db ${missing}\`\n`);
      expect(existsSync(path.dirname(missing)), args[0]).toBe(false);
    }
    expect(existsSync(path.join(tmp.dir, 'bands.csv'))).toBe(false);
  });

  it('ingest of a missing file names it and creates no warehouse', () => {
    const db = path.join(tmp.dir, 'ingest', 'w.duckdb');
    const nowhere = path.join(tmp.dir, 'no-such-export.csv');
    const run = runCli(['ingest', nowhere, '--db', db]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`error: ${nowhere}: no such file or folder\n`);
    expect(existsSync(path.dirname(db))).toBe(false);
  });

  it('a file that is not a warehouse, or a missing --config, is one line, no stack trace', () => {
    const text = path.join(tmp.dir, 'notes.txt');
    writeFileSync(text, 'not a warehouse\n');
    const run = runCli(['status', '--db', text]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `error: ${text} cannot be read as a warehouse: not a DuckDB warehouse file (if it is the published one, \`hirescope rebuild\` recreates it from the archive)\n`,
    );
    const config = runCli(['metrics', '--db', text, '--config', path.join(tmp.dir, 'missing.json')]);
    expect(config.status).toBe(1);
    expect(config.stderr).toBe(`error: config file ${path.join(tmp.dir, 'missing.json')} not found\n`);
  });

  it('refresh with a --db that is not the warehouse of --state is refused before anything is written', () => {
    const db = path.join(tmp.dir, 'x', 'w.duckdb');
    const state = path.join(tmp.dir, 'y');
    const run = runCli(['refresh', '--db', db, '--state', state]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `usage error: --db ${db} is not the warehouse of --state ${state} (that is ${path.join(state, 'warehouse.duckdb')}): ` +
        'give --state alone, or --db alone (its state is kept beside it)\nsee hirescope refresh --help\n',
    );
    expect(existsSync(path.dirname(db))).toBe(false);
    expect(existsSync(state)).toBe(false);
  });
});

describe('history', () => {
  it('cuts a long error at a word, with an ellipsis', () => {
    const state = path.join(tmp.dir, 'history');
    mkdirSync(path.join(state, 'state'), { recursive: true });
    const error =
      'ingest: refused 1 file: offers.csv holds 12 rows where the previous export held 240; give --force to load an export this much smaller';
    const record = { runId: 'r1', command: 'refresh', pid: 1, startedAt: '2026-09-30T06:00:00.000Z', finishedAt: '2026-09-30T06:00:04.000Z', durationSeconds: 4, status: 'failed', error };
    writeFileSync(path.join(state, 'state', 'runs.jsonl'), `${JSON.stringify(record)}\n`);
    const run = runCli(['history', '--state', state]);
    expect(run.status).toBe(0);
    // 80 characters at most: 79 of text and "…". The 79th character ends "held" and the 80th is a space, so
    // "held" stays whole; with a 78-wide cut "held" would be dropped whole, never cut to "hel".
    const cell = 'ingest: refused 1 file: offers.csv holds 12 rows where the previous export held…';
    expect(cell).toHaveLength(80);
    expect(run.stdout.trimEnd().split('\n')[1]).toBe(`r1   refresh  2026-09-30 06:00:00  4.0      failed   —      —            —         ${cell}`);
  });
});
