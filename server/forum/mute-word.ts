import { eq } from "drizzle-orm";

import { mutedWordKey } from "./find-muted-words";
import { lockMutedWords, mutedWordErrorCode, mutedWordSchema, type MutedWordErrorCode } from "./muted-word";
import { MUTED_WORDS_MAX_PER_MEMBER } from "./muted-word-limits";
import { forumMutedWords } from "./schema";
import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { can } from "../policy";

export type MuteWordResult =
  | { status: "muted"; word: string }
  /** The reader had already muted this word, or one that matches the same posts: `word` is that one. */
  | { status: "unchanged"; word: string }
  | { status: "invalid"; error: MutedWordErrorCode }
  | { status: "not_found" };

/**
 * Add a word or short phrase to the reader's muted words: posts containing it
 * stay folded for them until they open the post. A word that matches the same
 * posts as one already muted ("Angst" after "angst") is ignored. A reader has
 * at most `MUTED_WORDS_MAX_PER_MEMBER` words.
 */
export async function muteWord(db: Database, actor: Actor, input: { word: unknown }): Promise<MuteWordResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const parsed = mutedWordSchema.safeParse(input.word);
  if (!parsed.success) return { status: "invalid", error: mutedWordErrorCode(parsed.error) };
  const word = parsed.data;

  return db.transaction(async (tx) => {
    await lockMutedWords(tx, actor.accountId);
    const existing = (await tx.select({ word: forumMutedWords.word }).from(forumMutedWords).where(eq(forumMutedWords.accountId, actor.accountId))).map((row) => row.word);

    const key = mutedWordKey(word);
    const same = existing.find((candidate) => mutedWordKey(candidate) === key);
    if (same !== undefined) return { status: "unchanged", word: same };
    if (existing.length >= MUTED_WORDS_MAX_PER_MEMBER) return { status: "invalid", error: "too_many_words" };

    await tx.insert(forumMutedWords).values({ accountId: actor.accountId, word }).onConflictDoNothing();
    return { status: "muted", word };
  });
}
