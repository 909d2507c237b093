import { and, inArray } from "drizzle-orm";

import { accountReachable } from "../identity/account-reachability";
import { unsafeFindMembersByPseudonym } from "../identity/find-members-by-pseudonym";
import { PSEUDONYM_MAX_LENGTH, pseudonymKey } from "../identity/pseudonym";
import { accounts } from "../identity/schema";
import type { Executor } from "../platform/db";

/** Mentions beyond this many in one post notify nobody, so a post cannot page the whole forum. */
export const MAX_MENTIONS_PER_POST = 10;

// Pseudonyms may contain spaces ("Stille vann"), so every "@" offers candidates of one to four words; the longest that names a member wins.
const MAX_WORDS_IN_MENTION = 4;
const mentionStart = /(^|[^\p{L}\p{N}@])@(?=[\p{L}\p{N}])/gu;
const word = /^[\p{L}\p{N}][\p{L}\p{N}._-]*/u;

/** Candidate pseudonyms after each "@" in the text, shortest first per mention. */
export function mentionCandidates(text: string): string[][] {
  const mentions: string[][] = [];
  for (const match of text.matchAll(mentionStart)) {
    const rest = text.slice(match.index + match[0].length, match.index + match[0].length + PSEUDONYM_MAX_LENGTH + 1);
    const candidates: string[] = [];
    let taken = "";
    let remaining = rest;
    for (let count = 0; count < MAX_WORDS_IN_MENTION; count++) {
      const next = word.exec(remaining);
      if (!next) break;
      taken += next[0];
      candidates.push(taken.replace(/[._-]+$/, ""));
      remaining = remaining.slice(next[0].length);
      const space = /^ (?=[\p{L}\p{N}])/u.exec(remaining);
      if (!space) break;
      taken += " ";
      remaining = remaining.slice(1);
    }
    if (candidates.length > 0) mentions.push(candidates);
  }
  return mentions;
}

/**
 * Find the accounts a post mentions with "@pseudonym", at most
 * MAX_MENTIONS_PER_POST of them. A mention of a disabled account or of a
 * member taking a break resolves to nobody. It does not fall back to a
 * shorter pseudonym either, so "@Stille vann" never notifies "Stille" instead.
 */
export async function unsafeFindMentionedAccounts(db: Executor, text: string): Promise<string[]> {
  const mentions = mentionCandidates(text).slice(0, MAX_MENTIONS_PER_POST);
  if (mentions.length === 0) return [];

  const members = await unsafeFindMembersByPseudonym(db, mentions.flat());
  const byKey = new Map(members.map((member) => [member.key, member.accountId]));
  const accountIds = new Set<string>();
  for (const candidates of mentions) {
    const longest = [...candidates].reverse().find((candidate) => byKey.has(pseudonymKey(candidate)));
    if (longest) accountIds.add(byKey.get(pseudonymKey(longest))!);
  }
  if (accountIds.size === 0) return [];

  const reachable = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(inArray(accounts.id, [...accountIds]), accountReachable()));
  return reachable.map((row) => row.id);
}
