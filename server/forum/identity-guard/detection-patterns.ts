import dateWords from "./date-words.json" with { type: "json" };
import patterns from "./patterns.json" with { type: "json" };
import socialMedia from "./social-media.json" with { type: "json" };

type PatternName = Exclude<keyof typeof patterns, "description">;

// Word lists that a pattern source can name as {list_name}.
const wordLists: Record<string, readonly string[]> = {
  months: Object.keys(dateWords.months),
  birth_cues: dateWords.birth_cues,
  birth_year_cues: dateWords.birth_year_cues.cues,
  hosts: socialMedia.hosts,
  platform_words: socialMedia.platform_words,
};

function escapeForPattern(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Join words into a regular-expression alternation, longest first so that "fødselsdagen" wins over "fødselsdag". */
function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeForPattern)
    .join("|");
}

function compile(name: PatternName): RegExp {
  const entry = patterns[name];
  // Placeholders are lower-case letters and underscores only, so quantifiers ({4}) and \p{L} are left alone.
  const source = entry.source.replace(/\{([a-z_]+)\}/g, (_placeholder, listName: string) => {
    const list = wordLists[listName];
    if (!list) throw new Error(`patterns.json: "${name}" names the word list {${listName}}, which detection-patterns.ts does not define.`);
    return alternation(list);
  });
  return new RegExp(source, entry.flags);
}

/** The patterns of patterns.json, compiled once. Global ones are for matchAll, which does not share lastIndex. */
export const detectionPatterns = {
  phoneNumber: compile("phone_number"),
  emailAddress: compile("email_address"),
  nationalIdNumber: compile("national_id_number"),
  carRegistration: compile("car_registration"),
  socialMediaHandle: compile("social_media_handle"),
  fediverseHandle: compile("fediverse_handle"),
  socialMediaLink: compile("social_media_link"),
  platformWord: compile("platform_word"),
  numericDate: compile("numeric_date"),
  isoDate: compile("iso_date"),
  numericDayMonth: compile("numeric_day_month"),
  dayMonthNameDate: compile("day_month_name_date"),
  monthNameDayDate: compile("month_name_day_date"),
  birthCue: compile("birth_cue"),
  birthYear: compile("birth_year"),
  houseNumber: compile("house_number"),
  fourDigits: compile("four_digits"),
  postcodeAfterCue: compile("postcode_after_cue"),
};
