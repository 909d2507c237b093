export const roles = ["member", "peer_moderator", "provider", "administrator", "researcher"] as const;
export type Role = (typeof roles)[number];

export const locales = ["nb", "nn", "en"] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
