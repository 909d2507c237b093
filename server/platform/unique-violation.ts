/** PostgreSQL's SQLSTATE for a unique constraint violation. */
const UNIQUE_VIOLATION = "23505";

/**
 * True when the error, or an error it wraps, is a unique violation, optionally
 * of one named constraint. Drizzle wraps driver errors in `cause`, and pg and
 * PGlite both report the SQLSTATE as `code` and the index as `constraint`.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
    const { code, constraint: violated, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === UNIQUE_VIOLATION) return constraint === undefined || violated === constraint;
    current = cause;
  }
  return false;
}
