import { data, Form, Link } from "react-router";

import { displayNameText } from "~/display-name";
import { formatDateTime } from "~/format-date";
import { m } from "~/paraglide/messages";
import { useRootData } from "~/root";
import { requirePermission } from "~/route-guards.server";
import { listAuditEvents, type AuditEventListing, type AuditSubjectLabel } from "../../server/audit/list-audit-events";
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

/** Translate an action the portal records, or return null for one this page does not know yet. */
function actionText(action: string): string | null {
  switch (action) {
    case "account.created":
      return m.admin_audit_action_account_created();
    case "account.disabled":
      return m.admin_audit_action_account_disabled();
    case "account.enabled":
      return m.admin_audit_action_account_enabled();
    case "role.granted":
      return m.admin_audit_action_role_granted();
    case "role.revoked":
      return m.admin_audit_action_role_revoked();
    case "community.created":
      return m.admin_audit_action_community_created();
    case "community.renamed":
      return m.admin_audit_action_community_renamed();
    case "invitation.created":
      return m.admin_audit_action_invitation_created();
    case "invitation.redeemed":
      return m.admin_audit_action_invitation_redeemed();
    case "invitation.revoked":
      return m.admin_audit_action_invitation_revoked();
    case "terms.accepted":
      return m.admin_audit_action_terms_accepted();
    case "forum_category.created":
      return m.admin_audit_action_forum_category_created();
    case "forum_category.updated":
      return m.admin_audit_action_forum_category_updated();
    case "forum_category.archived":
      return m.admin_audit_action_forum_category_archived();
    case "forum_category.restored":
      return m.admin_audit_action_forum_category_restored();
    default:
      return null;
  }
}

function subjectLabelText(label: AuditSubjectLabel): string {
  return label.kind === "community" ? label.text : displayNameText(label);
}

function subjectTypeText(type: string): string {
  if (type === "account") return m.admin_audit_subject_account();
  if (type === "community") return m.admin_audit_subject_community();
  if (type === "invitation") return m.admin_audit_subject_invitation();
  if (type === "forum_category") return m.admin_audit_subject_forum_category();
  return type;
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

function AuditTable({ events }: { events: AuditEventListing[] }) {
  const locale = useRootData()?.locale ?? "nb";

  return (
    <div className="admin-table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="ds-table" data-border="true" data-size="sm">
        <caption id="audit-caption">{m.admin_audit_caption()}</caption>
        <thead>
          <tr>
            <th scope="col">{m.admin_column_time()}</th>
            <th scope="col">{m.admin_column_action()}</th>
            <th scope="col">{m.admin_column_actor()}</th>
            <th scope="col">{m.admin_column_subject()}</th>
            <th scope="col">{m.admin_column_details()}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const label = actionText(event.action);
            return (
              <tr key={event.id}>
                <td>
                  <time dateTime={new Date(event.createdAt).toISOString()}>{formatDateTime(event.createdAt, locale)}</time>
                </td>
                <th scope="row">
                  {label ?? <code>{event.action}</code>}
                  {label ? (
                    <>
                      <br />
                      <small className="admin-muted">
                        <code>{event.action}</code>
                      </small>
                    </>
                  ) : null}
                </th>
                <td className="wrap-anywhere">
                  {event.actor ? (
                    <>
                      {displayNameText(event.actor.label)}
                      <br />
                      <small className="admin-muted">
                        <code>{event.actor.id}</code>
                      </small>
                    </>
                  ) : (
                    m.admin_audit_system()
                  )}
                </td>
                <td className="wrap-anywhere">
                  {subjectTypeText(event.subject.type)}
                  {event.subject.label ? `: ${subjectLabelText(event.subject.label)}` : null}
                  <br />
                  <small className="admin-muted">
                    <code>{event.subject.id}</code>
                  </small>
                </td>
                <td className="admin-audit-details">
                  {event.details.length === 0 ? (
                    m.admin_audit_no_details()
                  ) : (
                    <ul className="admin-detail-list">
                      {event.details.map(([key, value]) => (
                        <li key={key}>
                          <code>
                            {key}: {String(value)}
                          </code>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
