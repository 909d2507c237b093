import type { Locale } from "../server/identity/roles";

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
