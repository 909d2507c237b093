import { and, asc, desc, eq, exists, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";

import type { Actor } from "./actor";
import { unsafeListDisplayNames, type DisplayName } from "./list-display-names";
import { roles, type Role } from "./roles";
import { accountRoles, accounts } from "./schema";
import { communities, communityMemberships } from "../communities/schema";
import type { KeyRing } from "../platform/crypto";
import type { Executor } from "../platform/db";
import { afterKeysetPosition, decodeKeysetCursor, encodeKeysetCursor, keysetTimestamp } from "../platform/keyset-cursor";
import { can } from "../policy";

export const ACCOUNTS_PAGE_SIZE = 50;

/** One account in the administrator's list, with no identity field beyond the display name. */
export interface AccountListing {
  accountId: string;
  displayName: DisplayName;
  roles: Role[];
  communities: { id: string; name: string }[];
  status: "active" | "disabled";
  createdAt: Date;
  isDemo: boolean;
  /** True for the administrator's own account, which they may not disable. */
  isSelf: boolean;
}

export interface AccountFilter {
  role?: Role;
  communityId?: string;
  status?: "active" | "disabled";
}

export type ListAccountsResult = { status: "listed"; accounts: AccountListing[]; filter: AccountFilter; nextCursor: string | null } | { status: "not_found" };

// Filters come from a URL. A value that does not parse is dropped, so the page shows everyone instead of an error.
const filterSchema = z.object({
  role: z.enum(roles).optional().catch(undefined),
  communityId: z.uuid().optional().catch(undefined),
  status: z.enum(["active", "disabled"]).optional().catch(undefined),
});

/** List accounts for an administrator, newest first, 50 a page, optionally by role, community and status. */
export async function listAccounts(
  db: Executor,
  keys: KeyRing,
  actor: Actor,
  query: { role?: unknown; communityId?: unknown; status?: unknown; cursor?: unknown },
): Promise<ListAccountsResult> {
  if (!can(actor, "admin.view")) return { status: "not_found" };

  const filter = stripUndefined(filterSchema.parse({ role: query.role ?? undefined, communityId: query.communityId ?? undefined, status: query.status ?? undefined }));
  const position = decodeKeysetCursor(query.cursor);

  const conditions: SQL[] = [];
  if (filter.role) {
    conditions.push(exists(db.select({ one: sql`1` }).from(accountRoles).where(and(eq(accountRoles.accountId, accounts.id), eq(accountRoles.role, filter.role)))));
  }
  if (filter.communityId) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(communityMemberships)
          .where(and(eq(communityMemberships.accountId, accounts.id), eq(communityMemberships.communityId, filter.communityId))),
      ),
    );
  }
  if (filter.status) conditions.push(eq(accounts.status, filter.status));
  if (position) conditions.push(afterKeysetPosition(accounts.createdAt, accounts.id, position));

  // One row more than a page shows whether a next page exists.
  // NOTE: accounts has no index on (created_at, id), so each page sorts every matching account. That is cheap for
  // the thousands of accounts a municipality has; a deployment with far more needs the index.
  const rows = await db
    .select({ id: accounts.id, status: accounts.status, createdAt: accounts.createdAt, cursorTimestamp: keysetTimestamp(accounts.createdAt), isDemo: accounts.isDemo })
    .from(accounts)
    .where(and(...conditions))
    .orderBy(desc(accounts.createdAt), desc(accounts.id))
    .limit(ACCOUNTS_PAGE_SIZE + 1);
  const page = rows.slice(0, ACCOUNTS_PAGE_SIZE);
  const last = page.at(-1);
  const nextCursor = rows.length > ACCOUNTS_PAGE_SIZE && last ? encodeKeysetCursor({ createdAt: last.cursorTimestamp, id: last.id }) : null;

  const ids = page.map((row) => row.id);
  const [roleRows, communityRows, names] = await Promise.all([
    ids.length > 0 ? db.select({ accountId: accountRoles.accountId, role: accountRoles.role }).from(accountRoles).where(inArray(accountRoles.accountId, ids)).orderBy(asc(accountRoles.role)) : [],
    ids.length > 0
      ? db
          .select({ accountId: communityMemberships.accountId, id: communities.id, name: communities.name })
          .from(communityMemberships)
          .innerJoin(communities, eq(communities.id, communityMemberships.communityId))
          .where(inArray(communityMemberships.accountId, ids))
          .orderBy(asc(communities.name))
      : [],
    unsafeListDisplayNames(db, keys, ids),
  ]);

  return {
    status: "listed",
    filter,
    nextCursor,
    accounts: page.map((row) => ({
      accountId: row.id,
      displayName: names.get(row.id) ?? { kind: "none" },
      roles: roleRows.filter((roleRow) => roleRow.accountId === row.id).map((roleRow) => roleRow.role),
      communities: communityRows.filter((community) => community.accountId === row.id).map(({ id, name }) => ({ id, name })),
      status: row.status,
      createdAt: row.createdAt,
      isDemo: row.isDemo,
      isSelf: row.id === actor.accountId,
    })),
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
