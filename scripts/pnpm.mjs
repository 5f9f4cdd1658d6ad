// The pnpm that runs this script, so `npx pnpm@12 start` works without pnpm on PATH.
const execPath = process.env.npm_execpath;

/** Command and leading arguments that invoke pnpm. */
export const PNPM =
  execPath && /pnpm/.test(execPath) ? (/\.[cm]?js$/.test(execPath) ? [process.execPath, execPath] : [execPath]) : ['pnpm'];
