import { eq } from "drizzle-orm";

import { forumMutedWords } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type ListMutedWordsResult = { status: "listed"; words: string[] } | { status: "not_found" };

/** List the reader's own muted words in Norwegian alphabetical order. */
export async function listMutedWords(db: Executor, actor: Actor): Promise<ListMutedWordsResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const rows = await db.select({ word: forumMutedWords.word }).from(forumMutedWords).where(eq(forumMutedWords.accountId, actor.accountId));

  const collator = new Intl.Collator("nb");
  return { status: "listed", words: rows.map((row) => row.word).sort(collator.compare) };
}
