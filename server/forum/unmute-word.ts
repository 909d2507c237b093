import { and, eq } from "drizzle-orm";
import { normalizeMutedWord } from "./muted-word";
import { forumMutedWords } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type UnmuteWordResult = { status: "unmuted"; word: string } | { status: "unchanged" } | { status: "not_found" };

/**
 * Remove one of the reader's muted words, given as the list shows it or typed
 * in another case. A word the reader does not have is "unchanged". The word is
 * normalised but not validated, so a word stored under older limits can still be removed.
 */
export async function unmuteWord(db: Executor, actor: Actor, input: { word: unknown }): Promise<UnmuteWordResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  if (typeof input.word !== "string") return { status: "unchanged" };
  const word = normalizeMutedWord(input.word);

  const deleted = await db
    .delete(forumMutedWords)
    .where(and(eq(forumMutedWords.accountId, actor.accountId), eq(forumMutedWords.word, word)))
    .returning({ word: forumMutedWords.word });
  return deleted[0] ? { status: "unmuted", word: deleted[0].word } : { status: "unchanged" };
}
