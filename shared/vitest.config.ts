import { nodeTestConfig } from '../vitest.shared.js';

export default nodeTestConfig({ include: ['src/**/*.spec.ts'] });
