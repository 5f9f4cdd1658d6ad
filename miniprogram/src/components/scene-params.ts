/**
 * The record a page was opened for: `?id=` (lists, share cards, notices) or `?scene=` (a
 * poster's mini-program code; WeChat hands the scene over percent-encoded), read by `ofScene`
 * (storyIdOfScene, givingDayIdOfScene).
 */
export function recordIdOf(params: Record<string, string | undefined>, ofScene: (scene: string) => string | null): string | undefined {
  if (params.id) return params.id;
  return params.scene ? (ofScene(params.scene) ?? undefined) : undefined;
}
