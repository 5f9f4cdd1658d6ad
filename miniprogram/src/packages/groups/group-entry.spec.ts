import { decodeScene, groupEntry } from './group-entry';

const ID = '5f0c1e2a-2b1c-4e6f-8a3b-0c9d8e7f6a5b';
// The server's scene of a group: `g=` and the id's 16 bytes in base64url.
const SCENE = 'g=XwweKisccE5vijsMnY5_al';

describe('group page entry', () => {
  it('opens the group by id from a share card or a notification', () => {
    expect(groupEntry({ id: ID })).toEqual({ kind: 'id', id: ID });
    expect(groupEntry({ id: ID.toUpperCase() })).toEqual({ kind: 'id', id: ID });
  });

  it('decodes the scene WeChat passes URL-encoded from a scanned code', () => {
    expect(groupEntry({ scene: encodeURIComponent(SCENE) })).toEqual({ kind: 'scene', scene: SCENE });
  });

  it('accepts a scene the H5 router already decoded, and one encoded twice', () => {
    expect(decodeScene(SCENE)).toBe(SCENE);
    expect(decodeScene(encodeURIComponent(encodeURIComponent(SCENE)))).toBe(SCENE);
  });

  it('prefers a valid id over a scene', () => {
    expect(groupEntry({ id: ID, scene: encodeURIComponent(SCENE) })).toEqual({ kind: 'id', id: ID });
  });

  it('falls back to the scene when the id is not a UUID', () => {
    expect(groupEntry({ id: 'abc', scene: SCENE })).toEqual({ kind: 'scene', scene: SCENE });
  });

  it.each([
    ['nothing', {}],
    ['a blank scene', { scene: '  ' }],
    ['another feature’s scene', { scene: encodeURIComponent('e=42&u=7') }],
    ['a scene cut short', { scene: 'g=XwweKisccE5vijsMnY5' }],
    ['broken percent-encoding', { scene: 'g%3DXwweKisccE5vijsMnY5_al%E0%A4%A' }],
  ])('finds no group in %s', (_, params) => {
    expect(groupEntry(params)).toBeNull();
  });
});
