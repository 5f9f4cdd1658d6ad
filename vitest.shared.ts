import swc from 'unplugin-swc';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * One Vitest setup for the Node packages. SWC compiles the TypeScript so NestJS gets its
 * decorator metadata (esbuild drops it); dependencies load through Node itself, which on
 * Node 20.19+ can require() the ESM-only NestJS 12 from CommonJS packages (Jest cannot).
 */
export function nodeTestConfig(test: NonNullable<ViteUserConfig['test']>) {
  return defineConfig({
    plugins: [
      swc.vite({
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
      }),
    ],
    test: { environment: 'node', globals: true, ...test },
  });
}
