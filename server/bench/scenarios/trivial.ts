import { type Scenario, TRIVIAL } from '../scenario.js';

const SHAPE = { connections: 50, durationSeconds: 10 } as const;

/**
 * Our cheapest route against the framework's floor: what every request pays before doing
 * anything of its own (headers, logging, guards). Issue 17: at least 0.6× the bare app.
 */
export const trivialEndpoint: Scenario = {
  name: 'trivial',
  summary: `${TRIVIAL.method} ${TRIVIAL.path} (no database, no auth) against the bare NestJS + Fastify app`,
  unit: 'requests',
  shape: SHAPE,
  targets: { minBareRatio: 0.6, maxP99Ms: 50 },
  isTrivial: true,
  async prepare(context) {
    return {
      request: TRIVIAL,
      async warmUp() {
        await context.drive(TRIVIAL, { ...SHAPE, durationSeconds: 3 });
      },
    };
  },
};
