import { and, eq, isNull } from "drizzle-orm";

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Database } from "../platform/db";
import type { PersonActor } from "./actor";
import { accounts } from "./schema";

export type AcceptTermsResult = { status: "accepted" | "already_accepted" };

/**
 * Record that the signed-in person accepted the terms of use. Accepting twice
 * (a double submit) keeps the first time and writes one audit event.
 */
// NOTE: there is no terms version yet, so changed terms are not put to people who accepted earlier ones.
export async function acceptTerms(db: Database, actor: PersonActor, now = new Date()): Promise<AcceptTermsResult> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ termsAcceptedAt: now })
      .where(and(eq(accounts.id, actor.accountId), isNull(accounts.termsAcceptedAt)))
      .returning({ id: accounts.id });
    if (updated.length === 0) return { status: "already_accepted" };

    await recordAuditEvent(tx, { actorId: actor.accountId, action: "terms.accepted", subjectType: "account", subjectId: actor.accountId });
    return { status: "accepted" };
  });
}
