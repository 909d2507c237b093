import { useState, useSyncExternalStore, type FormEvent } from "react";
import { data, Form, Link, redirect, useRevalidator } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { formatDate } from "~/format-date";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getCafeReminderSettings } from "../../server/cafes/get-cafe-reminder-settings";
import { REMINDER_OFFSET_CHOICES } from "../../server/cafes/reminder-offset-choices";
import { removePushSubscription } from "../../server/cafes/remove-push-subscription";
import { saveCafeReminderSettings } from "../../server/cafes/save-cafe-reminder-settings";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/settings-cafes";

export function meta() {
  return [{ title: `${m.settings_cafes_title()} – ReConnect` }];
}

const notices = ["saved", "device_removed", "device_added"] as const;
type Notice = (typeof notices)[number];

interface ReminderChoices {
  remindByEmail: boolean;
  remindByPush: boolean;
  remindInPortal: boolean;
  reminderOffsets: number[];
  showDetails: boolean;
}

export type SettingsCafesActionData = { error: "invalid"; values: ReminderChoices };

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, locale } = context.get(requestContext);
  const result = await getCafeReminderSettings(portal.db, actor);
  if (result.status !== "found") throw data({ code: "not_found" }, { status: 404 });

  const url = new URL(request.url);
  const notice = notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null;
  const { devices, ...choices } = result.settings;
  return {
    locale,
    choices,
    devices: devices.map((device) => ({ id: device.id, pushService: device.pushService, createdAt: device.createdAt.toISOString(), lastSuccessAt: device.lastSuccessAt?.toISOString() ?? null })),
    mailEnabled: portal.mailer.enabled,
    // Null when the portal runs without VAPID keys (production without configuration): the page shows that push is off.
    pushPublicKey: portal.push.publicKey,
    notice,
  };
}

function readChoices(form: FormData): ReminderChoices {
  // An unticked checkbox sends nothing, so absence means off.
  return {
    remindByEmail: form.get("remindByEmail") === "on",
    remindByPush: form.get("remindByPush") === "on",
    remindInPortal: form.get("remindInPortal") === "on",
    reminderOffsets: form.getAll("offset").map(Number),
    showDetails: form.get("showDetails") === "on",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal } = context.get(requestContext);
  const form = await request.formData();

  switch (form.get("intent")) {
    case "save-reminders": {
      const choices = readChoices(form);
      const result = await saveCafeReminderSettings(portal.db, actor, { ...choices, reminderOffsets: form.getAll("offset") }, portal.clock.now());
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      if (result.status === "invalid") return data<SettingsCafesActionData>({ error: "invalid", values: choices }, { status: 400 });
      return redirect(`${cafePaths.settings()}?notice=saved#reminders-heading`);
    }
    case "remove-device": {
      // A device already gone was removed in another tab, and the member wanted it gone either way.
      const result = await removePushSubscription(portal.db, actor, { subscriptionId: form.get("subscriptionId") });
      void result;
      return redirect(`${cafePaths.settings()}?notice=device_removed#push-heading`);
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function offsetLabel(offset: number): string {
  switch (offset) {
    case 7 * 24 * 60:
      return m.settings_cafes_offset_week();
    case 2 * 24 * 60:
      return m.settings_cafes_offset_two_days();
    case 24 * 60:
      return m.settings_cafes_offset_day();
    case 180:
      return m.settings_cafes_offset_three_hours();
    case 120:
      return m.settings_cafes_offset_two_hours();
    case 60:
      return m.settings_cafes_offset_one_hour();
    default:
      return m.settings_cafes_offset_minutes({ minutes: offset });
  }
}

function SuccessNotice({ text }: { text: string }) {
  return (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}

function Checkbox(props: { id: string; name: string; value?: string; checked: boolean; label: string; describedBy?: string }) {
  return (
    <div className="ds-field">
      <input className="ds-input" type="checkbox" id={props.id} name={props.name} value={props.value} defaultChecked={props.checked} aria-describedby={props.describedBy} />
      <label className="ds-label" htmlFor={props.id} data-weight="regular">
        {props.label}
      </label>
    </div>
  );
}

function RemindersSection(props: { choices: ReminderChoices; hasEmailAddress: boolean; mailEnabled: boolean; pushAvailable: boolean; notice: Notice | null; error: boolean }) {
  const { choices } = props;
  return (
    <section className="stack" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading" className="ds-heading" data-size="md">
        {m.settings_cafes_reminders_heading()}
      </h2>
      <p className="ds-paragraph">{m.settings_cafes_reminders_body()}</p>
      {props.notice === "saved" ? <SuccessNotice text={m.settings_cafes_saved()} /> : null}
      {choices.reminderOffsets.length === 0 || (!choices.remindByEmail && !choices.remindByPush && !choices.remindInPortal) ? (
        <div className="ds-alert" data-color="info">
          <p className="ds-paragraph">{m.settings_cafes_none_coming()}</p>
        </div>
      ) : null}
      {props.error ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{m.settings_cafes_error_invalid()}</p>
        </div>
      ) : null}

      {/* Keyed by what is stored, so the boxes show the saved choice after each post. */}
      <Form method="post" className="stack" key={JSON.stringify(choices)}>
        <CsrfField />
        <input type="hidden" name="intent" value="save-reminders" />

        <fieldset className="ds-fieldset" aria-describedby="channels-help">
          <legend className="ds-label">{m.settings_cafes_channels_legend()}</legend>
          <p className="ds-paragraph" data-size="sm" id="channels-help">
            {m.settings_cafes_channels_help()}
          </p>
          <Checkbox id="remind-email" name="remindByEmail" checked={choices.remindByEmail} label={m.settings_cafes_channel_email()} describedBy={props.mailEnabled && props.hasEmailAddress ? undefined : "email-unavailable"} />
          {props.mailEnabled ? null : (
            <p className="ds-paragraph" data-size="sm" id="email-unavailable">
              {m.settings_cafes_email_not_configured()}
            </p>
          )}
          {props.mailEnabled && !props.hasEmailAddress ? (
            <p className="ds-paragraph" data-size="sm" id="email-unavailable">
              {m.settings_cafes_email_no_address()}
            </p>
          ) : null}
          <Checkbox id="remind-push" name="remindByPush" checked={choices.remindByPush} label={m.settings_cafes_channel_push()} describedBy="push-channel-help" />
          <p className="ds-paragraph" data-size="sm" id="push-channel-help">
            {props.pushAvailable ? m.settings_cafes_channel_push_help() : m.settings_cafes_push_off()}
          </p>
          <Checkbox id="remind-portal" name="remindInPortal" checked={choices.remindInPortal} label={m.settings_cafes_channel_portal()} />
        </fieldset>

        <fieldset className="ds-fieldset" aria-describedby="offsets-help">
          <legend className="ds-label">{m.settings_cafes_offsets_legend()}</legend>
          <p className="ds-paragraph" data-size="sm" id="offsets-help">
            {m.settings_cafes_offsets_help()}
          </p>
          {REMINDER_OFFSET_CHOICES.map((offset) => (
            <Checkbox key={offset} id={`offset-${offset}`} name="offset" value={String(offset)} checked={choices.reminderOffsets.includes(offset)} label={offsetLabel(offset)} />
          ))}
        </fieldset>

        <fieldset className="ds-fieldset" aria-describedby="details-help details-who">
          <legend className="ds-label">{m.settings_cafes_details_legend()}</legend>
          <p className="ds-paragraph" data-size="sm" id="details-help">
            {m.settings_cafes_details_help()}
          </p>
          <p className="ds-paragraph" data-size="sm" id="details-who">
            {m.settings_cafes_details_who()}
          </p>
          <Checkbox id="show-details" name="showDetails" checked={choices.showDetails} label={m.settings_cafes_details_label()} />
        </fieldset>

        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.settings_cafes_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}

type PushState = "needs_script" | "unsupported" | "ready" | "working" | "denied" | "subscribed" | "failed" | "too_many";

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(value.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

const subscribeToNothing = () => () => undefined;

function readPushCapability(): PushState {
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  return Notification.permission === "denied" ? "denied" : "ready";
}

/**
 * The button that turns on web push for this browser. It requests permission
 * only after a press, registers the service worker and posts the subscription.
 * Before the script runs, and in browsers without push, it explains instead.
 */
function PushSubscribe({ publicKey }: { publicKey: string }) {
  // The server renders "needs_script"; the browser's own check replaces it once the script runs.
  const capability = useSyncExternalStore(subscribeToNothing, readPushCapability, () => "needs_script" as const);
  const [progress, setState] = useState<PushState | null>(null);
  const state = progress ?? capability;
  const revalidator = useRevalidator();

  async function subscribe(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setState("working");
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setState("denied");
        return;
      }
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      const ready = await navigator.serviceWorker.ready;
      const subscription = (await ready.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) }));
      const json = subscription.toJSON();
      form.set("endpoint", json.endpoint ?? "");
      form.set("p256dh", json.keys?.p256dh ?? "");
      form.set("auth", json.keys?.auth ?? "");
      const response = await fetch(cafePaths.settings() + "/push", { method: "POST", body: form, credentials: "same-origin" });
      const result = (await response.json().catch(() => ({}))) as { status?: string };
      if (result.status === "saved") {
        setState("subscribed");
        void revalidator.revalidate();
      } else setState(result.status === "too_many_devices" ? "too_many" : "failed");
    } catch {
      setState("failed");
    }
  }

  const statusText: Record<PushState, string> = {
    needs_script: m.push_needs_script(),
    unsupported: m.push_unsupported(),
    ready: "",
    working: m.push_working(),
    denied: m.push_denied(),
    subscribed: m.push_subscribed(),
    failed: m.push_failed(),
    too_many: m.push_too_many(),
  };

  return (
    <form method="post" className="stack" onSubmit={subscribe}>
      <CsrfField />
      <p className="ds-paragraph" role="status" id="push-status">
        {statusText[state]}
      </p>
      {state === "ready" || state === "working" || state === "failed" || state === "subscribed" ? (
        <div>
          <button type="submit" className="ds-button" data-variant="secondary" disabled={state === "working"} aria-describedby="push-status">
            {m.push_subscribe()}
          </button>
        </div>
      ) : null}
    </form>
  );
}

function PushSection(props: { publicKey: string | null; devices: { id: string; pushService: string; createdAt: string; lastSuccessAt: string | null }[]; locale: "nb" | "nn" | "en"; notice: Notice | null }) {
  return (
    <section className="stack" aria-labelledby="push-heading">
      <h2 id="push-heading" className="ds-heading" data-size="md">
        {m.push_heading()}
      </h2>
      <p className="ds-paragraph">{m.push_body()}</p>
      {props.notice === "device_removed" ? <SuccessNotice text={m.push_device_removed()} /> : null}
      {props.publicKey ? <PushSubscribe publicKey={props.publicKey} /> : <p className="ds-paragraph">{m.settings_cafes_push_off()}</p>}

      <h3 id="push-devices-heading" className="ds-heading" data-size="xs">
        {m.push_devices_heading()}
      </h3>
      {props.devices.length === 0 ? (
        <p className="ds-paragraph">{m.push_devices_empty()}</p>
      ) : (
        <ul className="stack" aria-labelledby="push-devices-heading">
          {props.devices.map((device, index) => {
            const name = m.push_device_name({ number: index + 1, service: device.pushService });
            return (
              <li key={device.id} className="stack">
                <p className="ds-paragraph">
                  <strong>{name}</strong>
                  <br />
                  {m.push_device_added({ date: formatDate(device.createdAt, props.locale) })}
                  {device.lastSuccessAt ? (
                    <>
                      <br />
                      {m.push_device_last_used({ date: formatDate(device.lastSuccessAt, props.locale) })}
                    </>
                  ) : null}
                </p>
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="intent" value="remove-device" />
                  <input type="hidden" name="subscriptionId" value={device.id} />
                  <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm" aria-label={m.push_device_remove_label({ device: name })}>
                    {m.push_device_remove()}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export default function SettingsCafes({ loaderData, actionData }: Route.ComponentProps) {
  const { choices, devices, mailEnabled, pushPublicKey, notice, locale } = loaderData;
  const displayedChoices = actionData?.values ?? choices;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.settings_cafes_title()}
      </h1>
      <p className="ds-paragraph">{m.settings_cafes_intro()}</p>
      <p className="ds-paragraph">
        <Link to="/settings" className="ds-link">
          {m.settings_cafes_back()}
        </Link>
      </p>

      <RemindersSection
        choices={displayedChoices}
        hasEmailAddress={choices.hasEmailAddress}
        mailEnabled={mailEnabled}
        pushAvailable={pushPublicKey !== null}
        notice={notice}
        error={actionData?.error === "invalid"}
      />
      <PushSection publicKey={pushPublicKey} devices={devices} locale={locale} notice={notice} />
    </>
  );
}
