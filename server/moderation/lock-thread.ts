import type { Actor } from "../identity/actor";
import type { Database } from "../platform/db";
import { setThreadState, type SetThreadStateResult } from "./set-thread-state";

/** Lock a thread: members can still read it, but nobody can reply. */
export function lockThread(db: Database, actor: Actor, threadId: string, input: { reason?: unknown }): Promise<SetThreadStateResult> {
  return setThreadState(db, actor, threadId, "lock", input);
}

/** Open a locked thread for replies again. */
export function unlockThread(db: Database, actor: Actor, threadId: string, input: { reason?: unknown }): Promise<SetThreadStateResult> {
  return setThreadState(db, actor, threadId, "unlock", input);
}
