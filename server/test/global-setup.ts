import { ensureMigratedTemplate } from './migrated-template.js';
import { serverUrl } from './test-database.js';

/** Before any test file: the migrated template their databases copy (the forked workers inherit the variable). */
export default async function setup(): Promise<void> {
  const url = serverUrl();
  if (url) process.env.TEST_TEMPLATE_DATABASE = await ensureMigratedTemplate(url);
}
