import { and, desc, sql, type SQL } from "drizzle-orm";

import { auditEvents } from "./schema";
import { unsafeListCommunityNames } from "../communities/list-community-names";
import type { Actor } from "../identity/actor";
import { unsafeListDisplayNames, type DisplayName } from "../identity/list-display-names";
import type { KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { afterKeysetPosition, decodeKeysetCursor, encodeKeysetCursor, keysetTimestamp } from "../platform/keyset-cursor";
import { can, type Permission } from "../policy";

export const AUDIT_EVENTS_PAGE_SIZE = 50;
export const ACTION_PREFIX_MAX_LENGTH = 60;

/** Characters an action prefix may contain: those of event names such as `account.disabled`. */
const actionPrefixPattern = /^[a-z0-9_.]+$/;

/**
 * A person or community named in an event: the id, and a label that follows
 * the display-name rule (pseudonym or real name, never both).
 */
export type AuditSubjectLabel = DisplayName | { kind: "community"; text: string };

export interface AuditEventListing {
  id: string;
  createdAt: Date;
  action: string;
  actor: { id: string; label: DisplayName } | null;
  subject: { type: string; id: string; label: AuditSubjectLabel | null };
  /** Ids and codes only, as recorded. */
  details: [string, string | number | boolean | null][];
}

export type ListAuditEventsResult =
  | { status: "listed"; events: AuditEventListing[]; actionPrefix: string; nextCursor: string | null }
  | { status: "invalid_prefix"; actionPrefix: string }
  | { status: "not_found" };

/**
 * Which part of the log a reader asks for: administrators read all of it;
 * the moderation log is the `moderation.` actions, for peer moderators and
 * administrators.
 */
export type AuditLogScope = "all" | "moderation";

const scopes: Record<AuditLogScope, { permission: Permission; actionPrefix: string }> = {
  all: { permission: "audit_log.view", actionPrefix: "" },
  moderation: { permission: "moderation_log.view", actionPrefix: "moderation." },
};

/** List audit events newest first, 50 a page, optionally only actions that start with a prefix such as `account.`. */
export async function listAuditEvents(
  db: Executor,
  keys: KeyRing,
  actor: Actor,
  query: { actionPrefix?: unknown; cursor?: unknown; scope?: AuditLogScope },
): Promise<ListAuditEventsResult> {
  const scope = scopes[query.scope ?? "all"];
  if (!can(actor, scope.permission)) return { status: "not_found" };

  const actionPrefix = typeof query.actionPrefix === "string" ? query.actionPrefix.trim().toLowerCase() : "";
  if (actionPrefix.length > ACTION_PREFIX_MAX_LENGTH || (actionPrefix !== "" && !actionPrefixPattern.test(actionPrefix))) {
    return { status: "invalid_prefix", actionPrefix: typeof query.actionPrefix === "string" ? query.actionPrefix.slice(0, 200) : "" };
  }
  const position = decodeKeysetCursor(query.cursor);

  const conditions: SQL[] = [];
  if (scope.actionPrefix) conditions.push(sql`starts_with(${auditEvents.action}, ${scope.actionPrefix})`);
  // starts_with compares literally, so `_` in a prefix is not a LIKE wildcard.
  if (actionPrefix) conditions.push(sql`starts_with(${auditEvents.action}, ${actionPrefix})`);
  if (position) conditions.push(afterKeysetPosition(auditEvents.createdAt, auditEvents.id, position));

  const rows = await db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      cursorTimestamp: keysetTimestamp(auditEvents.createdAt),
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(AUDIT_EVENTS_PAGE_SIZE + 1);
  const page = rows.slice(0, AUDIT_EVENTS_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > AUDIT_EVENTS_PAGE_SIZE && last ? encodeKeysetCursor({ createdAt: last.cursorTimestamp, id: last.id }) : null;

  const accountIds = page.flatMap((row) => [row.actorId, row.subjectType === "account" ? row.subjectId : null]).filter((id): id is string => id !== null);
  const communityIds = page.filter((row) => row.subjectType === "community").map((row) => row.subjectId);
  const [names, communityNames] = await Promise.all([unsafeListDisplayNames(db, keys, accountIds), unsafeListCommunityNames(db, communityIds)]);

  return {
    status: "listed",
    actionPrefix,
    nextCursor,
    events: page.map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      actor: row.actorId ? { id: row.actorId, label: names.get(row.actorId) ?? { kind: "none" } } : null,
      subject: { type: row.subjectType, id: row.subjectId, label: subjectLabel(row.subjectType, row.subjectId, names, communityNames) },
      details: Object.entries(row.details),
    })),
  };
}

function subjectLabel(type: string, id: string, names: Map<string, DisplayName>, communityNames: Map<string, string>): AuditSubjectLabel | null {
  if (type === "account") return names.get(id) ?? { kind: "none" };
  if (type === "community") {
    const name = communityNames.get(id);
    return name === undefined ? null : { kind: "community", text: name };
  }
  return null;
}
