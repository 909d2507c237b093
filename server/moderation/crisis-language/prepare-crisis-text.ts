import { tokenizeText } from "../../forum/identity-guard/tokenize-text";
import type { PreparedWords } from "./crisis-pattern";
import type { TermRegistry } from "./crisis-terms";
import { revealMaskedLetters } from "./normalize-crisis-word";

// A full stop, question or exclamation mark ends a sentence, unless it is part of an ellipsis ("jeg vil bare... dø"),
// which people in distress often use inside one thought. Any line break ends a sentence too, so a match never joins
// a title to its body or one paragraph to the next.
const sentenceBreak = /\n|(?<![.…])[.!?](?![.…])/;
const clauseBreak = /[,;:()[\]{}–—]|\s-\s/;

/** Split text into normalized words with their sentence and clause numbers, and look up their data words. */
export function prepareCrisisText(text: string, registry: TermRegistry): PreparedWords {
  const prepared = revealMaskedLetters(text);
  const tokens = tokenizeText(prepared);
  const sentence = new Int32Array(tokens.length);
  const clause = new Int32Array(tokens.length);
  const termIds: (readonly number[])[] = [];

  let sentenceNumber = 0;
  let clauseNumber = 0;
  tokens.forEach((token, index) => {
    if (index > 0) {
      const between = prepared.slice(tokens[index - 1]!.end, token.start);
      if (sentenceBreak.test(between)) sentenceNumber += 1;
      if (sentenceBreak.test(between) || clauseBreak.test(between)) clauseNumber += 1;
    }
    sentence[index] = sentenceNumber;
    clause[index] = clauseNumber;
    termIds.push(registry.idsOf(token.lower));
  });

  return { termIds, sentence, clause, masked: new Uint8Array(tokens.length) };
}
