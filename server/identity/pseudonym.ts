import { z } from "zod";

import { foldLetters } from "../platform/fold-letters";

export const PSEUDONYM_MIN_LENGTH = 3;
export const PSEUDONYM_MAX_LENGTH = 30;

/** Letters (any script), digits, spaces, hyphen, underscore and full stop; must start with a letter or digit. */
export const pseudonymSchema = z
  .string()
  .trim()
  .min(PSEUDONYM_MIN_LENGTH, { message: "pseudonym_too_short" })
  .max(PSEUDONYM_MAX_LENGTH, { message: "pseudonym_too_long" })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, { message: "pseudonym_invalid_characters" });

/**
 * The form two pseudonyms are compared in: folded by `foldLetters` (lower case,
 * æ→ae, ø→o, å→a, no accents) with separators dropped, so
 * "Måke", "make" and "MA-KE" count as the same name.
 */
export function pseudonymKey(pseudonym: string): string {
  return foldLetters(pseudonym).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * True when the pseudonym contains, or is a near miss of, a part of the real
 * name of three or more letters. Used to warn, never to forbid.
 */
export function pseudonymResemblesName(pseudonym: string, fullName: string | null | undefined): boolean {
  if (!fullName) return false;

  const key = pseudonymKey(pseudonym);
  const nameParts = fullName
    .split(/[\s-]+/)
    .map(pseudonymKey)
    .filter((part) => part.length >= 3);

  return nameParts.some((part) => key.includes(part) || editDistance(key, part) <= Math.max(1, Math.floor(part.length / 4)));
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}
