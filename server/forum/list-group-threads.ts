import { z } from "zod";

import { inGroup, listVisibleThreads, type ThreadList } from "./list-threads";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

export type ListGroupThreadsResult = ({ status: "found" } & ThreadList) | { status: "not_found" };

/** A closed group's threads; the visibility rules return nothing to anyone who has not joined it. */
export async function listGroupThreads(db: Executor, actor: Actor, groupId: string, cursor?: unknown): Promise<ListGroupThreadsResult> {
  if (!can(actor, "forum.read") || !z.uuid().safeParse(groupId).success) return { status: "not_found" };

  return { status: "found", ...(await listVisibleThreads(db, actor.accountId, { where: inGroup(groupId), cursor })) };
}
