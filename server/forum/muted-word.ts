import { sql } from "drizzle-orm";
import { z } from "zod";

import { MUTED_WORD_MAX_LENGTH, MUTED_WORD_MIN_LENGTH } from "./muted-word-limits";
import type { Transaction } from "../platform/db";

export type MutedWordErrorCode = "word_missing" | "word_too_short" | "word_too_long" | "word_without_letters" | "too_many_words";

/** Return a muted word in its stored form: trimmed, spaces collapsed and lower case, e.g. "ta livet av meg". */
export function normalizeMutedWord(word: string): string {
  return word.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** A word or short phrase a reader does not want to see, in its stored form. */
export const mutedWordSchema = z
  .string({ message: "word_missing" })
  .overwrite(normalizeMutedWord)
  .min(1, { message: "word_missing" })
  .min(MUTED_WORD_MIN_LENGTH, { message: "word_too_short" })
  .max(MUTED_WORD_MAX_LENGTH, { message: "word_too_long" })
  .regex(/[\p{L}\p{N}]/u, { message: "word_without_letters" });

export function mutedWordErrorCode(error: z.ZodError): MutedWordErrorCode {
  const message = error.issues[0]?.message;
  const known: readonly string[] = ["word_missing", "word_too_short", "word_too_long", "word_without_letters"];
  return message !== undefined && known.includes(message) ? (message as MutedWordErrorCode) : "word_missing";
}

/** Any fixed number, distinct from the other advisory locks; the second key is the account. */
const MUTED_WORDS_LOCK_ID = 4_207_314;

/**
 * Serialise changes to one reader's muted words until the transaction ends,
 * so two tabs adding a word at once cannot pass the limit together.
 */
export async function lockMutedWords(tx: Transaction, accountId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${MUTED_WORDS_LOCK_ID}, hashtext(${accountId}))`);
}
