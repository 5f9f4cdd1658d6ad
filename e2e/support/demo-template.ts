import { constants, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../../server/test/server-process.js';

/** Set by the global set-up below for the test files' processes, which inherit it. */
const TEMPLATE_VARIABLE = 'E2E_DEMO_DATA_DIR';

/** The start command's server in demo mode on the embedded engine in `dataDir`. */
export function demoServerEnv(dataDir: string): Record<string, string> {
  // H5_DIR picks another H5 build than miniprogram/dist/h5 (see TARO_OUTPUT_ROOT).
  return { DEMO: 'true', DATA_DIR: dataDir, ...(process.env.H5_DIR ? { H5_DIR: process.env.H5_DIR } : {}) };
}

/**
 * Before any journey file (vitest.config.ts globalSetup): a fresh installation made once, as a
 * new user's first start makes it (initdb, every migration, the demo seed, the demo's photos
 * drawn into its uploads), then stopped, which leaves a closed cluster on disk. Each journey file
 * starts its own server on a copy of that folder (`copyOfDemoTemplate`): the same fresh demo
 * state, untouched by other files, without paying the first start again (docs/development.md).
 */
export default async function setup(): Promise<() => void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'alumnilink-e2e-template-'));
  try {
    // A fresh installation seeds the demo college first: on a busy machine that takes a while.
    const server = await startServerProcess(demoServerEnv(dataDir), 180_000);
    const code = await server.stop();
    if (code !== 0) throw new Error(`the demo template's server exited with ${code} when stopped:\n${server.output()}`);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  process.env[TEMPLATE_VARIABLE] = dataDir;
  return () => rmSync(dataDir, { recursive: true, force: true });
}

/** A new data folder holding a copy of the demo template (a copy-on-write clone where the file system has them). */
export function copyOfDemoTemplate(): string {
  const template = process.env[TEMPLATE_VARIABLE];
  if (!template)
    throw new Error(`${TEMPLATE_VARIABLE} is not set: run the journeys through e2e/vitest.config.ts, whose globalSetup makes it`);
  const dataDir = mkdtempSync(join(tmpdir(), 'alumnilink-e2e-'));
  cpSync(template, dataDir, { recursive: true, mode: constants.COPYFILE_FICLONE });
  return dataDir;
}
