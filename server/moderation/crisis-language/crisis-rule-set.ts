import exclusions from "./crisis-exclusions.json" with { type: "json" };
import rules from "./crisis-rules.json" with { type: "json" };
import words from "./crisis-words.json" with { type: "json" };
import { compilePattern, indexByFirstTerm, type CompiledPattern, type PatternIndex, type WordLists } from "./crisis-pattern";
import { TermRegistry } from "./crisis-terms";

export const crisisCategories = ["suicide", "self_harm", "crisis"] as const;
export type CrisisCategory = (typeof crisisCategories)[number];

export type CrisisRule = {
  id: string;
  category: CrisisCategory;
  patterns: CompiledPattern[];
  /** False for rules whose words carry their own negation ("vil ikke leve lenger", "orker ikke mer"). */
  negatable: boolean;
  /** Lists of which at least one must have an entry in the sentence of the match (another person named). */
  ifSentenceHas: CompiledPattern[];
  /** Lists of which no entry may stand in the sentence of the match (people other than the writer, news, accidents). */
  unlessSentenceHas: CompiledPattern[];
  /** Lists of which at least one must have an entry somewhere in the whole text (a goodbye needs a sign of finality). */
  requiresTextHas: CompiledPattern[];
};

/** The crisis data of the JSON files beside this module, compiled once at load. */
export type CrisisRuleSet = {
  registry: TermRegistry;
  rules: CrisisRule[];
  /** For each data word id, the rule patterns that can start with it. */
  patternsByFirstTerm: Map<number, { rule: CrisisRule; pattern: CompiledPattern }[]>;
  /** Idioms and everyday phrases ("dø av latter", "kutte meg ut") whose words no rule may use. */
  exclusions: PatternIndex;
  negatorIds: ReadonlySet<number>;
  negationBoundaryIds: ReadonlySet<number>;
  negationLookback: number;
  /** Phrases in which a negator does not negate ("ikke annet enn", "aldri vært så"). */
  neutralizers: PatternIndex;
};

/** The shape of the three JSON files, so tests can compile data of their own. */
export type CrisisData = {
  words: { lists: Record<string, string[]>; negation: { lookback_words: number; negators: string[]; scope_boundaries: string[]; neutralizers: string[] } };
  rules: { rules: RuleData[] };
  exclusions: { groups: { patterns: string[] }[] };
};

type RuleData = {
  id: string;
  category: string;
  negatable?: boolean;
  if_sentence_has?: string[];
  unless_sentence_has?: string[];
  requires_text_has?: string[];
  patterns: string[];
};

const bundledData: CrisisData = { words, rules, exclusions };

/** Compile the JSON data; throws with the rule id or pattern when the data is inconsistent. */
export function compileCrisisRuleSet(data: CrisisData = bundledData): CrisisRuleSet {
  const registry = new TermRegistry();
  const lists = expandLists(data.words.lists);
  const compile = (source: string) => compilePattern(source, lists, registry);
  const listPattern = (name: string) => compile(`@${name}`);

  const seenIds = new Set<string>();
  const compiledRules = data.rules.rules.map((rule): CrisisRule => {
    if (seenIds.has(rule.id)) throw new Error(`crisis-rules.json: the rule id "${rule.id}" is used twice.`);
    seenIds.add(rule.id);
    if (!crisisCategories.includes(rule.category as CrisisCategory)) {
      throw new Error(`crisis-rules.json: rule "${rule.id}" has the category "${rule.category}"; expected one of ${crisisCategories.join(", ")}.`);
    }
    return {
      id: rule.id,
      category: rule.category as CrisisCategory,
      patterns: rule.patterns.map(compile),
      negatable: rule.negatable ?? true,
      ifSentenceHas: (rule.if_sentence_has ?? []).map(listPattern),
      unlessSentenceHas: (rule.unless_sentence_has ?? []).map(listPattern),
      requiresTextHas: (rule.requires_text_has ?? []).map(listPattern),
    };
  });

  const patternsByFirstTerm: CrisisRuleSet["patternsByFirstTerm"] = new Map();
  for (const rule of compiledRules) {
    for (const pattern of rule.patterns) {
      for (const id of pattern.firstTerms) {
        patternsByFirstTerm.set(id, [...(patternsByFirstTerm.get(id) ?? []), { rule, pattern }]);
      }
    }
  }

  const { negation } = data.words;
  return {
    registry,
    rules: compiledRules,
    patternsByFirstTerm,
    exclusions: indexByFirstTerm(data.exclusions.groups.flatMap((group) => group.patterns.map(compile))),
    negatorIds: new Set(negation.negators.map((word) => registry.register(word))),
    negationBoundaryIds: new Set(negation.scope_boundaries.map((word) => registry.register(word))),
    negationLookback: negation.lookback_words,
    neutralizers: indexByFirstTerm(negation.neutralizers.map(compile)),
  };
}

/** Resolve list entries of the form "@other_list" into the other list's entries. */
function expandLists(source: Record<string, string[]>): WordLists {
  const lists = new Map<string, string[]>();
  const expand = (name: string, path: string[]): string[] => {
    const known = lists.get(name);
    if (known) return known;
    const entries = source[name];
    if (!Array.isArray(entries)) throw new Error(`crisis-words.json: the list "${name}" (named by ${path.join(" → ") || "a pattern"}) is not defined.`);
    if (path.includes(name)) throw new Error(`crisis-words.json: the lists ${[...path, name].join(" → ")} include each other.`);
    const expanded = entries.flatMap((entry) => (entry.startsWith("@") ? expand(entry.slice(1), [...path, name]) : [entry]));
    lists.set(name, expanded);
    return expanded;
  };
  for (const name of Object.keys(source)) expand(name, []);
  return lists;
}
