import { and, eq, gt, inArray } from "drizzle-orm";

import { unsafeScheduleCafeReminders } from "../server/cafes/schedule-cafe-reminders";
import { cafeCompanyOffers, cafeRsvps, cafes, cafeSeries } from "../server/cafes/schema";
import { communities } from "../server/communities/schema";
import type { Executor } from "../server/platform/db";
import { instantToPortalLocalTime, portalLocalTimeToInstant } from "../server/platform/portal-time";
import { usageEvents } from "../server/research/schema";
import { demoForumId } from "./seed-demo-forum";

type CommunitySlug = "bjorkelia" | "havnoy";

interface DemoSeries {
  community: CommunitySlug;
  title: string;
  /** ISO weekday and which one of the month (1–4, or -1 for the last). */
  weekday: number;
  weekOfMonth: number;
  startTime: string;
  durationMinutes: number;
  placeName: string;
  address: string;
  directions: string;
  accessibilityNotes: string;
  capacity: number;
  topics: string[];
  /** Members who answered coming to past kaféer; most of them came. */
  regulars: string[];
}

export const demoCafeSeries: DemoSeries[] = [
  {
    community: "bjorkelia",
    title: "Kafé i Bjørkelia",
    weekday: 2,
    weekOfMonth: 1,
    startTime: "18:00",
    durationMinutes: 120,
    placeName: "Bjørkelia frivilligsentral",
    address: "Kirkevegen 4, Bjørkelia",
    directions: "Inngangen er på baksiden, ved sykkelstativet. Ring på klokka merket «Kafé», så kommer noen og åpner.",
    accessibilityNotes: "Trinnfri inngang og HC-toalett. Et stille rom ved siden av er ledig hvis det blir for mye.",
    capacity: 12,
    topics: ["Små skritt", "Gode rutiner i mørketida", "Å be om hjelp", "Søvn og hvile", "Håp", "Vennskap", "Når angsten kommer", "Å glede seg til noe", "Sommer og pauser", "Grenser"],
    regulars: ["member-1", "member-3", "member-4", "member-15"],
  },
  {
    community: "havnoy",
    title: "Kafé på Havnøy",
    weekday: 4,
    weekOfMonth: 2,
    startTime: "17:30",
    durationMinutes: 120,
    placeName: "Havnøy bibliotek, møterommet",
    address: "Kaigata 2, Havnøy",
    directions: "Møterommet ligger i andre etasje. Heis rett innenfor døra til venstre.",
    accessibilityNotes: "Heis til andre etasje. Teleslynge i møterommet.",
    capacity: 10,
    topics: ["Ensomhet", "Å fortelle andre", "Lys i mørketida", "Medisiner og bivirkninger", "Fritid", "Håp", "Nettverk", "Kroppen og humøret", "Sommer og pauser", "Å starte på nytt"],
    regulars: ["member-7", "member-8", "member-9"],
  },
];

const MONTHS_BACK = 3;
const MONTHS_AHEAD = 6;

/** Answers to the next Bjørkelia kafé, for the journeys that need someone already coming. */
const nextBjorkeliaAnswers: { person: string; answer: "coming" | "maybe" }[] = [
  { person: "member-5", answer: "coming" },
  { person: "member-20", answer: "coming" },
  { person: "member-21", answer: "coming" },
  { person: "member-22", answer: "coming" },
  { person: "member-23", answer: "coming" },
];

/**
 * Return the local date ("YYYY-MM-DD") of the nth (or last, -1) ISO weekday
 * in a month. `month` counts from 0 for January of `year` and may be negative or past 11.
 */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, weekOfMonth: number): string {
  const first = new Date(Date.UTC(year, month, 1));
  const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const firstWeekday = ((first.getUTCDay() + 6) % 7) + 1;
  const firstMatch = 1 + ((weekday - firstWeekday + 7) % 7);
  let day = firstMatch + 7 * (weekOfMonth - 1);
  if (weekOfMonth === -1) day = firstMatch + 7 * Math.floor((daysInMonth - firstMatch) / 7);
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Kaféer for the demo: a monthly series in each community, hosted by the demo
 * peer moderator, from three months back to six months ahead of `now`. Past
 * kaféer have answers and registered attendance; the next Bjørkelia kafé has
 * answers and an offer to walk in together; a member's meet-up waits for
 * approval. Times are relative to seeding, so the demo always has a next kafé.
 */
export async function seedDemoCafes(tx: Executor, accountIds: ReadonlyMap<string, string>, now: Date = new Date()) {
  const hostId = accountIds.get("moderator")!;
  const today = instantToPortalLocalTime(now).slice(0, 10);
  const [year, month] = today.split("-").map(Number) as [number, number];

  for (const [seriesIndex, series] of demoCafeSeries.entries()) {
    const communityId = await communityIdOf(tx, series.community);
    const firstDate = nthWeekdayOfMonth(year, month - 1 - MONTHS_BACK, series.weekday, series.weekOfMonth);
    const seriesId = demoForumId("cafe-series", series.community);
    await tx.insert(cafeSeries).values({
      id: seriesId,
      communityId,
      hostId,
      weekday: series.weekday,
      weekOfMonth: series.weekOfMonth,
      startTime: series.startTime,
      durationMinutes: series.durationMinutes,
      startsOn: firstDate,
      endsOn: null,
    });

    let upcomingIndex = 0;
    for (let offset = -MONTHS_BACK; offset <= MONTHS_AHEAD; offset++) {
      const date = nthWeekdayOfMonth(year, month - 1 + offset, series.weekday, series.weekOfMonth);
      const startsAt = portalLocalTimeToInstant(`${date}T${series.startTime}`)!;
      const endsAt = new Date(startsAt.getTime() + series.durationMinutes * 60_000);
      const cafeId = demoForumId("cafe", `${series.community}:${date}`);
      const past = endsAt.getTime() <= now.getTime();
      await tx.insert(cafes).values({
        id: cafeId,
        communityId,
        seriesId,
        kind: "cafe",
        hostId,
        title: series.title,
        topic: series.topics[(offset + MONTHS_BACK + seriesIndex) % series.topics.length]!,
        placeName: series.placeName,
        address: series.address,
        directions: series.directions,
        accessibilityNotes: series.accessibilityNotes,
        capacity: series.capacity,
        startsAt,
        endsAt,
        approval: "approved",
        approvedBy: hostId,
        approvedAt: startsAt,
        attendanceRegisteredAt: past ? endsAt : null,
        createdBy: hostId,
      });

      if (past) {
        await seedPastAnswers(tx, accountIds, cafeId, series.regulars, offset, endsAt);
      } else if (startsAt.getTime() > now.getTime()) {
        if (series.community === "bjorkelia" && upcomingIndex === 0) await seedNextBjorkeliaCafe(tx, accountIds, cafeId, startsAt);
        if (series.community === "bjorkelia" && upcomingIndex === 1) {
          await tx.insert(cafeRsvps).values({ cafeId, accountId: accountIds.get("member-21")!, answer: "maybe" });
        }
        if (series.community === "havnoy" && upcomingIndex === 0) {
          await tx.insert(cafeRsvps).values(["member-7", "member-8"].map((key) => ({ cafeId, accountId: accountIds.get(key)!, answer: "coming" as const })));
        }
        upcomingIndex++;
      }
    }
  }

  await seedPendingMeetup(tx, accountIds, now);

  // Answers made through the portal schedule their reminders; seeded ones need the same.
  const upcoming = await tx
    .select({ cafeId: cafeRsvps.cafeId, accountId: cafeRsvps.accountId })
    .from(cafeRsvps)
    .innerJoin(cafes, eq(cafes.id, cafeRsvps.cafeId))
    .where(and(gt(cafes.startsAt, now), inArray(cafeRsvps.answer, ["coming", "maybe"])));
  for (const answer of upcoming) await unsafeScheduleCafeReminders(tx, answer.cafeId, answer.accountId, now);
}

/** Insert answers to a past kafé: three or four regulars answered coming, and most came. */
async function seedPastAnswers(tx: Executor, accountIds: ReadonlyMap<string, string>, cafeId: string, regulars: string[], monthOffset: number, endedAt: Date) {
  for (const [index, key] of regulars.entries()) {
    const accountId = accountIds.get(key)!;
    // One regular stays away each month, in turn, so the counts vary like real ones.
    const attended = (index + monthOffset + regulars.length) % regulars.length !== 0;
    await tx.insert(cafeRsvps).values({ cafeId, accountId, answer: "coming", attended });
    if (attended) await tx.insert(usageEvents).values({ accountId, kind: "cafe_attended", subjectId: cafeId, occurredAt: endedAt });
  }
}

async function seedNextBjorkeliaCafe(tx: Executor, accountIds: ReadonlyMap<string, string>, cafeId: string, startsAt: Date) {
  await tx.insert(cafeRsvps).values(nextBjorkeliaAnswers.map(({ person, answer }) => ({ cafeId, accountId: accountIds.get(person)!, answer })));
  await tx.insert(cafeCompanyOffers).values({
    cafeId,
    authorId: accountIds.get("member-5")!,
    kind: "walk",
    direction: "offer",
    place: "Benken ved busstoppet på torget",
    meetAt: new Date(startsAt.getTime() - 20 * 60_000),
    note: "Eg går gjerne saman med nokon som gruer seg litt. Eg har på meg ei grøn lue.",
  });
}

/** Insert a coffee meet-up a member proposed, waiting for a peer moderator. */
async function seedPendingMeetup(tx: Executor, accountIds: ReadonlyMap<string, string>, now: Date) {
  const proposerId = accountIds.get("member-2")!;
  const date = new Date(now.getTime() + 9 * 24 * 3_600_000);
  const startsAt = portalLocalTimeToInstant(`${instantToPortalLocalTime(date).slice(0, 10)}T11:00`)!;
  await tx.insert(cafes).values({
    id: demoForumId("cafe", "meetup:kaffe-pa-torget"),
    communityId: await communityIdOf(tx, "bjorkelia"),
    kind: "meetup",
    hostId: proposerId,
    title: "Kaffe på torget",
    topic: "Ein kopp kaffi og ein prat, utan noko program. Alle er velkomne.",
    placeName: "Torgkafeen",
    address: "Torget 1, Bjørkelia",
    capacity: 6,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    approval: "pending",
    createdBy: proposerId,
  });
}

async function communityIdOf(tx: Executor, slug: CommunitySlug): Promise<string> {
  const [community] = await tx.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
  if (!community) throw new Error(`The demo community ${slug} is missing; seed the people first.`);
  return community.id;
}
