import { givingDayIdOfScene, givingDayScene } from './types/giving.js';
import { storyIdOfScene, storyScene } from './types/stories.js';
import { uuidOfScene, uuidScene } from './scenes.js';

const ID = '0f8e2c1a-7b3d-4e5f-9a6b-c7d8e9f0a1b2';

describe('uuid scenes of mini-program codes', () => {
  it('fits WeChat’s scene rules and gives the id back, also percent-encoded', () => {
    const scene = uuidScene('gd', ID);
    expect(scene).toMatch(/^gd=[A-Za-z0-9_-]{22}$/);
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(uuidOfScene('gd', scene)).toBe(ID);
    expect(uuidOfScene('gd', encodeURIComponent(scene))).toBe(ID);
    expect(uuidOfScene('gd', uuidScene('gd', ID.toUpperCase()))).toBe(ID);
  });

  it('names nothing under another prefix, with a spare bit set, or garbled', () => {
    const scene = uuidScene('gd', ID);
    expect(uuidOfScene('s', scene)).toBeNull();
    expect(uuidOfScene('g', scene)).toBeNull();
    const last = scene.at(-1)!;
    expect(uuidOfScene('gd', scene.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1))).toBeNull();
    for (const bad of ['gd=nope', 'gd=', '', '%E0%A4%A', `gd=${'A'.repeat(23)}`]) expect(uuidOfScene('gd', bad)).toBeNull();
    expect(() => uuidScene('gd', 'not-a-uuid')).toThrow();
  });

  it('serves stories and giving days with their own prefixes', () => {
    expect(storyScene(ID)).toBe(uuidScene('s', ID));
    expect(storyIdOfScene(storyScene(ID))).toBe(ID);
    expect(givingDayScene(ID)).toBe(uuidScene('gd', ID));
    expect(givingDayIdOfScene(givingDayScene(ID))).toBe(ID);
    expect(givingDayIdOfScene(storyScene(ID))).toBeNull();
  });
});
