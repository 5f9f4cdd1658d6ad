import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Serves the H5 build of the mini-program at `/`, from the same origin as the API, so the
 * browser app needs no CORS and no base URL. Routes are registered per file at start-up
 * (no wildcard), so nothing shadows `/api`.
 */
export async function serveH5(app: NestFastifyApplication, h5Dir: string): Promise<boolean> {
  if (!existsSync(`${h5Dir}/index.html`)) return false;
  await app.register(fastifyStatic, {
    root: h5Dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // Bundles carry content hashes; the page itself must always be revalidated.
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=604800');
    },
  });
  return true;
}

/**
 * Content-Security-Policy sources for the inline scripts of the H5 page (Taro inlines its
 * rem sizing script). Hashing them at start-up allows exactly those scripts and no other
 * inline code, whatever the build produced.
 */
export function inlineScriptHashes(h5Dir: string): string[] {
  const index = `${h5Dir}/index.html`;
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
  );
}
