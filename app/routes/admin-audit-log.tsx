import { data, Form, Link } from "react-router";

import { AuditTable } from "~/components/audit-table";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listAuditEvents } from "../../server/audit/list-audit-events";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/admin-audit-log";

export function meta() {
  return [{ title: `${m.admin_audit_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "audit_log.view");
  const { portal } = context.get(requestContext);
  const url = new URL(request.url);

  const result = await listAuditEvents(portal.db, portal.keys, actor, { actionPrefix: url.searchParams.get("action") ?? "", cursor: url.searchParams.get("cursor") });
  if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
  if (result.status === "invalid_prefix") {
    return data({ events: [], actionPrefix: result.actionPrefix, prefixInvalid: true, nextCursor: null, onLaterPage: false }, { status: 400 });
  }

  return { events: result.events, actionPrefix: result.actionPrefix, prefixInvalid: false, nextCursor: result.nextCursor, onLaterPage: url.searchParams.has("cursor") };
}

/** Explain an empty page by what caused it: the filter, a page past the last event, or a log with nothing in it yet. */
function emptyText(actionPrefix: string, onLaterPage: boolean): string {
  if (actionPrefix) return m.admin_audit_empty();
  if (onLaterPage) return m.admin_audit_empty_later_page();
  return m.admin_audit_empty_unfiltered();
}

function pageLink(actionPrefix: string, cursor?: string): string {
  const query = new URLSearchParams();
  if (actionPrefix) query.set("action", actionPrefix);
  if (cursor) query.set("cursor", cursor);
  const text = query.toString();
  return text ? `/admin/audit-log?${text}` : "/admin/audit-log";
}

export default function AdminAuditLog({ loaderData }: Route.ComponentProps) {
  const { events, actionPrefix, prefixInvalid, nextCursor, onLaterPage } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.admin_audit_title()}
      </h1>
      <p className="ds-paragraph">{m.admin_audit_intro()}</p>
      <p className="ds-paragraph">
        <Link to="/admin" className="ds-link">
          {m.admin_back_to_admin()}
        </Link>
      </p>

      <Form method="get" action="/admin/audit-log" className="admin-filter-form">
        <div className="ds-field">
          <label className="ds-label" htmlFor="audit-action">
            {m.admin_audit_filter_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="audit-action-description">
            {m.admin_audit_filter_description()}
          </p>
          <input
            className="ds-input"
            id="audit-action"
            name="action"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            defaultValue={actionPrefix}
            aria-invalid={prefixInvalid ? true : undefined}
            aria-describedby={prefixInvalid ? "audit-action-description audit-action-error" : "audit-action-description"}
          />
          {prefixInvalid ? (
            <p className="ds-validation-message" id="audit-action-error" data-color="danger">
              {m.admin_audit_error_invalid_prefix()}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="secondary">
            {m.admin_audit_filter_submit()}
          </button>
        </div>
      </Form>

      {!prefixInvalid && events.length === 0 ? <p className="ds-paragraph">{emptyText(actionPrefix, onLaterPage)}</p> : null}
      {events.length > 0 ? <AuditTable events={events} /> : null}

      {nextCursor || onLaterPage ? (
        <p className="admin-button-row">
          {onLaterPage ? (
            <Link to={pageLink(actionPrefix)} className="ds-button" data-variant="tertiary">
              {m.admin_first_page()}
            </Link>
          ) : null}
          {nextCursor ? (
            <Link to={pageLink(actionPrefix, nextCursor)} className="ds-button" data-variant="secondary">
              {m.admin_next_page()}
            </Link>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
