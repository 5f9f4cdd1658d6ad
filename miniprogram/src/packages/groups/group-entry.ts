/**
 * How the group page was opened: a share card or a notification passes `id`; a scanned
 * mini-program code passes `scene`, which WeChat hands over URL-encoded (`g%3D…`) and the
 * H5 router may already have decoded. Returns what to load, or null when neither is usable.
 */
export type GroupEntry = { kind: 'id'; id: string } | { kind: 'scene'; scene: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The server's scenes: `g=` and 22 base64url characters; anything else is not ours. */
const SCENE = /^g=[A-Za-z0-9_-]{22}$/;

export function groupEntry(params: Record<string, string | undefined>): GroupEntry | null {
  const id = params.id?.trim();
  if (id && UUID.test(id)) return { kind: 'id', id: id.toLowerCase() };
  const scene = decodeScene(params.scene);
  return scene ? { kind: 'scene', scene } : null;
}

/** Undoes WeChat's URL-encoding (once or twice over: some entry paths encode again); null when it is not a group scene. */
export function decodeScene(raw: string | undefined): string | null {
  let scene = raw?.trim() ?? '';
  for (let i = 0; i < 2 && scene.includes('%'); i++) {
    try {
      scene = decodeURIComponent(scene);
    } catch {
      return null;
    }
  }
  return SCENE.test(scene) ? scene : null;
}
