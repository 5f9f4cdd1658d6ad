/**
 * Text matched literally inside a LIKE/ILIKE pattern: `%` and `_` typed by the user match
 * themselves, not any character (PostgreSQL's default escape is the backslash).
 */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
