import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";

import { contentWarningSchema, idempotencyKeySchema, postBodySchema, postFieldErrors, threadTitleSchema, type PostFieldErrors } from "./post-input";
import { publishOnce, unsafePublishPost, type PublishedPostRef } from "./publish-post";
import { closedGroupMembers, forumCategories, forumThreads } from "./schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../identity/actor";
import { unsafeFindActiveSuspension, type SuspendedResult } from "../moderation/find-active-suspension";
import type { Database, Executor } from "../platform/db";
import { can } from "../policy";

export type ThreadPlace = { kind: "category"; categoryId: string } | { kind: "group"; groupId: string };

export type CreateThreadResult = ({ status: "created" } & PublishedPostRef) | { status: "invalid"; errors: PostFieldErrors } | SuspendedResult | { status: "not_found" };

const threadInput = z.object({
  title: threadTitleSchema,
  body: postBodySchema,
  contentWarning: contentWarningSchema,
  idempotencyKey: idempotencyKeySchema,
});

export function draftKeyForPlace(place: ThreadPlace): string {
  return place.kind === "category" ? `category:${place.categoryId}` : `group:${place.groupId}`;
}

/**
 * Start a thread with its opening post, in an open category or in a closed
 * group the writer has joined. Submitting the same form twice returns the
 * thread the first submit created. A peer moderator may pin the new thread
 * in the same step, as with a reflection exercise; `pin` from anyone else,
 * or in a closed group, is ignored.
 */
export async function createThread(
  db: Database,
  actor: Actor,
  place: ThreadPlace,
  input: { title: unknown; body: unknown; contentWarning?: unknown; idempotencyKey: unknown; pin?: boolean },
): Promise<CreateThreadResult> {
  if (!can(actor, "forum.write") || !actor.hasMemberProfile) return { status: "not_found" };
  const suspension = await unsafeFindActiveSuspension(db, actor.accountId);
  if (suspension) return { status: "suspended", endsAt: suspension.endsAt };
  const pin = input.pin === true && place.kind === "category" && can(actor, "forum.moderate");

  const parsed = threadInput.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: postFieldErrors(parsed.error) };
  const { title, body, contentWarning, idempotencyKey } = parsed.data;

  return publishOnce(db, actor.accountId, idempotencyKey, () =>
    db.transaction(async (tx) => {
      if (!(await mayStartThreadIn(tx, actor.accountId, place))) return { status: "not_found" } as const;

      const [thread] = await tx
        .insert(forumThreads)
        .values({
          title,
          authorId: actor.accountId,
          categoryId: place.kind === "category" ? place.categoryId : null,
          closedGroupId: place.kind === "group" ? place.groupId : null,
          pinnedAt: pin ? new Date() : null,
        })
        .returning({ id: forumThreads.id });

      const published = await unsafePublishPost(tx, {
        threadId: thread!.id,
        authorId: actor.accountId,
        authorIsModerator: can(actor, "forum.moderate"),
        title,
        body,
        contentWarning,
        quotedPostId: null,
        idempotencyKey,
        draftKey: draftKeyForPlace(place),
        newThread: { categoryId: place.kind === "category" ? place.categoryId : null },
      });
      if (pin) await recordAuditEvent(tx, { actorId: actor.accountId, action: "moderation.thread_pinned", subjectType: "forum_thread", subjectId: thread!.id, details: { reason: null, onCreate: true } });
      return { status: "created", ...published } as const;
    }),
  );
}

async function mayStartThreadIn(db: Executor, accountId: string, place: ThreadPlace): Promise<boolean> {
  if (place.kind === "category") {
    const [category] = await db
      .select({ id: forumCategories.id })
      .from(forumCategories)
      .where(and(eq(forumCategories.id, place.categoryId), isNull(forumCategories.archivedAt)));
    return Boolean(category);
  }

  const [membership] = await db
    .select({ status: closedGroupMembers.status })
    .from(closedGroupMembers)
    .where(and(eq(closedGroupMembers.groupId, place.groupId), eq(closedGroupMembers.accountId, accountId), eq(closedGroupMembers.status, "joined")));
  return Boolean(membership);
}
