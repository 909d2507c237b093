import { z } from "zod";

import { idempotencyKeySchema } from "../forum/post-input";
import { parseLocalDate } from "./series-dates";

export const CAFE_TITLE_MAX_LENGTH = 120;
export const CAFE_TOPIC_MAX_LENGTH = 500;
export const CAFE_PLACE_MAX_LENGTH = 120;
export const CAFE_ADDRESS_MAX_LENGTH = 200;
export const CAFE_NOTES_MAX_LENGTH = 1000;
export const CAFE_CAPACITY_MAX = 500;
/** The lengths a host can choose, in minutes; the schema allows 15 to 720. */
export const CAFE_DURATIONS = [30, 45, 60, 90, 120, 150, 180, 240] as const;
/** 1–4 for the first to fourth weekday of the month; -1 for the last. */
export const WEEKS_OF_MONTH = [1, 2, 3, 4, -1] as const;

export type CafeField =
  | "communityId"
  | "title"
  | "topic"
  | "placeName"
  | "address"
  | "directions"
  | "accessibilityNotes"
  | "capacity"
  | "forumThread"
  | "schedule"
  | "date"
  | "startTime"
  | "durationMinutes"
  | "weekOfMonth"
  | "weekday"
  | "startsOn"
  | "endsOn"
  | "form";

export type CafeFieldErrors = Partial<Record<CafeField, string>>;

function requiredText(max: number, field: string) {
  return z
    .string({ message: `${field}_missing` })
    .trim()
    .min(1, { message: `${field}_missing` })
    .max(max, { message: `${field}_too_long` });
}

/** Empty means none. */
function optionalText(max: number, field: string) {
  return z
    .string()
    .optional()
    .transform((value) => value?.trim() || null)
    .pipe(z.string().max(max, { message: `${field}_too_long` }).nullable());
}

const localDateSchema = (field: string) => z.string({ message: `${field}_invalid` }).refine((value) => parseLocalDate(value) !== null, { message: `${field}_invalid` });

const startTimeSchema = z.string({ message: "start_time_invalid" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "start_time_invalid" });

const durationSchema = z.coerce
  .number({ message: "duration_invalid" })
  .int({ message: "duration_invalid" })
  .refine((value) => (CAFE_DURATIONS as readonly number[]).includes(value), { message: "duration_invalid" });

/** Empty means no limit. */
const capacitySchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const text = value?.trim() ?? "";
    if (text === "") return null;
    const capacity = Number(text);
    if (!/^\d+$/.test(text) || capacity < 1 || capacity > CAFE_CAPACITY_MAX) {
      context.addIssue({ code: "custom", message: "capacity_invalid" });
      return z.NEVER;
    }
    return capacity;
  });

/** The fields one occurrence has, shared by creating and editing. */
export const cafeDetailsSchema = z.object({
  title: requiredText(CAFE_TITLE_MAX_LENGTH, "title"),
  topic: optionalText(CAFE_TOPIC_MAX_LENGTH, "topic"),
  placeName: requiredText(CAFE_PLACE_MAX_LENGTH, "place_name"),
  address: requiredText(CAFE_ADDRESS_MAX_LENGTH, "address"),
  directions: optionalText(CAFE_NOTES_MAX_LENGTH, "directions"),
  accessibilityNotes: optionalText(CAFE_NOTES_MAX_LENGTH, "accessibility_notes"),
  capacity: capacitySchema,
  /** A pasted thread link or id; checked against what the host may read in the use case. */
  forumThread: z
    .string()
    .optional()
    .transform((value) => value?.trim() || null),
  startTime: startTimeSchema,
  durationMinutes: durationSchema,
});

export const oneOffScheduleSchema = z.object({ schedule: z.literal("once"), date: localDateSchema("date") });

export const monthlyScheduleSchema = z
  .object({
    schedule: z.literal("monthly"),
    weekOfMonth: z.coerce.number({ message: "week_of_month_invalid" }).refine((value) => (WEEKS_OF_MONTH as readonly number[]).includes(value), { message: "week_of_month_invalid" }),
    weekday: z.coerce.number({ message: "weekday_invalid" }).int({ message: "weekday_invalid" }).min(1, { message: "weekday_invalid" }).max(7, { message: "weekday_invalid" }),
    startsOn: localDateSchema("starts_on"),
    endsOn: z
      .string()
      .optional()
      .transform((value) => value?.trim() || null)
      .pipe(localDateSchema("ends_on").nullable()),
  })
  .refine((value) => value.endsOn === null || value.endsOn >= value.startsOn, { message: "ends_on_before_start", path: ["endsOn"] });

export const createCafeSchema = cafeDetailsSchema.extend({ communityId: z.uuid({ message: "community_invalid" }), idempotencyKey: idempotencyKeySchema });

/** Map Zod issues to one stable error code per field; the UI owns the words. */
export function cafeFieldErrors(...errors: (z.ZodError | undefined)[]): CafeFieldErrors {
  const fieldErrors: CafeFieldErrors = {};
  for (const error of errors) {
    for (const issue of error?.issues ?? []) {
      const field = issue.path[0] === "idempotencyKey" ? "form" : (issue.path[0] as CafeField);
      fieldErrors[field] ??= issue.message;
    }
  }
  return fieldErrors;
}

const THREAD_ID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

/** Extract the thread id from a pasted thread link ("…/forum/threads/<id>?page=2#post-…") or a bare id, or null. */
export function threadIdFromInput(value: string): string | null {
  const path = value.includes("/forum/threads/") ? value.slice(value.indexOf("/forum/threads/")) : value;
  const match = THREAD_ID.exec(path);
  return match ? match[1]!.toLowerCase() : null;
}
