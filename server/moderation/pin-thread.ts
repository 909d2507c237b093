import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { setThreadState, type SetThreadStateResult } from "./set-thread-state";

/** Pin a thread to the top of its category, such as a reflection exercise before a kafé. */
export function pinThread(db: Database, actor: Actor, threadId: string, input: { reason?: unknown }): Promise<SetThreadStateResult> {
  return setThreadState(db, actor, threadId, "pin", input);
}

/** Let a pinned thread take its place by activity again. */
export function unpinThread(db: Database, actor: Actor, threadId: string, input: { reason?: unknown }): Promise<SetThreadStateResult> {
  return setThreadState(db, actor, threadId, "unpin", input);
}
