import { randomInt } from "node:crypto";

import { inArray } from "drizzle-orm";

import type { Executor } from "../platform/db";
import { pseudonymKey, pseudonymResemblesName } from "./pseudonym";
import { memberProfiles } from "./schema";

// Invented Norwegian compounds from nature: calm, common words that say nothing
// about the person. Every first part joins every second part as one word.
const firstParts = ["Fjell", "Skog", "Sjø", "Vår", "Sommer", "Høst", "Vinter", "Morgen", "Kvelds", "Sol", "Måne", "Lyng", "Bjørke", "Elve", "Vind", "Strand", "Eike", "Multe", "Tåke", "Fjord"];
const secondParts = ["fugl", "rev", "blom", "lys", "sang", "bekk", "sti", "eng", "løv", "stjerne", "vang", "bris", "tind", "lerke", "gran"];

const CANDIDATE_COUNT = 12;
const MAX_DRAWS = 200;

/**
 * Suggest invented pseudonyms that nobody has taken, leaving out any that
 * resemble the person's own name. The real name is used only here, on the server.
 */
export async function suggestPseudonyms(db: Executor, options: { count: number; fullName: string | null }): Promise<string[]> {
  const candidates = new Map<string, string>();
  for (let draw = 0; draw < MAX_DRAWS && candidates.size < CANDIDATE_COUNT; draw++) {
    const candidate = `${firstParts[randomInt(firstParts.length)]}${secondParts[randomInt(secondParts.length)]}`;
    // Two digits once the plain compounds are scarce keep the list from running dry.
    const numbered = candidates.size >= CANDIDATE_COUNT / 2 ? `${candidate}${randomInt(10, 100)}` : candidate;
    if (!pseudonymResemblesName(numbered, options.fullName)) candidates.set(pseudonymKey(numbered), numbered);
  }

  const taken = await db.select({ key: memberProfiles.pseudonymKey }).from(memberProfiles).where(inArray(memberProfiles.pseudonymKey, [...candidates.keys()]));
  const takenKeys = new Set(taken.map((row) => row.key));

  return [...candidates.entries()]
    .filter(([key]) => !takenKeys.has(key))
    .map(([, pseudonym]) => pseudonym)
    .slice(0, options.count);
}
