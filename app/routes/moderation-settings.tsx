import { data, Link, redirect, Form } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { ModeratorDutyForm } from "~/components/moderator-duty-form";
import { weekdayNames } from "~/moderated-hours-text.server";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getModerationSettings } from "../../server/moderation/get-moderation-settings";
import { getModeratorDuty } from "../../server/moderation/get-moderator-duty";
import {
  APPROVAL_POST_COUNT_MAX,
  APPROVAL_POST_COUNT_MIN,
  MODERATED_HOURS_MAX_WINDOWS,
  MODERATED_HOURS_WINDOWS_PER_DAY,
  REPORTS_TO_HIDE_MAX,
  REPORTS_TO_HIDE_MIN,
  UNANSWERED_AFTER_HOURS_MAX,
  UNANSWERED_AFTER_HOURS_MIN,
  type ModerationSettingsErrorCode,
  type ModerationSettingsErrors,
  type ModerationSettingsNumberField,
} from "../../server/moderation/moderation-settings-fields";
import type { ModeratedHoursWindow } from "../../server/moderation/schema";
import { updateModerationSettings } from "../../server/moderation/update-moderation-settings";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/moderation-settings";

export function meta() {
  return [{ title: `${m.moderation_settings_title()} – ReConnect` }];
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const SLOTS = Array.from({ length: MODERATED_HOURS_WINDOWS_PER_DAY }, (_, index) => index + 1);

/** The form's fields as typed, so a submit with errors shows them again. Window fields are named `hours-<weekday>-<slot>-start|end`. */
export type ModerationSettingsFormValues = Record<string, string>;

const windowField = (weekday: number, slot: number, edge: "start" | "end") => `hours-${weekday}-${slot}-${edge}`;

/** Every window slot of the form in one fixed order, so an error's index in the submitted list finds its fields again. */
const windowSlots = WEEKDAYS.flatMap((weekday) => SLOTS.map((slot) => ({ weekday, slot })));

function formValuesOf(settings: { approvalPostCount: number; unansweredAfterHours: number; reportsToHide: number; moderatedHours: ModeratedHoursWindow[] }): ModerationSettingsFormValues {
  const values: ModerationSettingsFormValues = {
    approvalPostCount: String(settings.approvalPostCount),
    unansweredAfterHours: String(settings.unansweredAfterHours),
    reportsToHide: String(settings.reportsToHide),
  };
  for (const weekday of WEEKDAYS) {
    settings.moderatedHours
      .filter((window) => window.weekday === weekday)
      .slice(0, MODERATED_HOURS_WINDOWS_PER_DAY)
      .forEach((window, index) => {
        values[windowField(weekday, index + 1, "start")] = window.start;
        values[windowField(weekday, index + 1, "end")] = window.end;
      });
  }
  return values;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation_settings.manage");
  const { portal, locale } = context.get(requestContext);

  const settings = await getModerationSettings(portal.db, actor);
  if (settings.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  const duty = can(actor, "forum.moderate") ? await getModeratorDuty(portal.db, actor) : null;

  const notice = new URL(request.url).searchParams.get("notice");
  return {
    values: formValuesOf(settings),
    moderatedNow: settings.moderatedNow,
    onDuty: duty?.status === "found" ? duty.onDuty : null,
    canViewModeration: can(actor, "moderation.view"),
    weekdays: weekdayNames(locale).map((day) => ({ weekday: day.weekday, name: day.name.charAt(0).toUpperCase() + day.name.slice(1) })),
    notice: notice === "saved" || notice === "unchanged" ? notice : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "moderation_settings.manage");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };

  const values: ModerationSettingsFormValues = { approvalPostCount: text("approvalPostCount"), unansweredAfterHours: text("unansweredAfterHours"), reportsToHide: text("reportsToHide") };
  for (const { weekday, slot } of windowSlots) {
    values[windowField(weekday, slot, "start")] = text(windowField(weekday, slot, "start"));
    values[windowField(weekday, slot, "end")] = text(windowField(weekday, slot, "end"));
  }

  const result = await updateModerationSettings(portal.db, actor, {
    approvalPostCount: values.approvalPostCount,
    unansweredAfterHours: values.unansweredAfterHours,
    reportsToHide: values.reportsToHide,
    moderatedHours: windowSlots.map(({ weekday, slot }) => ({ weekday, start: values[windowField(weekday, slot, "start")], end: values[windowField(weekday, slot, "end")] })),
  });
  switch (result.status) {
    case "not_found":
      throw data({ code: "not_found" }, { status: 404 });
    case "invalid":
      return data({ values, errors: result.errors }, { status: 400 });
    case "updated":
      log.info({ changed: result.changed.join(",") }, "moderation.settings_changed");
      return redirect(`${moderationPaths.settings()}?notice=saved`);
    case "unchanged":
      return redirect(`${moderationPaths.settings()}?notice=unchanged`);
  }
}

const numberLimits: Record<ModerationSettingsNumberField, { min: number; max: number }> = {
  approvalPostCount: { min: APPROVAL_POST_COUNT_MIN, max: APPROVAL_POST_COUNT_MAX },
  unansweredAfterHours: { min: UNANSWERED_AFTER_HOURS_MIN, max: UNANSWERED_AFTER_HOURS_MAX },
  reportsToHide: { min: REPORTS_TO_HIDE_MIN, max: REPORTS_TO_HIDE_MAX },
};

function errorText(code: ModerationSettingsErrorCode | undefined, limits?: { min: number; max: number }): string | null {
  switch (code) {
    case undefined:
      return null;
    case "number_missing":
      return m.moderation_settings_error_number_missing();
    case "number_invalid":
      return m.moderation_settings_error_number_invalid();
    case "number_out_of_range":
      return m.moderation_settings_error_number_out_of_range({ min: limits?.min ?? 0, max: limits?.max ?? 0 });
    case "time_missing":
      return m.moderation_settings_error_time_missing();
    case "time_invalid":
      return m.moderation_settings_error_time_invalid();
    case "end_not_after_start":
      return m.moderation_settings_error_end_not_after_start();
    case "weekday_invalid":
      return m.moderation_settings_error_weekday_invalid();
    case "too_many_windows":
      return m.moderation_settings_error_too_many_windows({ max: MODERATED_HOURS_MAX_WINDOWS });
  }
}

function NumberField(props: { name: ModerationSettingsNumberField; label: string; help: string; value: string; error: ModerationSettingsErrorCode | undefined }) {
  const id = `settings-${props.name}`;
  const error = errorText(props.error, numberLimits[props.name]);

  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {props.label}
      </label>
      <p className="ds-paragraph" data-size="sm" id={`${id}-help`}>
        {props.help}
      </p>
      <input
        className="ds-input"
        id={id}
        name={props.name}
        type="text"
        inputMode="numeric"
        size={6}
        autoComplete="off"
        defaultValue={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
      />
      {error ? (
        <p className="ds-validation-message" id={`${id}-error`} data-color="danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TimeField(props: { weekday: number; dayName: string; slot: number; edge: "start" | "end"; value: string; error: ModerationSettingsErrorCode | undefined }) {
  const name = windowField(props.weekday, props.slot, props.edge);
  const error = errorText(props.error);

  return (
    <div className="ds-field moderated-hours__time">
      <label className="ds-label" htmlFor={name}>
        {props.edge === "start" ? m.moderation_settings_window_start() : m.moderation_settings_window_end()}
        <span className="ds-sr-only">
          {`, ${props.dayName}, ${m.moderation_settings_window_legend({ number: props.slot })}`}
        </span>
      </label>
      <input
        className="ds-input"
        id={name}
        name={name}
        type="text"
        inputMode="numeric"
        size={5}
        maxLength={5}
        placeholder="09:00"
        autoComplete="off"
        defaultValue={props.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      />
      {error ? (
        <p className="ds-validation-message" id={`${name}-error`} data-color="danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export default function ModerationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const values = actionData?.values ?? loaderData.values;
  const errors: ModerationSettingsErrors = actionData?.errors ?? {};
  const windowError = (weekday: number, slot: number) => errors.windows?.[windowSlots.findIndex((entry) => entry.weekday === weekday && entry.slot === slot)];

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_settings_title()}
      </h1>
      <p className="ds-paragraph">{m.moderation_settings_intro()}</p>
      {loaderData.canViewModeration ? (
        <p className="ds-paragraph">
          <Link to={moderationPaths.overview()}>{m.moderation_back_to_overview()}</Link>
        </p>
      ) : null}

      {loaderData.notice ? (
        <div className="ds-alert" data-color={loaderData.notice === "saved" ? "success" : "info"} role="status">
          <p className="ds-paragraph">{loaderData.notice === "saved" ? m.moderation_settings_saved() : m.moderation_settings_unchanged()}</p>
        </div>
      ) : null}
      {actionData?.errors ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{m.moderation_settings_error_summary()}</p>
          {errors.form ? <p className="ds-paragraph">{errorText(errors.form)}</p> : null}
        </div>
      ) : null}

      <p className="ds-paragraph">{loaderData.moderatedNow ? m.moderation_settings_now_moderated() : m.moderation_settings_now_unmoderated()}</p>
      {loaderData.onDuty !== null ? <ModeratorDutyForm onDuty={loaderData.onDuty} returnTo={moderationPaths.settings()} /> : null}

      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <section className="stack" aria-labelledby="settings-numbers-heading">
          <h2 id="settings-numbers-heading" className="ds-heading" data-size="sm">
            {m.moderation_settings_numbers_heading()}
          </h2>
          <NumberField
            name="approvalPostCount"
            label={m.moderation_settings_approval_label()}
            help={m.moderation_settings_approval_help(numberLimits.approvalPostCount)}
            value={values.approvalPostCount ?? ""}
            error={errors.approvalPostCount}
          />
          <NumberField
            name="unansweredAfterHours"
            label={m.moderation_settings_unanswered_label()}
            help={m.moderation_settings_unanswered_help(numberLimits.unansweredAfterHours)}
            value={values.unansweredAfterHours ?? ""}
            error={errors.unansweredAfterHours}
          />
          <NumberField
            name="reportsToHide"
            label={m.moderation_settings_reports_label()}
            help={m.moderation_settings_reports_help(numberLimits.reportsToHide)}
            value={values.reportsToHide ?? ""}
            error={errors.reportsToHide}
          />
        </section>

        <section className="stack" aria-labelledby="settings-hours-heading">
          <h2 id="settings-hours-heading" className="ds-heading" data-size="sm">
            {m.moderation_settings_hours_heading()}
          </h2>
          <p className="ds-paragraph" id="settings-hours-help">
            {m.moderation_settings_hours_help()}
          </p>
          <div className="admin-table-scroll" role="region" aria-labelledby="settings-hours-caption" tabIndex={0}>
            <table className="ds-table moderated-hours" data-border="true" data-size="sm" aria-describedby="settings-hours-help">
              <caption id="settings-hours-caption">{m.moderation_settings_hours_caption()}</caption>
              <thead>
                <tr>
                  <td />
                  {SLOTS.map((slot) => (
                    <th key={slot} scope="col">
                      {m.moderation_settings_window_legend({ number: slot })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {loaderData.weekdays.map((day) => (
                  <tr key={day.weekday}>
                    <th scope="row">{day.name}</th>
                    {SLOTS.map((slot) => {
                      const error = windowError(day.weekday, slot);
                      return (
                        <td key={slot}>
                          <div className="moderated-hours__window">
                            <TimeField weekday={day.weekday} dayName={day.name} slot={slot} edge="start" value={values[windowField(day.weekday, slot, "start")] ?? ""} error={error?.start ?? error?.weekday} />
                            <TimeField weekday={day.weekday} dayName={day.name} slot={slot} edge="end" value={values[windowField(day.weekday, slot, "end")] ?? ""} error={error?.end} />
                          </div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <div className="button-row">
          <button type="submit" className="ds-button" data-variant="primary">
            {m.moderation_settings_save()}
          </button>
        </div>
      </Form>
    </>
  );
}
