import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Keyset pagination over `(created_at, id)`, newest first. The cursor carries
 * the timestamp as PostgreSQL text with microseconds, because a JavaScript Date
 * keeps only milliseconds and rows created within one millisecond would be
 * skipped or shown twice.
 */
export interface KeysetPosition {
  /** ISO 8601 in UTC with six fractional digits, e.g. `2026-12-04T10:00:00.123456Z`. */
  createdAt: string;
  id: string;
}

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.createdAt}|${position.id}`, "utf8").toString("base64url");
}

/** Returns undefined for anything that is not a cursor this module made, so a hand-edited URL starts from the first page. */
export function decodeKeysetCursor(value: unknown): KeysetPosition | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 200) return undefined;

  const [createdAt = "", id = "", ...rest] = Buffer.from(value, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !timestampPattern.test(createdAt) || !uuidPattern.test(id)) return undefined;
  return { createdAt, id };
}

/** Format the column as cursor text, to select beside the row. */
export function keysetTimestamp(createdAt: AnyColumn): SQL<string> {
  return sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows after the position in `created_at desc, id desc` order. */
export function afterKeysetPosition(createdAt: AnyColumn, id: AnyColumn, position: KeysetPosition): SQL {
  return sql`(${createdAt}, ${id}) < (${position.createdAt}::timestamptz, ${position.id}::uuid)`;
}
