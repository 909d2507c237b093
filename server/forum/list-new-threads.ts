import { activeSince, listVisibleThreads, type ThreadList } from "./list-threads";
import { recordForumVisit } from "./record-thread-read";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type ListNewThreadsResult = ({ status: "found"; since: Date | null } & ThreadList) | { status: "not_found" };

/**
 * Threads with posts since the reader's previous visit, or unread by them,
 * across open categories they have not muted and their closed groups.
 */
export async function listNewThreads(db: Executor, actor: Actor, cursor?: unknown): Promise<ListNewThreadsResult> {
  if (!can(actor, "forum.read")) return { status: "not_found" };

  const since = await recordForumVisit(db, actor);
  const list = await listVisibleThreads(db, actor.accountId, { where: activeSince(actor.accountId, since), cursor });
  return { status: "found", since, ...list };
}
