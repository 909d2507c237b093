import { canMatchText, markMatches, matchPatternAt, type CompiledPattern, type PatternMatch, type PreparedWords } from "./crisis-pattern";
import { compileCrisisRuleSet, crisisCategories, type CrisisCategory, type CrisisRule, type CrisisRuleSet } from "./crisis-rule-set";
import { prepareCrisisText } from "./prepare-crisis-text";

export type { CrisisCategory } from "./crisis-rule-set";

export interface CrisisLanguageFinding {
  /** Categories matched, most serious first (suicide, self_harm, crisis), no duplicates. */
  categories: CrisisCategory[];
  /** Ids of the rules that matched, from the JSON data; ids and codes only, never the text. */
  ruleIds: string[];
}

/*
 * How the check works (the decision record docs/decisions/0007-crisis-language.md has the reasons and limits):
 * the text is split into words, each normalized (case, æøå and their ASCII stand-ins, repeated letters,
 * look-alike digits), and numbered by sentence and clause. Exclusion phrases ("dø av latter", "kutte meg ut")
 * mask their words first. Then each rule's phrase patterns are tried, within one sentence. A match of a negatable
 * rule is dropped when a negator ("ikke", "aldri", "not", "uten") is in a gap of the match or up to a few words
 * before it in the same clause, unless a subject pronoun or a conjunction comes between, or the negator is part of
 * a neutralizing phrase ("ikke annet enn", "aldri vært så", "tør ikke"). All words and rules are data in the JSON
 * files beside this module.
 */
const ruleSet = compileCrisisRuleSet();

/**
 * Check a post, reply or draft for language that suggests suicide, self-harm or an acute crisis. Callers pass the
 * title, body and content warning joined with "\n\n"; a phrase never matches across a line break or sentence end.
 * Returns null when nothing suggests crisis. Pure: the same text always gives the same finding.
 */
export function detectCrisisLanguage(text: string): CrisisLanguageFinding | null {
  return detectWithRuleSet(text, ruleSet);
}

/** Check text against a given rule set, for tests that bring their own data. */
export function detectWithRuleSet(text: string, rules: CrisisRuleSet): CrisisLanguageFinding | null {
  const words = prepareCrisisText(text, rules.registry);
  markMatches(rules.exclusions, words, words.masked);
  const neutralized = new Uint8Array(words.termIds.length);
  markMatches(rules.neutralizers, words, neutralized);

  const context = new ContextLookup(words);
  // A pattern whose later required words are missing from a sentence cannot match there, so skip it cheaply.
  const sentenceTerms: Set<number>[] = [];
  words.termIds.forEach((ids, position) => {
    const terms = (sentenceTerms[words.sentence[position]!] ??= new Set());
    for (const id of ids) terms.add(id);
  });

  const fired = new Set<CrisisRule>();
  for (let start = 0; start < words.termIds.length; start += 1) {
    if (words.masked[start]) continue;
    for (const id of words.termIds[start]!) {
      for (const { rule, pattern } of rules.patternsByFirstTerm.get(id) ?? []) {
        if (fired.has(rule) || !canMatchText(pattern, sentenceTerms[words.sentence[start]!]!)) continue;
        const match = matchPatternAt(pattern, words, start);
        if (match && isMatchKept(rule, match, words, neutralized, context, rules)) fired.add(rule);
      }
    }
  }
  if (fired.size === 0) return null;

  const firedRules = rules.rules.filter((rule) => fired.has(rule));
  return {
    categories: crisisCategories.filter((category) => firedRules.some((rule) => rule.category === category)),
    ruleIds: firedRules.map((rule) => rule.id),
  };
}

function isMatchKept(rule: CrisisRule, match: PatternMatch, words: PreparedWords, neutralized: Uint8Array, context: ContextLookup, rules: CrisisRuleSet): boolean {
  if (rule.negatable && isNegated(match, words, neutralized, rules)) return false;

  const sentence = words.sentence[match.start]!;
  const sentenceHas = (pattern: CompiledPattern) => context.sentencesWith(pattern).has(sentence);
  if (rule.ifSentenceHas.length > 0 && !rule.ifSentenceHas.some(sentenceHas)) return false;
  if (rule.unlessSentenceHas.some(sentenceHas)) return false;
  return rule.requiresTextHas.length === 0 || rule.requiresTextHas.some((pattern) => context.sentencesWith(pattern).size > 0);
}

/** The sentences in which each context list (third person, news, accidents, finality) has an entry, found once per text. */
class ContextLookup {
  private readonly found = new Map<CompiledPattern, ReadonlySet<number>>();

  constructor(private readonly words: PreparedWords) {}

  sentencesWith(pattern: CompiledPattern): ReadonlySet<number> {
    const known = this.found.get(pattern);
    if (known) return known;

    const sentences = new Set<number>();
    this.words.termIds.forEach((ids, start) => {
      if (sentences.has(this.words.sentence[start]!) || !ids.some((id) => pattern.firstTerms.has(id))) return;
      if (matchPatternAt(pattern, this.words, start)) sentences.add(this.words.sentence[start]!);
    });
    this.found.set(pattern, sentences);
    return sentences;
  }
}

/**
 * True when a negator, not part of a neutralizing phrase, is in a gap of the match, or in the same clause up to
 * `negationLookback` words before it with no subject pronoun or conjunction between ("ingen vet at jeg vil dø"
 * is not negated, "jeg har aldri tenkt på selvmord" is).
 */
function isNegated(match: PatternMatch, words: PreparedWords, neutralized: Uint8Array, rules: CrisisRuleSet): boolean {
  const isNegator = (position: number) => !neutralized[position] && words.termIds[position]!.some((id) => rules.negatorIds.has(id));
  if (match.gapWords.some(isNegator)) return true;

  const clause = words.clause[match.start];
  for (let position = match.start - 1; position >= 0 && match.start - position <= rules.negationLookback; position -= 1) {
    if (words.clause[position] !== clause) return false;
    if (isNegator(position)) return true;
    if (words.termIds[position]!.some((id) => rules.negationBoundaryIds.has(id))) return false;
  }
  return false;
}
