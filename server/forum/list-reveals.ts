import { and, desc, eq, sql } from "drizzle-orm";

import type { Actor } from "../identity/actor";
import { memberProfiles } from "../identity/schema";
import { decryptText, type KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { blockedByViewer, mayReadForum, mutuallyRevealedWith } from "./member-relations";
import { memberReveals } from "./schema";

export interface RevealEntry {
  pseudonym: string;
  shownName: string;
  revealedAt: Date;
  /** True when the other member has revealed to the viewer too and neither blocks the other. */
  mutual: boolean;
}

export interface RevealsOverview {
  /** Names the viewer shows others: the viewer's own information. */
  given: RevealEntry[];
  /** Names others show the viewer, the receiver. Reveals from members the viewer blocks are left out while the block lasts. */
  received: RevealEntry[];
}

export type ListRevealsResult = { status: "listed"; reveals: RevealsOverview } | { status: "not_found" };

/** List the reveals the actor has given and received, with pseudonyms and shown names. */
export async function listReveals(db: Executor, keys: KeyRing, actor: Actor): Promise<ListRevealsResult> {
  if (!mayReadForum(actor)) return { status: "not_found" };

  const given = await db
    .select({
      pseudonym: memberProfiles.pseudonym,
      shownNameEncrypted: memberReveals.shownNameEncrypted,
      revealedAt: memberReveals.createdAt,
      mutual: mutuallyRevealedWith(actor.accountId, memberReveals.receiverId).mapWith(Boolean),
    })
    .from(memberReveals)
    .innerJoin(memberProfiles, eq(memberProfiles.accountId, memberReveals.receiverId))
    .where(eq(memberReveals.giverId, actor.accountId))
    .orderBy(desc(memberReveals.createdAt), memberProfiles.pseudonymKey);

  const received = await db
    .select({
      pseudonym: memberProfiles.pseudonym,
      shownNameEncrypted: memberReveals.shownNameEncrypted,
      revealedAt: memberReveals.createdAt,
      mutual: mutuallyRevealedWith(actor.accountId, memberReveals.giverId).mapWith(Boolean),
    })
    .from(memberReveals)
    .innerJoin(memberProfiles, eq(memberProfiles.accountId, memberReveals.giverId))
    .where(and(eq(memberReveals.receiverId, actor.accountId), sql`not ${blockedByViewer(actor.accountId, memberReveals.giverId)}`))
    .orderBy(desc(memberReveals.createdAt), memberProfiles.pseudonymKey);

  const present = (row: (typeof given)[number]): RevealEntry => ({
    pseudonym: row.pseudonym,
    shownName: decryptText(keys, row.shownNameEncrypted),
    revealedAt: row.revealedAt,
    mutual: row.mutual,
  });
  return { status: "listed", reveals: { given: given.map(present), received: received.map(present) } };
}
