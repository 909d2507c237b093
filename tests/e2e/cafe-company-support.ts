import { demoCafeSeries } from "../../scripts/seed-demo-cafes";
import { demoForumId } from "../../scripts/seed-demo-forum";
import { instantToPortalLocalTime, portalLocalTimeToInstant } from "../../server/platform/portal-time";

/**
 * Find the next demo kafé of a community the way the demo seed makes them:
 * the series' weekday of the month at its local start time, the first one
 * that starts after `now`. The portal is seeded when the run starts, so a
 * kafé that starts between seeding and this call is the only case it misses.
 */
export function nextDemoCafe(community: "bjorkelia" | "havnoy", now = new Date()): { id: string; startsAt: Date } {
  const series = demoCafeSeries.find((candidate) => candidate.community === community)!;
  const [year, month] = instantToPortalLocalTime(now).slice(0, 7).split("-").map(Number) as [number, number];
  for (let offset = 0; offset <= 2; offset++) {
    const date = nthWeekdayOfMonth(year, month - 1 + offset, series.weekday, series.weekOfMonth);
    const startsAt = portalLocalTimeToInstant(`${date}T${series.startTime}`)!;
    if (startsAt.getTime() > now.getTime()) return { id: demoForumId("cafe", `${community}:${date}`), startsAt };
  }
  throw new Error(`No demo kafé in ${community} within two months.`);
}

/** Return the local date ("YYYY-MM-DD") of the nth ISO weekday of a month. `month` counts from 0 and may pass 11. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, weekOfMonth: number): string {
  const first = new Date(Date.UTC(year, month, 1));
  const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const firstWeekday = ((first.getUTCDay() + 6) % 7) + 1;
  const firstMatch = 1 + ((weekday - firstWeekday + 7) % 7);
  const day = weekOfMonth === -1 ? firstMatch + 7 * Math.floor((daysInMonth - firstMatch) / 7) : firstMatch + 7 * (weekOfMonth - 1);
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
