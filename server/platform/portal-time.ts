/** The portal's time zone: dates people type and read are Norwegian wall-clock time. */
export const PORTAL_TIME_ZONE = "Europe/Oslo";

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: PORTAL_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The wall-clock fields of an instant in the portal's time zone, read as if they were UTC: their difference to the instant is the zone's offset. */
function wallClockAsUtc(instant: Date): number {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
}

/**
 * Convert "YYYY-MM-DDTHH:MM" (what `<input type="datetime-local">` sends),
 * read as Europe/Oslo time, to an instant. Returns null for text that is not
 * such a time, or for a time the clock skips when summer time starts.
 * A time that occurs twice when summer time ends resolves to the first.
 */
export function portalLocalTimeToInstant(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;

  // Oslo is UTC+1 or UTC+2; try both offsets, earliest instant first, and keep the one whose wall clock matches.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asUtc - offsetHours * 3_600_000);
    if (wallClockAsUtc(candidate) === asUtc) return candidate;
  }
  return null;
}

/** Format an instant as "YYYY-MM-DDTHH:MM" in Europe/Oslo time, for a datetime-local field's value. */
export function instantToPortalLocalTime(instant: Date): string {
  return new Date(wallClockAsUtc(instant)).toISOString().slice(0, 16);
}
