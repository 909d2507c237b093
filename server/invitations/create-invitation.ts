import { createHmac } from "node:crypto";

import { eq } from "drizzle-orm";
import { z } from "zod";

import { recordAuditEvent } from "../audit/record-audit-event";
import { communities, communityMemberships } from "../communities/schema";
import type { PersonActor } from "../identity/actor";
import { normaliseClaimValue } from "../identity/find-account";
import { roles, type Locale, type Role } from "../identity/roles";
import type { Config } from "../platform/config";
import { encryptText, lookupHash, sha256Hex, type KeyRing } from "../platform/crypto";
import type { Database } from "../platform/db";
import type { Logger } from "../platform/logger";
import type { Mailer } from "../platform/mail";
import { can, invitableRoles, mayInviteToCommunity } from "../policy";
import { INVITEE_EMAIL_MAX_LENGTH, INVITEE_NAME_MAX_LENGTH } from "./invitation-limits";
import { composeInvitationMail } from "./invitation-mail";
import { invitations } from "./schema";


/** A random value rendered into each invitation form: 32 random bytes in base64url. */
export const formKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "invitation_form_key_invalid" });

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { message: tooLong })
    .transform((value) => value || undefined)
    .optional();

/** The invitation form as the server accepts it. Messages are stable codes the page translates. */
export const createInvitationSchema = z.object({
  role: z.enum(roles, { message: "invitation_role_invalid" }),
  communityId: z
    .union([z.literal(""), z.uuid({ message: "invitation_community_invalid" })])
    .optional()
    .transform((value) => value || null),
  fullName: optionalText(INVITEE_NAME_MAX_LENGTH, "invitation_name_too_long"),
  email: z
    .string()
    .trim()
    .max(INVITEE_EMAIL_MAX_LENGTH, { message: "invitation_email_too_long" })
    .refine((value) => value === "" || z.email().safeParse(value).success, { message: "invitation_email_invalid" })
    .transform((value) => value || undefined)
    .optional(),
  formKey: formKeySchema,
});

export type CreateInvitationInput = z.output<typeof createInvitationSchema>;

export interface InvitationServices {
  db: Database;
  keys: KeyRing;
  config: Pick<Config, "publicUrl" | "invitationValidDays">;
  mailer: Mailer;
  log: Logger;
}

export type CreateInvitationResult =
  | { status: "created"; invitation: CreatedInvitation }
  | { status: "not_found" | "community_required" | "form_already_used" };

export interface CreatedInvitation {
  id: string;
  role: Role;
  communityName: string | null;
  /** The full link for the inviter to copy. Only the token's hash is stored. */
  link: string;
  expiresAt: Date;
  /** True when the link was also queued for sending to the invitee's e-mail address. */
  emailQueued: boolean;
}

/**
 * Create an invitation to a role and, for members, a community. Denied and
 * unknown communities both read "not_found". Submitting the same form twice
 * returns the invitation the first submission created.
 */
export async function createInvitation(
  services: InvitationServices,
  actor: PersonActor,
  input: CreateInvitationInput & { locale: Locale },
  now = new Date(),
): Promise<CreateInvitationResult> {
  const { db, keys, config } = services;

  if (!can(actor, "invitations.create") || !invitableRoles(actor).includes(input.role)) return { status: "not_found" };
  if (input.role === "member" && !input.communityId) return { status: "community_required" };

  let communityName: string | null = null;
  if (input.communityId) {
    const [community] = await db.select({ name: communities.name }).from(communities).where(eq(communities.id, input.communityId));
    const ownCommunities = await db.select({ id: communityMemberships.communityId }).from(communityMemberships).where(eq(communityMemberships.accountId, actor.accountId));
    const allowed = mayInviteToCommunity(
      actor,
      input.communityId,
      ownCommunities.map((row) => row.id),
    );
    if (!community || !allowed) return { status: "not_found" };
    communityName = community.name;
  }

  const token = invitationToken(keys, actor.accountId, input.formKey);
  const tokenHash = sha256Hex(token);
  const expiresAt = new Date(now.getTime() + config.invitationValidDays * 86_400_000);
  const link = new URL(`/invite/${token}`, config.publicUrl).href;

  const insertedId = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(invitations)
      .values({
        tokenHash,
        role: input.role,
        communityId: input.communityId,
        invitedBy: actor.accountId,
        fullNameEncrypted: input.fullName ? encryptText(keys, input.fullName) : null,
        emailEncrypted: input.email ? encryptText(keys, input.email) : null,
        emailLookup: input.email ? lookupHash(keys, "email", normaliseClaimValue({ kind: "email", value: input.email })) : null,
        createdAt: now,
        expiresAt,
      })
      .onConflictDoNothing({ target: invitations.tokenHash })
      .returning({ id: invitations.id });
    if (!inserted) return null;

    await recordAuditEvent(tx, {
      actorId: actor.accountId,
      action: "invitation.created",
      subjectType: "invitation",
      subjectId: inserted.id,
      details: { role: input.role, communityId: input.communityId, withEmail: input.email !== undefined },
    });
    return inserted.id;
  });

  if (insertedId === null) return findEarlierSubmission(services, tokenHash, link, communityName, now);

  const emailQueued = input.email !== undefined && services.mailer.enabled;
  if (emailQueued && input.email) {
    const mail = composeInvitationMail({ link, validDays: config.invitationValidDays, locale: input.locale });
    services.mailer.sendLater({ to: input.email, ...mail }, { invitationId: insertedId, event: "invitation.mailed" });
  }
  services.log.info({ invitationId: insertedId, accountId: actor.accountId }, "invitation.created");

  return { status: "created", invitation: { id: insertedId, role: input.role, communityName, link, expiresAt, emailQueued } };
}

/**
 * Return the result of the first submission of a form sent twice (a double
 * click, or a reload that posts again). The link is returned again only while
 * the invitation is still pending. Otherwise the inviter needs a fresh form.
 */
async function findEarlierSubmission(
  services: InvitationServices,
  tokenHash: string,
  link: string,
  communityName: string | null,
  now: Date,
): Promise<CreateInvitationResult> {
  const [earlier] = await services.db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  if (!earlier || earlier.acceptedAt || earlier.revokedAt || earlier.expiresAt <= now) return { status: "form_already_used" };

  return {
    status: "created",
    invitation: { id: earlier.id, role: earlier.role, communityName, link, expiresAt: earlier.expiresAt, emailQueued: earlier.emailEncrypted !== null && services.mailer.enabled },
  };
}

/**
 * Derive the link token for one submission of one inviter's form: an HMAC of the form
 * key under the server's lookup key. Deriving it, instead of drawing a fresh
 * random token, lets a resubmitted form find and show the same link again
 * while the database still stores only the token's SHA-256. The form key is
 * 256 random bits and is not stored, so the token stays unguessable.
 */
function invitationToken(keys: KeyRing, inviterId: string, formKey: string): string {
  return createHmac("sha256", keys.lookupKey).update(`invitation-token:${inviterId}:${formKey}`).digest("base64url");
}
