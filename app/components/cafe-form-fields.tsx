import type { ReactNode } from "react";

import { m } from "~/paraglide/messages";
import {
  CAFE_ADDRESS_MAX_LENGTH,
  CAFE_CAPACITY_MAX,
  CAFE_DURATIONS,
  CAFE_NOTES_MAX_LENGTH,
  CAFE_PLACE_MAX_LENGTH,
  CAFE_TITLE_MAX_LENGTH,
  CAFE_TOPIC_MAX_LENGTH,
  WEEKS_OF_MONTH,
  type CafeFieldErrors,
} from "../../server/cafes/cafe-input";

export type CafeFormValues = Record<string, string>;

const errorMessages: Record<string, (inputs: { max: number }) => string> = {
  title_missing: () => m.cafes_error_title_missing(),
  title_too_long: ({ max }) => m.cafes_error_too_long({ max }),
  topic_too_long: ({ max }) => m.cafes_error_too_long({ max }),
  place_name_missing: () => m.cafes_error_place_name_missing(),
  place_name_too_long: ({ max }) => m.cafes_error_too_long({ max }),
  address_missing: () => m.cafes_error_address_missing(),
  address_too_long: ({ max }) => m.cafes_error_too_long({ max }),
  directions_too_long: ({ max }) => m.cafes_error_too_long({ max }),
  accessibility_notes_too_long: ({ max }) => m.cafes_error_too_long({ max }),
  capacity_invalid: ({ max }) => m.cafes_error_capacity_invalid({ max }),
  forum_thread_invalid: () => m.cafes_error_forum_thread_invalid(),
  date_invalid: () => m.cafes_error_date_invalid(),
  date_in_past: () => m.cafes_error_date_in_past(),
  start_time_invalid: () => m.cafes_error_start_time_invalid(),
  duration_invalid: () => m.cafes_error_choose_one(),
  week_of_month_invalid: () => m.cafes_error_choose_one(),
  weekday_invalid: () => m.cafes_error_choose_one(),
  schedule_invalid: () => m.cafes_error_choose_one(),
  community_invalid: () => m.cafes_error_choose_one(),
  starts_on_invalid: () => m.cafes_error_date_invalid(),
  ends_on_invalid: () => m.cafes_error_date_invalid(),
  ends_on_before_start: () => m.cafes_error_ends_on_before_start(),
  series_empty: () => m.cafes_error_series_empty(),
  form_expired: () => m.cafes_error_form_expired(),
};

/** Translate a field's error code. */
export function cafeErrorText(code: string | undefined, max = 0): string | null {
  if (!code) return null;
  return (errorMessages[code] ?? (() => m.cafes_error_choose_one()))({ max });
}

/** Render a labelled field with its help text and error, linked by ids so screen readers read all three. */
export function CafeField(props: { id: string; label: string; help?: string; error?: string | null; children: (describedBy: string | undefined, invalid: boolean) => ReactNode }) {
  const describedBy = [props.help ? `${props.id}-help` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.help ? (
        <p className="ds-paragraph" data-size="sm" id={`${props.id}-help`}>
          {props.help}
        </p>
      ) : null}
      {props.children(describedBy, Boolean(props.error))}
      {props.error ? (
        <p className="ds-validation-message" id={`${props.id}-error`} data-color="danger">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function TextInput(props: {
  name: string;
  label: string;
  help?: string;
  values: CafeFormValues;
  errors: CafeFieldErrors;
  max: number;
  multiline?: boolean;
  type?: string;
  required?: boolean;
  /** A whole number up to `max`: phones show a number keyboard, and the field takes as many digits as `max` has. */
  numeric?: boolean;
}) {
  const id = `cafe-${props.name}`;
  const error = cafeErrorText(props.errors[props.name as keyof CafeFieldErrors], props.max);
  return (
    <CafeField id={id} label={props.label} help={props.help} error={error}>
      {(describedBy, invalid) =>
        props.multiline ? (
          <textarea
            className="ds-input"
            id={id}
            name={props.name}
            rows={3}
            maxLength={props.max}
            defaultValue={props.values[props.name] ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            suppressHydrationWarning
          />
        ) : (
          <input
            className="ds-input"
            id={id}
            name={props.name}
            type={props.type ?? "text"}
            inputMode={props.numeric ? "numeric" : undefined}
            maxLength={props.type ? undefined : props.numeric ? String(props.max).length : props.max}
            required={props.required}
            defaultValue={props.values[props.name] ?? ""}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
        )
      }
    </CafeField>
  );
}

function SelectInput(props: { name: string; label: string; help?: string; values: CafeFormValues; errors: CafeFieldErrors; options: { value: string; label: string }[] }) {
  const id = `cafe-${props.name}`;
  const error = cafeErrorText(props.errors[props.name as keyof CafeFieldErrors]);
  return (
    <CafeField id={id} label={props.label} help={props.help} error={error}>
      {(describedBy, invalid) => (
        <select className="ds-input" id={id} name={props.name} defaultValue={props.values[props.name] ?? ""} aria-describedby={describedBy} aria-invalid={invalid || undefined}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </CafeField>
  );
}

export function weekOfMonthName(weekOfMonth: number): string {
  switch (weekOfMonth) {
    case 1:
      return m.cafes_week_first();
    case 2:
      return m.cafes_week_second();
    case 3:
      return m.cafes_week_third();
    case 4:
      return m.cafes_week_fourth();
    default:
      return m.cafes_week_last();
  }
}

export function durationName(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return m.cafes_duration_minutes({ minutes });
  if (rest === 0) return m.cafes_duration_hours({ hours });
  return m.cafes_duration_hours_minutes({ hours, minutes: rest });
}

/** Render the fields of one kafé, shared by the create and edit forms. */
export function CafeDetailsFields({ values, errors }: { values: CafeFormValues; errors: CafeFieldErrors }) {
  return (
    <>
      <TextInput name="title" label={m.cafes_field_title()} values={values} errors={errors} max={CAFE_TITLE_MAX_LENGTH} />
      <TextInput name="topic" label={m.cafes_field_topic()} help={m.cafes_field_optional()} values={values} errors={errors} max={CAFE_TOPIC_MAX_LENGTH} multiline />
      <TextInput name="placeName" label={m.cafes_field_place_name()} help={m.cafes_field_place_name_help()} values={values} errors={errors} max={CAFE_PLACE_MAX_LENGTH} />
      <TextInput name="address" label={m.cafes_field_address()} values={values} errors={errors} max={CAFE_ADDRESS_MAX_LENGTH} />
      <TextInput name="directions" label={m.cafes_field_directions()} help={m.cafes_field_optional()} values={values} errors={errors} max={CAFE_NOTES_MAX_LENGTH} multiline />
      <TextInput
        name="accessibilityNotes"
        label={m.cafes_field_accessibility_notes()}
        help={m.cafes_field_accessibility_notes_help()}
        values={values}
        errors={errors}
        max={CAFE_NOTES_MAX_LENGTH}
        multiline
      />
      <TextInput name="capacity" label={m.cafes_field_capacity()} help={m.cafes_field_capacity_help({ max: CAFE_CAPACITY_MAX })} values={values} errors={errors} max={CAFE_CAPACITY_MAX} numeric />
      <TextInput name="forumThread" label={m.cafes_field_forum_thread()} help={m.cafes_field_forum_thread_help()} values={values} errors={errors} max={500} />
    </>
  );
}

/** Start time and length, shared by one-off kaféer and series. */
export function CafeTimeFields({ values, errors }: { values: CafeFormValues; errors: CafeFieldErrors }) {
  return (
    <>
      <TextInput name="startTime" label={m.cafes_field_start_time()} help={m.cafes_field_start_time_help()} values={values} errors={errors} max={5} type="time" />
      <SelectInput
        name="durationMinutes"
        label={m.cafes_field_duration()}
        values={values}
        errors={errors}
        options={CAFE_DURATIONS.map((minutes) => ({ value: String(minutes), label: durationName(minutes) }))}
      />
    </>
  );
}

export function CafeDateField({ name, label, help, values, errors }: { name: string; label: string; help?: string; values: CafeFormValues; errors: CafeFieldErrors }) {
  return <TextInput name={name} label={label} help={help} values={values} errors={errors} max={10} type="date" />;
}

/** Render the monthly rule: which weekday of the month, and the first and last dates. `weekdayNames` starts on Monday, worded by the loader. */
export function CafeSeriesFields({ values, errors, weekdayNames }: { values: CafeFormValues; errors: CafeFieldErrors; weekdayNames: string[] }) {
  return (
    <>
      <SelectInput
        name="weekOfMonth"
        label={m.cafes_field_week_of_month()}
        values={values}
        errors={errors}
        options={WEEKS_OF_MONTH.map((week) => ({ value: String(week), label: weekOfMonthName(week) }))}
      />
      <SelectInput
        name="weekday"
        label={m.cafes_field_weekday()}
        values={values}
        errors={errors}
        options={weekdayNames.map((name, index) => ({ value: String(index + 1), label: name }))}
      />
      <CafeDateField name="startsOn" label={m.cafes_field_starts_on()} values={values} errors={errors} />
      <CafeDateField name="endsOn" label={m.cafes_field_ends_on()} help={m.cafes_field_ends_on_help()} values={values} errors={errors} />
    </>
  );
}
