import { z } from "zod";

import { minutesOfDay } from "./moderated-hours";
import type { ModeratedHoursWindow } from "./schema";

/** Limits of the settings form; the database checks the same ranges. */
export const APPROVAL_POST_COUNT_MIN = 0;
export const APPROVAL_POST_COUNT_MAX = 50;
export const UNANSWERED_AFTER_HOURS_MIN = 1;
export const UNANSWERED_AFTER_HOURS_MAX = 720;
export const REPORTS_TO_HIDE_MIN = 1;
export const REPORTS_TO_HIDE_MAX = 50;
/** Two windows a day, seven days a week. */
export const MODERATED_HOURS_MAX_WINDOWS = 14;
export const MODERATED_HOURS_WINDOWS_PER_DAY = 2;

export const moderationSettingsNumberFields = ["approvalPostCount", "unansweredAfterHours", "reportsToHide"] as const;
export type ModerationSettingsNumberField = (typeof moderationSettingsNumberFields)[number];

export type ModerationSettingsErrorCode =
  | "number_missing"
  | "number_invalid"
  | "number_out_of_range"
  | "time_missing"
  | "time_invalid"
  | "end_not_after_start"
  | "weekday_invalid"
  | "too_many_windows";

/** Errors per field: the numbers by name, the windows by their index in the submitted list. */
export interface ModerationSettingsErrors {
  approvalPostCount?: ModerationSettingsErrorCode;
  unansweredAfterHours?: ModerationSettingsErrorCode;
  reportsToHide?: ModerationSettingsErrorCode;
  windows?: Record<number, { start?: ModerationSettingsErrorCode; end?: ModerationSettingsErrorCode; weekday?: ModerationSettingsErrorCode }>;
  form?: ModerationSettingsErrorCode;
}

/** A window as a form sends it; an entry with both times empty is no window. */
export interface ModeratedHoursWindowInput {
  weekday: unknown;
  start: unknown;
  end: unknown;
}

export interface ModerationSettingsInput {
  approvalPostCount: unknown;
  unansweredAfterHours: unknown;
  reportsToHide: unknown;
  moderatedHours: readonly ModeratedHoursWindowInput[];
}

export interface ValidModerationSettings {
  approvalPostCount: number;
  unansweredAfterHours: number;
  reportsToHide: number;
  moderatedHours: ModeratedHoursWindow[];
}

function wholeNumber(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === "string" ? value.trim() : value),
    z
      .union([z.string(), z.number()], { message: "number_missing" })
      .refine((value) => value !== "", { message: "number_missing", abort: true })
      .refine((value) => (typeof value === "number" ? Number.isInteger(value) : /^\d+$/.test(value)), { message: "number_invalid", abort: true })
      .transform(Number)
      .pipe(z.number().min(min, { message: "number_out_of_range" }).max(max, { message: "number_out_of_range" })),
  );
}

const numbersSchema = z.object({
  approvalPostCount: wholeNumber(APPROVAL_POST_COUNT_MIN, APPROVAL_POST_COUNT_MAX),
  unansweredAfterHours: wholeNumber(UNANSWERED_AFTER_HOURS_MIN, UNANSWERED_AFTER_HOURS_MAX),
  reportsToHide: wholeNumber(REPORTS_TO_HIDE_MIN, REPORTS_TO_HIDE_MAX),
});

// "24:00" may end a window, so a window can run to midnight.
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

/** Accept "9:00" and "09.00" as well as "09:00", and store "09:00". */
function normaliseTime(value: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value);
  if (!match) return value;
  return `${match[1]!.padStart(2, "0")}:${match[2]}`;
}

function validTime(time: string, role: "start" | "end"): boolean {
  return TIME_PATTERN.test(time) || (role === "end" && time === "24:00");
}

/**
 * Check the settings a form sent. Every field is checked, so one submit shows
 * every error. Windows come back sorted by weekday and start.
 */
export function validateModerationSettings(input: ModerationSettingsInput): { valid: true; settings: ValidModerationSettings } | { valid: false; errors: ModerationSettingsErrors } {
  const errors: ModerationSettingsErrors = {};

  const numbers = numbersSchema.safeParse(input);
  if (!numbers.success) {
    for (const issue of numbers.error.issues) {
      const field = issue.path[0] as ModerationSettingsNumberField;
      errors[field] ??= issue.message as ModerationSettingsErrorCode;
    }
  }

  const windows: ModeratedHoursWindow[] = [];
  const windowErrors: NonNullable<ModerationSettingsErrors["windows"]> = {};
  input.moderatedHours.forEach((entry, index) => {
    const start = normaliseTime(text(entry.start));
    const end = normaliseTime(text(entry.end));
    if (start === "" && end === "") return;

    const weekday = Number(entry.weekday);
    const found: (typeof windowErrors)[number] = {};
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) found.weekday = "weekday_invalid";
    if (start === "") found.start = "time_missing";
    else if (!validTime(start, "start")) found.start = "time_invalid";
    if (end === "") found.end = "time_missing";
    else if (!validTime(end, "end")) found.end = "time_invalid";
    if (!found.start && !found.end && minutesOfDay(end) <= minutesOfDay(start)) found.end = "end_not_after_start";

    if (Object.keys(found).length > 0) windowErrors[index] = found;
    else windows.push({ weekday, start, end });
  });
  if (Object.keys(windowErrors).length > 0) errors.windows = windowErrors;
  if (windows.length > MODERATED_HOURS_MAX_WINDOWS) errors.form = "too_many_windows";

  if (!numbers.success || Object.keys(errors).length > 0) return { valid: false, errors };
  windows.sort((a, b) => a.weekday - b.weekday || minutesOfDay(a.start) - minutesOfDay(b.start));
  return { valid: true, settings: { ...numbers.data, moderatedHours: windows } };
}
