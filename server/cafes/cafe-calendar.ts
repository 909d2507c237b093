import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

import { m } from "../../app/paraglide/messages.js";
import { cafePaths } from "../../app/cafe-paths";
import type { Locale } from "../identity/roles";
import { PORTAL_TIME_ZONE } from "../platform/portal-time";
import type { CafeRow } from "./cafe-access";

// ical-generator reads a native Date's wall clock in the process's own time
// zone when an event has a TZID, so events get dayjs objects that convert to
// Europe/Oslo themselves, whatever TZ the server runs with.
dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Europe/Oslo as a VTIMEZONE (RFC 5545, section 3.6.5). Norway has followed
 * the EU rule since 1996: summer time (UTC+2) from 01:00 UTC on the last Sunday
 * of March, standard time (UTC+1) from 01:00 UTC on the last Sunday of October.
 * DTSTART is the local time of each change before it happens: 02:00 CET and
 * 03:00 CEST. Kaféer are never earlier than 1996, so older rules are left out.
 * NOTE: if Norway or the EU stops changing clocks, this rule must change with it.
 */
export const EUROPE_OSLO_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Oslo",
  "X-LIC-LOCATION:Europe/Oslo",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/** How often a subscribed calendar should fetch the feed again, so a cancellation reaches it the same day. */
export const CALENDAR_FEED_REFRESH_SECONDS = 60 * 60;

/** SEQUENCE counts seconds from this instant, so it grows with each change and stays below 2^31 until 2088. */
const SEQUENCE_EPOCH_MS = Date.UTC(2020, 0, 1);

/** One kafé or meet-up as a calendar event. */
export interface CalendarEntry {
  cafeId: string;
  title: string;
  topic: string | null;
  placeName: string;
  address: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** The kafé's last change (an edit or the cancellation), for SEQUENCE and LAST-MODIFIED. */
  changedAt: Date;
}

export interface CafeCalendarOptions {
  entries: CalendarEntry[];
  /**
   * Neutral events carry a neutral word as the title and nothing else: no
   * description, no place, no address and no link, because family may see
   * the calendar and an address or a link to the portal can say as much as
   * a title. The member finds the place on the kafé page.
   */
  neutral: boolean;
  locale: Locale;
  publicUrl: URL;
  /** A subscription feed has a name and a refresh interval; a single download has neither. */
  feed: boolean;
  /** The time the file is made, for DTSTAMP. */
  now: Date;
}

/** Present a kafé row as a calendar entry. */
export function toCalendarEntry(cafe: Pick<CafeRow, "id" | "title" | "topic" | "placeName" | "address" | "startsAt" | "endsAt" | "cancelledAt" | "updatedAt">): CalendarEntry {
  const changedAt = cafe.cancelledAt && cafe.cancelledAt > cafe.updatedAt ? cafe.cancelledAt : cafe.updatedAt;
  return {
    cafeId: cafe.id,
    title: cafe.title,
    topic: cafe.topic,
    placeName: cafe.placeName,
    address: cafe.address,
    startsAt: cafe.startsAt,
    endsAt: cafe.endsAt,
    cancelled: cafe.cancelledAt !== null,
    changedAt,
  };
}

/**
 * Build an iCalendar file (RFC 5545) of kaféer. Times carry TZID=Europe/Oslo
 * with a VTIMEZONE, so calendars keep the local time across daylight-saving
 * changes. UIDs are stable (kafé id @ the portal's host), so a changed or
 * cancelled kafé replaces the event already in the member's calendar.
 */
export function buildCafeCalendar(options: CafeCalendarOptions): string {
  const { entries, neutral, locale, publicUrl, feed, now } = options;
  const calendar = ical({
    prodId: { company: "ReConnect", product: "Calendar", language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (zone) => (zone === PORTAL_TIME_ZONE ? EUROPE_OSLO_VTIMEZONE : null) },
  });
  if (feed) {
    calendar.name(neutral ? m.calendar_feed_name_neutral({}, { locale }) : m.calendar_feed_name({}, { locale }));
    calendar.ttl(CALENDAR_FEED_REFRESH_SECONDS);
  }

  for (const entry of entries) {
    const cafeUrl = new URL(cafePaths.cafe(entry.cafeId), publicUrl).href;
    calendar.createEvent({
      id: `${entry.cafeId}@${publicUrl.hostname}`,
      start: dayjs(entry.startsAt),
      end: dayjs(entry.endsAt),
      timezone: PORTAL_TIME_ZONE,
      stamp: now,
      lastModified: entry.changedAt,
      sequence: Math.max(0, Math.floor((entry.changedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000)),
      status: entry.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: neutral ? m.calendar_neutral_title({}, { locale }) : entry.title,
      ...(neutral
        ? {}
        : {
            description: detailedDescription(entry, cafeUrl, locale),
            location: `${entry.placeName}, ${entry.address}`,
            url: cafeUrl,
          }),
    });
  }

  return calendar.toString();
}

function detailedDescription(entry: CalendarEntry, cafeUrl: string, locale: Locale): string {
  const paragraphs = [
    entry.topic ? m.calendar_description_topic({ topic: entry.topic }, { locale }) : null,
    m.calendar_description_link({ url: cafeUrl }, { locale }),
    m.calendar_description_confidentiality({}, { locale }),
  ];
  return paragraphs.filter((paragraph) => paragraph !== null).join("\n\n");
}
