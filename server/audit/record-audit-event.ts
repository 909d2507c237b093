import type { Executor } from "../platform/db";
import { auditEvents } from "./schema";

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Record<string, string | number | boolean | null>;
}

/** Append one audit event. Call it with the transaction that makes the change, so both land or neither does. */
export async function recordAuditEvent(tx: Executor, event: AuditEventInput) {
  await tx.insert(auditEvents).values({ ...event, details: event.details ?? {} });
}
