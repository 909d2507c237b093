import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { crisisCategoriesText } from "~/moderation-labels";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { handleCrisisAlert } from "../../server/moderation/handle-crisis-alert";
import { HANDLED_CRISIS_ALERTS_DAYS, listCrisisAlerts, type CrisisAlertView } from "../../server/moderation/list-crisis-alerts";
import { requestContext } from "../../server/platform/request-context";
import type { Locale } from "../../server/identity/roles";
import type { Route } from "./+types/moderation-crisis-alerts";

export function meta() {
  return [{ title: `${m.moderation_crisis_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation.view");
  const { portal, locale } = context.get(requestContext);
  const result = await listCrisisAlerts(portal.db, actor);
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });

  const notice = new URL(request.url).searchParams.get("notice");
  return { locale, open: result.open, recentlyHandled: result.recentlyHandled, notice: notice === "handled" || notice === "already_handled" ? notice : null };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.moderate");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  if (form.get("intent") !== "handle") throw data({ code: "invalid_intent" }, { status: 400 });

  const alertId = String(form.get("alertId") ?? "");
  const result = await handleCrisisAlert(portal.db, actor, alertId);
  if (result.status === "not_found") return data({ error: "not_found" as const }, { status: 404 });

  if (result.status === "handled") log.info({ alertId }, "moderation.crisis_alert_handled");
  return redirect(`${moderationPaths.crisisAlerts()}?notice=${result.status}`);
}

export default function ModerationCrisisAlerts({ loaderData, actionData }: Route.ComponentProps) {
  const { open, recentlyHandled, notice, locale } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_crisis_title()}
      </h1>
      <p className="ds-paragraph">{m.moderation_crisis_intro()}</p>
      <p className="ds-paragraph">
        <Link to={moderationPaths.overview()}>{m.moderation_back_to_overview()}</Link>
      </p>
      {notice ? (
        <div className="ds-alert" data-color={notice === "handled" ? "success" : "info"} role="status">
          <p className="ds-paragraph">{notice === "handled" ? m.moderation_crisis_handled() : m.moderation_crisis_already_handled()}</p>
        </div>
      ) : null}
      {actionData?.error === "not_found" ? (
        <div className="ds-alert" data-color="warning" role="alert">
          <p className="ds-paragraph">{m.moderation_crisis_not_found()}</p>
        </div>
      ) : null}

      <section className="stack" aria-labelledby="open-alerts-heading">
        <h2 id="open-alerts-heading" className="ds-heading" data-size="md">
          {m.moderation_crisis_open_heading()}
        </h2>
        {open.length === 0 ? (
          <p className="ds-paragraph">{m.moderation_crisis_empty()}</p>
        ) : (
          <ol className="moderation-post-list">
            {open.map((alert) => (
              <CrisisAlert key={alert.id} alert={alert} locale={locale} />
            ))}
          </ol>
        )}
      </section>

      <section className="stack" aria-labelledby="handled-alerts-heading">
        <h2 id="handled-alerts-heading" className="ds-heading" data-size="md">
          {m.moderation_crisis_handled_heading()}
        </h2>
        {recentlyHandled.length === 0 ? (
          <p className="ds-paragraph">{m.moderation_crisis_handled_empty({ days: HANDLED_CRISIS_ALERTS_DAYS })}</p>
        ) : (
          <ol className="moderation-post-list">
            {recentlyHandled.map((alert) => (
              <CrisisAlert key={alert.id} alert={alert} locale={locale} />
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function postStateText(state: CrisisAlertView["post"]["state"]): string | null {
  switch (state) {
    case "deleted":
      return m.moderation_crisis_post_deleted();
    case "hidden":
      return m.moderation_crisis_post_hidden();
    case "waiting":
      return m.moderation_crisis_post_waiting();
    case "live":
      return null;
  }
}

function CrisisAlert({ alert, locale }: { alert: CrisisAlertView; locale: Locale }) {
  const writer = alert.writerPseudonym ?? m.forum_former_member();
  const headingId = `alert-${alert.id}`;
  const stateText = postStateText(alert.post.state);

  return (
    <li className="moderation-post-list__item stack">
      <article className="stack" aria-labelledby={headingId}>
        <h3 id={headingId} className="ds-heading" data-size="xs">
          {m.moderation_crisis_categories({ categories: crisisCategoriesText(alert.categories) })}
        </h3>
        <p className="ds-paragraph" data-size="sm">
          {m.moderation_crisis_written_by({ author: writer, title: alert.post.threadTitle, time: formatDateTime(alert.createdAt, locale) })}
        </p>
        {alert.heldForModerator && alert.post.state === "waiting" ? (
          <p className="ds-paragraph">
            <span className="ds-tag" data-color="warning">
              {m.moderation_crisis_held()}
            </span>
          </p>
        ) : null}
        {stateText ? <p className="ds-paragraph">{stateText}</p> : null}
        {alert.post.contentWarning ? <p className="ds-paragraph">{m.forum_post_content_warning({ warning: alert.post.contentWarning })}</p> : null}
        <div className="forum-post__body" dangerouslySetInnerHTML={{ __html: alert.post.bodyHtml }} />
      </article>
      <p className="ds-paragraph">
        {alert.post.state === "waiting" ? (
          <Link to={`${moderationPaths.approvals()}#post-${alert.post.id}`}>{m.moderation_crisis_open_approval()}</Link>
        ) : alert.post.state === "live" ? (
          <Link to={forumPaths.post(alert.post.threadId, alert.post.id, alert.post.position)}>{m.moderation_crisis_open_post()}</Link>
        ) : null}
      </p>
      {alert.handled ? (
        <p className="ds-paragraph" data-size="sm">
          {m.moderation_crisis_handled_by({ moderator: alert.handled.byPseudonym ?? m.forum_former_member(), time: formatDateTime(alert.handled.at, locale) })}
        </p>
      ) : (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="handle" />
          <input type="hidden" name="alertId" value={alert.id} />
          <button type="submit" className="ds-button" data-variant="secondary" aria-label={m.moderation_crisis_mark_handled_label({ author: writer })}>
            {m.moderation_crisis_mark_handled()}
          </button>
        </Form>
      )}
    </li>
  );
}
