import { eq } from "drizzle-orm";
import { z } from "zod";

import { idempotencyKeySchema } from "../forum/post-input";
import type { Actor } from "../identity/actor";
import { unsafeFindActiveSuspension } from "../moderation/find-active-suspension";
import type { Database } from "../platform/db";
import { can } from "../policy";
import { unsafeQueueCafeNotices } from "./cafe-notices";
import { COMPANY_MESSAGE_MAX_LENGTH, takesPartInCompany, unsafeListOfferParticipants } from "./company-access";
import { unsafeFindOfferForChange } from "./company-offer-for-change";
import { cafeCompanyMessages } from "./schema";

export type CompanyMessageErrors = Partial<Record<"body" | "form", string>>;

export type WriteCompanyMessageResult =
  | { status: "sent"; messageId: string }
  | { status: "invalid"; errors: CompanyMessageErrors }
  | { status: "closed" }
  | { status: "suspended" }
  | { status: "not_found" };

/** Plain text: line breaks kept, blank lines at the edges dropped. */
export const companyMessageBodySchema = z
  .string({ message: "body_missing" })
  .transform((body) => body.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().min(1, { message: "body_missing" }).max(COMPANY_MESSAGE_MAX_LENGTH, { message: "body_too_long" }));

const messageInput = z.object({ body: companyMessageBodySchema, idempotencyKey: idempotencyKeySchema });

/**
 * Write in an offer's conversation. Members who take part in the kafé's
 * going together may, and the community's peer moderators, who help people
 * find each other. The form's key makes a double submit post once. The
 * others in the conversation get a notice, except anyone on either side of
 * a block with the writer.
 */
export async function writeCompanyMessage(db: Database, actor: Actor, offerId: string, input: { body?: unknown; idempotencyKey?: unknown }, now: Date): Promise<WriteCompanyMessageResult> {
  if (!can(actor, "cafes.read") || !actor.hasMemberProfile) return { status: "not_found" };

  return db.transaction(async (tx): Promise<WriteCompanyMessageResult> => {
    const found = await unsafeFindOfferForChange(tx, actor, offerId, now);
    if (found.status !== "found") return found;
    const { access, offer } = found;
    if (!takesPartInCompany(access) && !access.moderatesCommunity) return { status: "not_found" };
    if (await unsafeFindActiveSuspension(tx, actor.accountId)) return { status: "suspended" };

    const parsed = messageInput.safeParse({ body: input.body, idempotencyKey: input.idempotencyKey });
    if (!parsed.success) {
      const errors: CompanyMessageErrors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] === "idempotencyKey" ? "form" : "body"] ??= issue.message;
      return { status: "invalid", errors };
    }
    const { body, idempotencyKey } = parsed.data;

    const [inserted] = await tx
      .insert(cafeCompanyMessages)
      .values({ offerId: offer.id, authorId: actor.accountId, body, idempotencyKey })
      .onConflictDoNothing({ target: cafeCompanyMessages.idempotencyKey })
      .returning({ id: cafeCompanyMessages.id });
    if (!inserted) {
      // The same form sent again: answer with the message it already made.
      const [earlier] = await tx
        .select({ id: cafeCompanyMessages.id, offerId: cafeCompanyMessages.offerId, authorId: cafeCompanyMessages.authorId })
        .from(cafeCompanyMessages)
        .where(eq(cafeCompanyMessages.idempotencyKey, idempotencyKey));
      if (earlier && earlier.offerId === offer.id && earlier.authorId === actor.accountId) return { status: "sent", messageId: earlier.id };
      return { status: "invalid", errors: { form: "form_expired" } };
    }

    const recipients = await unsafeListOfferParticipants(tx, access, offer);
    await unsafeQueueCafeNotices(
      tx,
      recipients.map((recipientId) => ({ recipientId, kind: "cafe_company_message" as const, cafeId: offer.cafeId, actorId: actor.accountId })),
      now,
    );
    return { status: "sent", messageId: inserted.id };
  });
}
