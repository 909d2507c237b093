import { useState, useSyncExternalStore } from "react";
import { data, Form, Link, redirect } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { m } from "~/paraglide/messages";
import { useRootData } from "~/root";
import { requirePermission } from "~/route-guards.server";
import { createCalendarLink } from "../../server/cafes/create-calendar-link";
import { getCalendarSettings } from "../../server/cafes/get-calendar-settings";
import { revokeCalendarLink } from "../../server/cafes/revoke-calendar-link";
import { setCalendarNeutral } from "../../server/cafes/set-calendar-neutral";
import type { Locale } from "../../server/identity/roles";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/settings-calendar";

export function meta() {
  return [{ title: `${m.calendar_title()} – ReConnect` }];
}

// Notices are codes in the query, so the link itself never goes into a URL the browser keeps in its history.
const notices = ["created", "replaced", "stopped", "neutral_on", "neutral_off"] as const;
type Notice = (typeof notices)[number];
const confirmations = ["replace", "stop"] as const;
type Confirmation = (typeof confirmations)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal } = context.get(requestContext);

  const result = await getCalendarSettings(portal.db, portal.keys, actor);
  if (result.status !== "found") throw data({ code: "not_found" }, { status: 404 });
  const { neutral, link } = result.settings;

  const url = new URL(request.url);
  const feedUrl = link ? new URL(cafePaths.calendarFeed(link.token), portal.config.publicUrl) : null;
  return {
    neutral,
    link:
      link && feedUrl
        ? {
            url: feedUrl.href,
            // A webcal: link opens the device's calendar app to subscribe, where one handles that scheme.
            webcalUrl: `webcal://${feedUrl.host}${feedUrl.pathname}`,
            createdAt: link.createdAt.toISOString(),
          }
        : null,
    notice: notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null,
    confirm: link ? (confirmations.find((candidate) => candidate === url.searchParams.get("confirm")) ?? null) : null,
  };
}

function noticeRedirect(notice: Notice, sectionId: string) {
  return redirect(`${cafePaths.calendarSettings()}?notice=${notice}#${sectionId}`);
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "cafes.read");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();

  switch (form.get("intent")) {
    case "create-link":
    case "replace-link": {
      const replacing = form.get("intent") === "replace-link" ? form.get("replacing") : null;
      const result = await createCalendarLink(portal.db, portal.keys, actor, { replacing }, portal.clock.now());
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      if (result.status === "created") log.info({ accountId: actor.accountId, replaced: replacing !== null }, "calendar_link.created");
      return noticeRedirect(replacing === null ? "created" : "replaced", "calendar-link-heading");
    }
    case "stop-link": {
      const result = await revokeCalendarLink(portal.db, actor);
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      log.info({ accountId: actor.accountId }, "calendar_link.revoked");
      return noticeRedirect("stopped", "calendar-link-heading");
    }
    case "save-neutral": {
      // An unticked checkbox sends nothing, so absence means off.
      const result = await setCalendarNeutral(portal.db, actor, { neutral: form.get("neutral") === "on" });
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      return noticeRedirect(result.neutral ? "neutral_on" : "neutral_off", "calendar-neutral-heading");
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function SuccessNotice({ text }: { text: string }) {
  return (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}

function subscribeToNothing() {
  return () => {};
}

/** Copy button shown once JavaScript runs. Without JavaScript the read-only field selects itself on focus, for copying by hand. */
function CopyLinkButton({ url }: { url: string }) {
  // False on the server and during hydration, so the first render matches the server's HTML.
  const canCopy = useSyncExternalStore(
    subscribeToNothing,
    () => navigator.clipboard !== undefined,
    () => false,
  );
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  }

  let copyMessage: string | null = null;
  if (copyState === "copied") copyMessage = m.calendar_link_copied();
  if (copyState === "failed") copyMessage = m.calendar_link_copy_failed();

  // The status region is always rendered, so screen readers announce the message when it appears.
  return (
    <div className="button-row">
      {canCopy ? (
        <button type="button" className="ds-button" data-variant="secondary" onClick={copy}>
          {m.calendar_link_copy()}
        </button>
      ) : null}
      <p className="ds-paragraph" data-size="sm" role="status">
        {copyMessage}
      </p>
    </div>
  );
}

function ConfirmPanel(props: { id: string; heading: string; body: string; intent: string; confirmLabel: string; replacing?: string }) {
  return (
    <div className="ds-alert stack" data-color="warning" id={props.id}>
      <h3 className="ds-heading" data-size="xs">
        {props.heading}
      </h3>
      <p className="ds-paragraph">{props.body}</p>
      <Form method="post" className="button-row">
        <CsrfField />
        <input type="hidden" name="intent" value={props.intent} />
        {props.replacing ? <input type="hidden" name="replacing" value={props.replacing} /> : null}
        <button type="submit" className="ds-button" data-variant="primary">
          {props.confirmLabel}
        </button>
        <Link className="ds-link" to={`${cafePaths.calendarSettings()}#calendar-link-heading`}>
          {m.calendar_cancel()}
        </Link>
      </Form>
    </div>
  );
}

function LinkSection({ link, notice, confirm, locale }: { link: { url: string; webcalUrl: string; createdAt: string } | null; notice: Notice | null; confirm: Confirmation | null; locale: Locale }) {
  const noticeText = { created: m.calendar_link_ready, replaced: m.calendar_replaced, stopped: m.calendar_stopped };

  return (
    <section className="stack" aria-labelledby="calendar-link-heading">
      <h2 id="calendar-link-heading" className="ds-heading" data-size="md">
        {m.calendar_link_heading()}
      </h2>
      {notice === "created" || notice === "replaced" || notice === "stopped" ? <SuccessNotice text={noticeText[notice]()} /> : null}

      {link === null ? (
        <>
          <p className="ds-paragraph">{m.calendar_link_none()}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="create-link" />
            <button type="submit" className="ds-button" data-variant="primary">
              {m.calendar_link_create()}
            </button>
          </Form>
        </>
      ) : (
        <>
          <div className="ds-field">
            <label className="ds-label" htmlFor="calendar-link">
              {m.calendar_link_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id="calendar-link-help">
              {m.calendar_link_help()}
            </p>
            <input
              className="ds-input"
              id="calendar-link"
              type="text"
              readOnly
              value={link.url}
              aria-describedby="calendar-link-help"
              onFocus={(event) => event.currentTarget.select()}
              spellCheck={false}
            />
          </div>
          <CopyLinkButton url={link.url} />
          <p className="ds-paragraph">{m.calendar_link_created_at({ date: formatDateTime(link.createdAt, locale) })}</p>
          <p className="ds-paragraph">
            <a className="ds-link" href={link.webcalUrl}>
              {m.calendar_link_open()}
            </a>
          </p>

          {confirm === "replace" ? (
            <ConfirmPanel
              id="calendar-confirm"
              heading={m.calendar_replace_heading()}
              body={m.calendar_replace_body()}
              intent="replace-link"
              confirmLabel={m.calendar_replace_confirm()}
              replacing={link.createdAt}
            />
          ) : null}
          {confirm === "stop" ? (
            <ConfirmPanel id="calendar-confirm" heading={m.calendar_stop_heading()} body={m.calendar_stop_body()} intent="stop-link" confirmLabel={m.calendar_stop_confirm()} />
          ) : null}
          {confirm === null ? (
            <div className="button-row">
              <Link className="ds-button" data-variant="secondary" to={`${cafePaths.calendarSettings()}?confirm=replace#calendar-confirm`}>
                {m.calendar_replace_link()}
              </Link>
              <Link className="ds-button" data-variant="secondary" to={`${cafePaths.calendarSettings()}?confirm=stop#calendar-confirm`}>
                {m.calendar_stop_link()}
              </Link>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function NeutralSection({ neutral, notice }: { neutral: boolean; notice: Notice | null }) {
  return (
    <section className="stack" aria-labelledby="calendar-neutral-heading">
      <h2 id="calendar-neutral-heading" className="ds-heading" data-size="md">
        {m.calendar_neutral_heading()}
      </h2>
      <p className="ds-paragraph" id="calendar-neutral-help">
        {m.calendar_neutral_body()}
      </p>
      {notice === "neutral_on" || notice === "neutral_off" ? <SuccessNotice text={notice === "neutral_on" ? m.calendar_neutral_saved_on() : m.calendar_neutral_saved_off()} /> : null}
      {/* Keyed by the stored value, so the switch shows what was saved after each post. */}
      <Form method="post" className="stack" key={String(neutral)}>
        <CsrfField />
        <input type="hidden" name="intent" value="save-neutral" />
        <div className="ds-field">
          <input className="ds-input" type="checkbox" role="switch" id="calendar-neutral" name="neutral" defaultChecked={neutral} aria-describedby="calendar-neutral-help" />
          <label className="ds-label" htmlFor="calendar-neutral" data-weight="regular">
            {m.calendar_neutral_label()}
          </label>
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {m.calendar_neutral_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}

export default function SettingsCalendar({ loaderData }: Route.ComponentProps) {
  const { neutral, link, notice, confirm } = loaderData;
  const locale = useRootData()?.locale ?? "nb";

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.calendar_title()}
      </h1>
      <p className="ds-paragraph">
        <Link to="/settings" className="ds-link">
          {m.calendar_back()}
        </Link>
      </p>
      <p className="ds-paragraph">{m.calendar_intro()}</p>
      <div className="ds-alert" data-color="info">
        <p className="ds-paragraph">{m.calendar_link_warning()}</p>
      </div>

      <LinkSection link={link} notice={notice} confirm={confirm} locale={locale} />
      <NeutralSection neutral={neutral} notice={notice} />
    </>
  );
}
