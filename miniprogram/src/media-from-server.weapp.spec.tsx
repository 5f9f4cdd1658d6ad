/**
 * A photo uploaded to the real server is shown by the weapp build's `<image>`, from the
 * server's own answer. Runs the compiled server (`server/dist/main.js`: `pnpm test` builds it
 * before the mini-program tests; by hand, `pnpm --filter @alumni/server run build`) on a fresh
 * embedded database with the demo data, and maps the build's https API base to it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render, waitFor } from '@testing-library/react';
import { gradientPng } from '../../e2e/support/images';
import { network, tempFile } from '../test/weapp/wx';
import { getDemoLoginCode, signInWithCode } from './api/auth';
import { getMyProfile, uploadAvatar } from './api/profile';
import { AlumnusAvatar } from './packages/alumni/alumnus-item';

const MAIN = join(__dirname, '../../server/dist/main.js');

/** The compiled server as `pnpm start` runs it, on a free port; resolves with its origin. */
function startServer(dataDir: string): Promise<{ origin: string; child: ChildProcess }> {
  if (!existsSync(MAIN)) throw new Error(`No compiled server at ${MAIN}: run \`pnpm --filter @alumni/server run build\` first.`);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      H5_DIR: '/nonexistent',
      DEMO: 'true',
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /AlumniLink is running at (http:\/\/\S+?)\/?\n/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: match[1]!, child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

describe('a photo uploaded to the server, shown in WeChat', () => {
  let server: { origin: string; child: ChildProcess };
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'alumnilink-weapp-'));
    server = await startServer(dataDir);
  }, 120_000);
  afterAll(() => {
    server?.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the avatar from the server’s own answer in a weapp <image>', async () => {
    network.useServer(server.origin);
    const { code } = await getDemoLoginCode('o_demo_001');
    await signInWithCode(code);

    // Multipart, field `file`: what both builds' uploadFile send.
    await uploadAvatar(tempFile(gradientPng(64, 64), 'image/png'));
    const profile = await getMyProfile();
    expect(profile.avatarUrl).toEqual(expect.any(String));

    const { container } = render(<AlumnusAvatar alumnus={profile} size="large" />);
    const picture = container.querySelector('img')!;
    await waitFor(() => expect(picture.dataset.state).not.toBe('loading'), { timeout: 10_000 });
    expect(picture.dataset.state).toBe('loaded');
    expect(picture.getAttribute('src')).toMatch(/^https:\/\/api\.example\.org\/api\/v1\//);
  }, 60_000);
});
