import type { Locale } from "../server/identity/roles";

// Bokmål and Nynorsk share date conventions; English uses British order (day month year), as Norwegians expect.
const intlLocales: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export const PORTAL_TIME_ZONE = "Europe/Oslo";

/** Format an instant as a date and time in Norway's time zone, whatever the server's zone. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: "medium", timeStyle: "short", timeZone: PORTAL_TIME_ZONE }).format(new Date(value));
}

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: "long", timeZone: PORTAL_TIME_ZONE }).format(new Date(value));
}
