/** A window this wide is a desk, not a phone (app.scss uses the same width). */
export const DESK_QUERY = '(min-width: 1024px)';

/** Whether the H5 build is in a desk-sized window now; never in the mini-program or tests without one. */
export function atDesk(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DESK_QUERY).matches;
}
