import { getThreadPage } from "../forum/get-thread-page";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { threadIdFromInput } from "./cafe-input";

export type FindLinkableThreadResult = { status: "none" } | { status: "found"; threadId: string; title: string } | { status: "invalid" };

/**
 * Resolve a pasted thread link or id to a thread the person may read, using
 * the forum's own thread page rules, so a kafé never links to a closed
 * group's thread or a hidden thread the person cannot open.
 */
export async function findLinkableThread(executor: Executor, actor: Actor, input: string | null): Promise<FindLinkableThreadResult> {
  if (input === null) return { status: "none" };
  const threadId = threadIdFromInput(input);
  if (!threadId) return { status: "invalid" };

  const page = await getThreadPage(executor, actor, threadId, 1, "nb");
  if (page.status !== "found") return { status: "invalid" };
  return { status: "found", threadId: page.thread.id, title: page.thread.title };
}
