/** The liaison's pages (subpackage `packages/reach`). */
export const LIAISON_CLASS_URL = '/packages/reach/pages/class/index';
export const CLASS_LEADERBOARD_URL = '/packages/reach/pages/leaderboard/index';

export function liaisonClassUrl(classGroupId: string): string {
  return `${LIAISON_CLASS_URL}?id=${encodeURIComponent(classGroupId)}`;
}
