import ICAL from "ical.js";

/** One VEVENT as ical.js reads it. */
export interface ParsedCalendarEvent {
  uid: string;
  summary: string | null;
  description: string | null;
  location: string | null;
  url: string | null;
  status: string | null;
  sequence: number | null;
  lastModified: Date | null;
  /** The TZID ical.js resolved DTSTART to. */
  timeZone: string | null;
  /** DTSTART as wall-clock time in its own zone, "YYYY-MM-DDTHH:MM". */
  localStart: string;
  localEnd: string;
  start: Date;
  end: Date;
}

export interface ParsedCalendar {
  name: string | null;
  prodId: string | null;
  method: string | null;
  refreshInterval: string | null;
  publishedTtl: string | null;
  timeZones: string[];
  events: ParsedCalendarEvent[];
}

/**
 * Parse iCalendar text with ical.js, as a calendar application would. The
 * file's own VTIMEZONE components are registered first, replacing any from
 * an earlier file, so times are converted by the rules the file carries.
 * Throws when ical.js cannot parse the text.
 */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timeZones = calendar.getAllSubcomponents("vtimezone");
  for (const zone of timeZones) {
    const tzid = String(zone.getFirstPropertyValue("tzid"));
    if (ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.remove(tzid);
    ICAL.TimezoneService.register(zone);
  }

  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const lastModified = component.getFirstPropertyValue("last-modified");
    return {
      uid: event.uid,
      summary: textValue(component, "summary"),
      description: textValue(component, "description"),
      location: textValue(component, "location"),
      url: textValue(component, "url"),
      status: textValue(component, "status"),
      sequence: component.hasProperty("sequence") ? event.sequence : null,
      lastModified: lastModified instanceof ICAL.Time ? lastModified.toJSDate() : null,
      timeZone: event.startDate.zone?.tzid ?? null,
      localStart: event.startDate.toString().slice(0, 16),
      localEnd: event.endDate.toString().slice(0, 16),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    };
  });

  return {
    name: textValue(calendar, "x-wr-calname"),
    prodId: textValue(calendar, "prodid"),
    method: textValue(calendar, "method"),
    refreshInterval: textValue(calendar, "refresh-interval"),
    publishedTtl: textValue(calendar, "x-published-ttl"),
    timeZones: timeZones.map((zone) => String(zone.getFirstPropertyValue("tzid"))),
    events,
  };
}

function textValue(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? null : String(value);
}
