import type { Locale } from "../server/identity/roles";

// English uses British order (day month year), as Norwegians expect. Nynorsk dates are
// formatted as Bokmål: without weekdays the two read the same, and Debian's Chromium has
// no "nn" data, so "nn-NO" there gives US English and the hydrated page would differ from the server's.
const intlLocales: Record<Locale, string> = { nb: "nb-NO", nn: "nb-NO", en: "en-GB" };

export const PORTAL_TIME_ZONE = "Europe/Oslo";

// Building a formatter costs about 50 times as much as using one, and a forum page formats dozens of dates, so each is made once.
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** Format an instant as a date and time in Norway's time zone, whatever the server's zone. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: "medium", timeStyle: "short", timeZone: PORTAL_TIME_ZONE });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(value));
}

export function formatDate(value: Date | string, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: "long", timeZone: PORTAL_TIME_ZONE });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(value));
}
