import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../server/test/server-process.js';
import { launchChromium } from './browser.js';

export interface Installation {
  server: ServerProcess;
  browser: Browser;
}

/**
 * What a new user gets: the start command's server (DEMO=true) on a fresh embedded data folder,
 * with the demo seed, the fake WeChat and the H5 build, plus a browser. Registers the suite's
 * beforeAll/afterAll; the fields are set once beforeAll has run.
 */
export function useFreshInstallation(): Installation {
  const installation = {} as Installation;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alumnilink-e2e-'));
    // H5_DIR picks another H5 build than miniprogram/dist/h5 (see TARO_OUTPUT_ROOT).
    // A fresh installation seeds the demo college first: on a busy machine that takes a while.
    installation.server = await startServerProcess(
      { DEMO: 'true', DATA_DIR: dataDir, ...(process.env.H5_DIR ? { H5_DIR: process.env.H5_DIR } : {}) },
      180_000,
    );
    installation.browser = await launchChromium();
  });
  afterAll(async () => {
    await installation.browser?.close();
    await installation.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return installation;
}
