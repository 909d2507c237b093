/**
 * Keep a post-sign-in redirect on this site: only an absolute path is
 * accepted, never `//host`, a backslash trick or a full URL.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 500) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  // Control characters can make browsers read the rest as another URL.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;

  const parsed = new URL(value, "http://portal.invalid");
  if (parsed.origin !== "http://portal.invalid") return fallback;
  return `${parsed.pathname}${parsed.search}`;
}
