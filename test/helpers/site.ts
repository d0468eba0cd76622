/**
 * A site built by the production refresh (runRefresh: one astro build) from CSV files, served on a free
 * port, with a Chromium to read it: what a browser test of one page needs, removed again by `close`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { configSchema, type Config } from '../../pipelines/lib/config.ts';
import { runRefresh } from '../../pipelines/refresh/run.ts';
import { stateLayout } from '../../pipelines/refresh/state.ts';
import { serveStatic } from '../../pipelines/serve.ts';
import { launchBrowser, type Browser } from './browser.ts';
import { tempDir, writeFiles } from './tmp.ts';

export interface ServedSite {
  /** http://127.0.0.1:PORT/ */
  readonly base: string;
  readonly browser: Browser;
  /** The published dist/ folder. */
  readonly dist: string;
  close(): Promise<void>;
}

/** Refresh `files` (name -> CSV text) as of `asOf` into a state folder of its own, serve dist/, launch Chromium. */
export async function serveBuiltSite(files: Record<string, string>, asOf: string, config: Config = configSchema.parse({})): Promise<ServedSite> {
  const tmp = tempDir('hs-site-');
  const layout = stateLayout(tmp.dir);
  let server: Server | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    server?.close();
    tmp.cleanup();
  };
  try {
    const inbox = path.join(tmp.dir, 'inbox');
    writeFiles(inbox, files);
    await runRefresh(config, { inbox, asOf, layout });
    server = await serveStatic(layout.distLink, 0);
    browser = await launchBrowser();
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, browser, dist: layout.distLink, close };
  } catch (error) {
    await close();
    throw error;
  }
}
