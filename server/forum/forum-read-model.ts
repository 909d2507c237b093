import { sql, type SQL } from "drizzle-orm";

import { forumThreadReads, forumThreads } from "./schema";
import { accountRoles, memberProfiles } from "../identity/schema";
import type { AnyColumn } from "drizzle-orm";

/**
 * Select expressions shared by forum lists and pages. Authors are shown by
 * pseudonym only; a deleted account shows as null and the page words it.
 */
export function authorPseudonym(authorColumn: AnyColumn): SQL<string | null> {
  return sql<string | null>`(select ${memberProfiles.pseudonym} from ${memberProfiles} where ${memberProfiles.accountId} = ${authorColumn})`;
}

/** Peer moderators' posts carry a role badge, so members know who speaks for the forum. */
export function authorIsModerator(authorColumn: AnyColumn): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${accountRoles} where ${accountRoles.accountId} = ${authorColumn} and ${accountRoles.role} = 'peer_moderator')`;
}

/** The reader's last read position in the thread, 0 when they never opened it. */
export function lastReadPosition(readerId: string): SQL<number> {
  return sql<number>`coalesce((select ${forumThreadReads.lastReadPosition} from ${forumThreadReads} where ${forumThreadReads.accountId} = ${readerId} and ${forumThreadReads.threadId} = ${forumThreads.id}), 0)`;
}
