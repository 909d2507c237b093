import type { Locale } from "../server/identity/roles";
import type { ModeratedHoursWindow } from "../server/moderation/schema";

const intlLocales: Record<Locale, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

// 2026-01-05 is a Monday, so day n of that week has ISO weekday n.
const mondayUtc = Date.UTC(2026, 0, 5, 12);

/** Return the seven weekday names in the locale, Monday first, as ISO weekdays 1–7 number them. */
export function weekdayNames(locale: Locale): { weekday: number; name: string }[] {
  const format = new Intl.DateTimeFormat(intlLocales[locale], { weekday: "long", timeZone: "UTC" });
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, name: format.format(new Date(mondayUtc + (weekday - 1) * 86_400_000)) }));
}

/**
 * Word weekly windows compactly: days in a row with the same hours share one
 * range, as in "mandag–fredag 09:00–15:00 og lørdag 10:00–12:00".
 */
export function describeModeratedHours(windows: readonly ModeratedHoursWindow[], locale: Locale): string {
  const names = weekdayNames(locale);
  const spansByDay = new Map<number, string>();
  for (const window of windows) {
    const span = `${window.start}–${window.end}`;
    const earlier = spansByDay.get(window.weekday);
    spansByDay.set(window.weekday, earlier ? `${earlier}, ${span}` : span);
  }

  const groups: { first: number; last: number; spans: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const spans = spansByDay.get(weekday);
    if (!spans) continue;
    const previous = groups.at(-1);
    if (previous && previous.last === weekday - 1 && previous.spans === spans) previous.last = weekday;
    else groups.push({ first: weekday, last: weekday, spans });
  }

  const dayName = (weekday: number) => names[weekday - 1]!.name;
  const parts = groups.map((group) => {
    const days = group.first === group.last ? dayName(group.first) : `${dayName(group.first)}–${dayName(group.last)}`;
    return `${days} ${group.spans}`;
  });
  return new Intl.ListFormat(intlLocales[locale], { type: "conjunction" }).format(parts);
}
