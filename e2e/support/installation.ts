import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../server/test/server-process.js';
import { launchChromium } from './browser.js';
import { copyOfDemoTemplate, demoServerEnv } from './demo-template.js';

export interface Installation {
  server: ServerProcess;
  browser: Browser;
}

/**
 * What a new user gets: the start command's server (DEMO=true) on a fresh embedded data folder,
 * with the demo seed, the fake WeChat and the H5 build, plus a browser. The folder is this
 * file's own copy of the run's demo template (support/demo-template.ts), so no other file's
 * changes reach it. Registers the suite's beforeAll/afterAll; the fields are set once beforeAll has run.
 */
export function useFreshInstallation(): Installation {
  const installation = {} as Installation;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = copyOfDemoTemplate();
    installation.server = await startServerProcess(demoServerEnv(dataDir), 180_000);
    installation.browser = await launchChromium();
  });
  afterAll(async () => {
    await installation.browser?.close();
    await installation.server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return installation;
}
