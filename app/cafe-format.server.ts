import type { Locale } from "../server/identity/roles";

// Kafé times name the weekday, which Bokmål and Nynorsk write differently, and Debian's Chromium has no
// "nn" locale data. So these run on the server only: loaders word the times and pages show the text.

const intlLocales: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };
const startFormats = new Map<Locale, Intl.DateTimeFormat>();
const timeFormats = new Map<Locale, Intl.DateTimeFormat>();

function startFormat(locale: Locale) {
  let format = startFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Oslo" });
    startFormats.set(locale, format);
  }
  return format;
}

export function formatCafeClockTime(value: Date | string, locale: Locale): string {
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocales[locale], { timeStyle: "short", timeZone: "Europe/Oslo" });
    timeFormats.set(locale, format);
  }
  return format.format(new Date(value));
}

/** Format a kafé's weekday, date and start time in Norway's time zone, with the end time: "tirsdag 15. desember 2026 kl. 18:00–20:00". */
export function formatCafeTime(startsAt: Date | string, endsAt: Date | string, locale: Locale): string {
  return `${startFormat(locale).format(new Date(startsAt))}–${formatCafeClockTime(endsAt, locale)}`;
}

/** Name an ISO weekday (1 Monday to 7 Sunday) in the reader's language. */
export function weekdayName(weekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(intlLocales[locale], { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, weekday)));
}
