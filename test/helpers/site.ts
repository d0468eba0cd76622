/**
 * A site built by the production refresh (runRefresh: one astro build) from an inbox of CSV files into a
 * state folder of its own (dist/ is its published link), served on a free port, with a Chromium to read
 * it: what a browser test needs, removed again by `close`. A missing Chromium fails (launchBrowser).
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

export interface SiteOptions {
  /** The inbox: its files (name -> CSV text), or what writes them into the folder (a generated company). */
  readonly inbox: Record<string, string> | ((dir: string) => Promise<unknown>);
  /** The refresh's as-of; without it, the refresh's default (the newest event's day). */
  readonly asOf?: string;
  /** The refresh's clock (freshness is judged against it); without it, now. */
  readonly now?: Date;
  readonly config?: Config;
  /** The temporary state folder's name prefix (tells the tests' leftovers apart). */
  readonly prefix?: string;
}

export interface BuiltSite {
  /** The published dist/ folder. */
  readonly dist: string;
  /** The published warehouse. */
  readonly warehouse: string;
  /** Removes the state folder. */
  close(): Promise<void>;
}

/** Refresh the inbox into a temporary state folder of its own: the published dist/ and warehouse. */
export async function buildSite({ inbox, asOf, now, config = configSchema.parse({}), prefix = 'hs-site-' }: SiteOptions): Promise<BuiltSite> {
  const tmp = tempDir(prefix);
  const layout = stateLayout(tmp.dir);
  const close = async () => tmp.cleanup();
  try {
    const dir = path.join(tmp.dir, 'inbox');
    if (typeof inbox === 'function') await inbox(dir);
    else writeFiles(dir, inbox);
    await runRefresh(config, { inbox: dir, layout, asOf, ...(now ? { now } : {}) });
    return { dist: layout.distLink, warehouse: layout.warehouseLink, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface SiteServer {
  /** http://127.0.0.1:PORT/ */
  readonly base: string;
  readonly browser: Browser;
  /** Closes the browser and the server. */
  close(): Promise<void>;
}

/** Serve a built dist/ folder on a free port of 127.0.0.1 and launch Chromium to read it. */
export async function serveSite(dist: string): Promise<SiteServer> {
  const server: Server = await serveStatic(dist, 0);
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

export interface ServedSite extends BuiltSite, SiteServer {
  /** Closes the browser and the server and removes the state folder. */
  close(): Promise<void>;
}

/** buildSite, then serveSite: the site of a browser test, ready to read. */
export async function serveBuiltSite(options: SiteOptions): Promise<ServedSite> {
  const built = await buildSite(options);
  let served: SiteServer;
  try {
    served = await serveSite(built.dist);
  } catch (error) {
    await built.close();
    throw error;
  }
  return {
    dist: built.dist,
    warehouse: built.warehouse,
    base: served.base,
    browser: served.browser,
    async close() {
      await served.close();
      await built.close();
    },
  };
}
