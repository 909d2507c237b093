/**
 * Lower-case text and fold it to base letters: æ→ae, ø→o and the Northern Sámi
 * đ→d, ŋ→n, ŧ→t (Unicode has no decomposition for these), then strip accents
 * (å→a, é→e, ä→a). Used wherever two spellings of a name must count as one.
 */
export function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/đ/g, "d")
    .replace(/ŋ/g, "n")
    .replace(/ŧ/g, "t")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
}
