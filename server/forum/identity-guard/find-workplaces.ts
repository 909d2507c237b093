import { detailAt, type IdentifyingDetail } from "./identifying-detail";
import type { Token } from "./tokenize-text";
import workplaceWords from "./workplace-words.json" with { type: "json" };

const workVerbs = new Set(workplaceWords.work_verbs);
const wordsBetween = new Set(workplaceWords.words_between_verb_and_preposition);
const prepositions = new Set(workplaceWords.prepositions);
const articles = new Set(workplaceWords.articles);
const notAWorkplace = new Set(workplaceWords.not_a_workplace.words);
const clauseEndWords = new Set(workplaceWords.clause_end_words.words);
const timeWords = new Set(workplaceWords.time_words.words);

// Words of the workplace phrase may contain digits and & (Rema 1000, H&M); punctuation between them ends it.
const phraseWordPattern = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}&]|['’\-/](?=[\p{L}\p{M}\p{N}]))*/gu;
const clauseEndGapPattern = /[.,;:!?()\n–—"«»]/;
const maxPhraseLength = 80;

/** Return the index of the preposition after a work verb at `index` (jobber på, work at, jobber fortsatt hos), or -1. */
function prepositionAfterVerb(tokens: Token[], index: number): number {
  let next = index + 1;
  if (tokens[next] && wordsBetween.has(tokens[next]!.lower) && tokens[next]!.spacedFromPrevious) next += 1;
  const preposition = tokens[next];
  return preposition && preposition.spacedFromPrevious && prepositions.has(preposition.lower) ? next : -1;
}

/** Return the [start, end] of the workplace phrase that starts at `offset`, or null when it is about time or effort. */
function workplacePhrase(text: string, offset: number): [number, number] | null {
  const words = [...text.slice(offset, offset + maxPhraseLength).matchAll(phraseWordPattern)];
  let first = 0;
  if (words[0] && articles.has(words[0][0].toLowerCase())) first = 1;
  const firstWord = words[first];
  if (!firstWord || /^\p{N}/u.test(firstWord[0]) || notAWorkplace.has(firstWord[0].toLowerCase())) return null;
  if (clauseEndGapPattern.test(text.slice(offset, offset + firstWord.index))) return null;

  let last = first;
  for (let position = first + 1; position < words.length && position - first < workplaceWords.max_words; position += 1) {
    const word = words[position]!;
    const lower = word[0].toLowerCase();
    const gap = text.slice(offset + words[position - 1]!.index + words[position - 1]![0].length, offset + word.index);
    if (clauseEndGapPattern.test(gap) || clauseEndWords.has(lower)) break;
    // "på Rema i dag": a preposition followed by a time word ends the phrase.
    const following = words[position + 1]?.[0].toLowerCase();
    if (prepositions.has(lower) && following !== undefined && timeWords.has(following)) break;
    last = position;
  }
  // A phrase never ends in a preposition or article ("Rema 1000 på").
  while (last > first && (prepositions.has(words[last]![0].toLowerCase()) || articles.has(words[last]![0].toLowerCase()))) last -= 1;

  return [offset + firstWord.index, offset + words[last]!.index + words[last]![0].length];
}

/**
 * Find workplaces: the words after "jeg jobber på/i/hos/ved", "eg jobbar/arbeider på", "I work at/for/in" and
 * the like, up to the end of the clause. Any subject counts (mannen min jobber på…), since a workplace can
 * identify the people the writer talks about too.
 */
export function findWorkplaces(text: string, tokens: Token[]): IdentifyingDetail[] {
  const details: IdentifyingDetail[] = [];

  for (let index = 0; index < tokens.length; index += 1) {
    if (!workVerbs.has(tokens[index]!.lower)) continue;
    const preposition = prepositionAfterVerb(tokens, index);
    if (preposition === -1) continue;

    const phrase = workplacePhrase(text, tokens[preposition]!.end);
    if (phrase) details.push(detailAt(text, "workplace", phrase[0], phrase[1]));
  }
  return details;
}
