/** A user's search text as a LIKE pattern fragment: %, _ and \ match themselves, not any characters. */
export const likeEscape = (s: string | null | undefined) =>
  s == null ? null : s.replace(/[\\%_]/g, (c) => `\\${c}`);
