import { data, Form, Link } from "react-router";

import { actionText, AuditTable, moderationLogActions } from "~/components/audit-table";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listAuditEvents } from "../../server/audit/list-audit-events";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/moderation-log";

export function meta() {
  return [{ title: `${m.moderation_log_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "moderation_log.view");
  const { portal } = context.get(requestContext);
  const url = new URL(request.url);
  // Only the listed actions can be chosen; anything else shows the whole moderation log.
  const chosen = url.searchParams.get("action") ?? "";
  const action = (moderationLogActions as readonly string[]).includes(chosen) ? chosen : "";

  const result = await listAuditEvents(portal.db, portal.keys, actor, { scope: "moderation", actionPrefix: action, cursor: url.searchParams.get("cursor") });
  if (result.status !== "listed") throw data({ code: "not_found" }, { status: 404 });
  return {
    events: result.events,
    action,
    nextCursor: result.nextCursor,
    onLaterPage: url.searchParams.has("cursor"),
    // Administrators read the log but never forum text, so only moderators get links to posts and threads.
    linkSubjects: can(actor, "moderation.view"),
  };
}

function pageLink(action: string, cursor?: string): string {
  const query = new URLSearchParams();
  if (action) query.set("action", action);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `${moderationPaths.log()}?${text}` : moderationPaths.log();
}

function subjectLink(type: string, id: string): string | null {
  if (type === "forum_post") return moderationPaths.post(id);
  if (type === "forum_thread") return moderationPaths.thread(id);
  return null;
}

export default function ModerationLog({ loaderData }: Route.ComponentProps) {
  const { events, action, nextCursor, onLaterPage, linkSubjects } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.moderation_log_title()}
      </h1>
      <p className="ds-paragraph">{m.moderation_log_intro()}</p>
      {linkSubjects ? (
        <p className="ds-paragraph">
          <Link to={moderationPaths.overview()}>{m.moderation_back_to_overview()}</Link>
        </p>
      ) : null}

      <Form method="get" action={moderationPaths.log()} className="admin-filter-form">
        <div className="ds-field">
          <label className="ds-label" htmlFor="moderation-log-action">
            {m.moderation_log_filter_label()}
          </label>
          <select className="ds-input" id="moderation-log-action" name="action" defaultValue={action}>
            <option value="">{m.moderation_log_filter_all()}</option>
            {moderationLogActions.map((value) => (
              <option key={value} value={value}>
                {actionText(value) ?? value}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {m.admin_audit_filter_submit()}
          </button>
        </div>
      </Form>

      {events.length === 0 ? <p className="ds-paragraph">{m.moderation_log_empty()}</p> : <AuditTable events={events} subjectLink={linkSubjects ? subjectLink : undefined} />}

      {nextCursor || onLaterPage ? (
        <p className="admin-button-row">
          {onLaterPage ? (
            <Link to={pageLink(action)} className="ds-button" data-variant="tertiary">
              {m.admin_first_page()}
            </Link>
          ) : null}
          {nextCursor ? (
            <Link to={pageLink(action, nextCursor)} className="ds-button" data-variant="secondary">
              {m.admin_next_page()}
            </Link>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
