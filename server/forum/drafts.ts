import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";

import { CONTENT_WARNING_MAX_LENGTH, POST_BODY_MAX_LENGTH, THREAD_TITLE_MAX_LENGTH } from "./post-input";
import { forumDrafts } from "./schema";
import type { Actor } from "../identity/actor";
import type { Executor } from "../platform/db";
import { can } from "../policy";

/** The place a draft belongs to: a reply (`thread:`), a new thread (`category:`, `group:`) or an edit (`post:`). */
export const draftKeySchema = z.string().regex(/^(thread|category|group|post):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

// A draft may run past the post limits: the member trims it before publishing, and nothing they typed is thrown away.
const draftInput = z.object({
  draftKey: draftKeySchema,
  title: z.string().max(THREAD_TITLE_MAX_LENGTH * 2).optional().default(""),
  body: z.string().max(POST_BODY_MAX_LENGTH * 2).optional().default(""),
  contentWarning: z.string().max(CONTENT_WARNING_MAX_LENGTH * 2).optional().default(""),
});

export interface Draft {
  title: string;
  body: string;
  contentWarning: string;
  updatedAt: Date;
}

export type SaveDraftResult = { status: "saved"; updatedAt: Date } | { status: "invalid" } | { status: "not_found" };

/**
 * Save what the member is writing, as they type, so it survives a reload or
 * a change of device. An empty draft is deleted.
 */
export async function saveDraft(db: Executor, actor: Actor, input: { draftKey: unknown; title?: unknown; body?: unknown; contentWarning?: unknown }): Promise<SaveDraftResult> {
  if (!can(actor, "forum.write")) return { status: "not_found" };
  const parsed = draftInput.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { draftKey, title, body, contentWarning } = parsed.data;

  if (title.trim() === "" && body.trim() === "" && contentWarning.trim() === "") {
    await discardDraft(db, actor, draftKey);
    return { status: "saved", updatedAt: new Date() };
  }

  const [saved] = await db
    .insert(forumDrafts)
    .values({ accountId: actor.accountId, draftKey, title, body, contentWarning })
    .onConflictDoUpdate({ target: [forumDrafts.accountId, forumDrafts.draftKey], set: { title, body, contentWarning, updatedAt: sql`now()` } })
    .returning({ updatedAt: forumDrafts.updatedAt });
  return { status: "saved", updatedAt: saved!.updatedAt };
}

/** Load the member's saved draft for a place, if any. */
export async function getDraft(db: Executor, actor: Actor, draftKey: string): Promise<Draft | null> {
  if (!can(actor, "forum.write") || !draftKeySchema.safeParse(draftKey).success) return null;

  const [draft] = await db
    .select({ title: forumDrafts.title, body: forumDrafts.body, contentWarning: forumDrafts.contentWarning, updatedAt: forumDrafts.updatedAt })
    .from(forumDrafts)
    .where(and(eq(forumDrafts.accountId, actor.accountId), eq(forumDrafts.draftKey, draftKey)));
  return draft ?? null;
}

export async function discardDraft(db: Executor, actor: Actor, draftKey: string) {
  if (!can(actor, "forum.write")) return;
  await db.delete(forumDrafts).where(and(eq(forumDrafts.accountId, actor.accountId), eq(forumDrafts.draftKey, draftKey)));
}
