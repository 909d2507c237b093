import { Link } from "react-router";

import { displayNameText } from "~/display-name";
import { formatDateTime } from "~/format-date";
import { m } from "~/paraglide/messages";
import { useRootData } from "~/root";
import type { AuditEventListing, AuditSubjectLabel } from "../../server/audit/list-audit-events";

/** Translate an action the portal records, or return null for one this page does not know yet. */
export function actionText(action: string): string | null {
  const moderation = moderationActionText(action);
  if (moderation) return moderation;
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
  const moderation = moderationSubjectTypeText(type);
  if (moderation) return moderation;
  if (type === "account") return m.admin_audit_subject_account();
  if (type === "community") return m.admin_audit_subject_community();
  if (type === "invitation") return m.admin_audit_subject_invitation();
  if (type === "forum_category") return m.admin_audit_subject_forum_category();
  return type;
}

/**
 * The log as a table, newest first. `subjectLink` turns a subject into a
 * link where the reader has a page for it (a moderator's post page); other
 * subjects show their type, label and id.
 */
export function AuditTable({ events, subjectLink }: { events: AuditEventListing[]; subjectLink?: (type: string, id: string) => string | null }) {
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
                  <SubjectText type={event.subject.type} id={event.subject.id} label={event.subject.label} subjectLink={subjectLink} />
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

function SubjectText(props: { type: string; id: string; label: AuditSubjectLabel | null; subjectLink?: (type: string, id: string) => string | null }) {
  const text = `${subjectTypeText(props.type)}${props.label ? `: ${subjectLabelText(props.label)}` : ""}`;
  const href = props.subjectLink?.(props.type, props.id);
  return href ? <Link to={href}>{text}</Link> : <>{text}</>;
}

/** Translate a moderation action; the moderation log and the administrators' log share these. */
function moderationActionText(action: string): string | null {
  switch (action) {
    case "moderation.post_reported":
      return m.audit_action_post_reported();
    case "moderation.post_hidden":
      return m.audit_action_post_hidden();
    case "moderation.post_restored":
      return m.audit_action_post_restored();
    case "moderation.report_resolved":
      return m.audit_action_report_resolved();
    case "moderation.post_approved":
      return m.audit_action_post_approved();
    case "moderation.post_edited":
      return m.audit_action_post_edited();
    case "moderation.thread_locked":
      return m.audit_action_thread_locked();
    case "moderation.thread_unlocked":
      return m.audit_action_thread_unlocked();
    case "moderation.thread_pinned":
      return m.audit_action_thread_pinned();
    case "moderation.thread_unpinned":
      return m.audit_action_thread_unpinned();
    case "moderation.thread_moved":
      return m.audit_action_thread_moved();
    case "moderation.member_warned":
      return m.audit_action_member_warned();
    case "moderation.member_suspended":
      return m.audit_action_member_suspended();
    case "moderation.suspension_lifted":
      return m.audit_action_suspension_lifted();
    case "moderation.crisis_alert_raised":
      return m.audit_action_crisis_alert_raised();
    case "moderation.crisis_alert_handled":
      return m.audit_action_crisis_alert_handled();
    case "moderation.settings_changed":
      return m.audit_action_moderation_settings_changed();
    case "moderation.duty_started":
      return m.audit_action_duty_started();
    case "moderation.duty_ended":
      return m.audit_action_duty_ended();
    case "account.paused":
      return m.audit_action_account_paused();
    case "account.resumed":
      return m.audit_action_account_resumed();
    default:
      return null;
  }
}

/** The moderation actions a moderator may filter the log by, in the order of the filter's list. */
export const moderationLogActions = [
  "moderation.post_reported",
  "moderation.post_hidden",
  "moderation.post_restored",
  "moderation.report_resolved",
  "moderation.post_approved",
  "moderation.post_edited",
  "moderation.thread_locked",
  "moderation.thread_unlocked",
  "moderation.thread_pinned",
  "moderation.thread_unpinned",
  "moderation.thread_moved",
  "moderation.member_warned",
  "moderation.member_suspended",
  "moderation.suspension_lifted",
  "moderation.crisis_alert_raised",
  "moderation.crisis_alert_handled",
  "moderation.settings_changed",
  "moderation.duty_started",
  "moderation.duty_ended",
] as const;

function moderationSubjectTypeText(type: string): string | null {
  switch (type) {
    case "forum_post":
      return m.audit_subject_forum_post();
    case "forum_thread":
      return m.audit_subject_forum_thread();
    case "forum_post_report":
      return m.audit_subject_forum_post_report();
    case "crisis_alert":
      return m.audit_subject_crisis_alert();
    case "moderation_settings":
      return m.audit_subject_moderation_settings();
    default:
      return null;
  }
}
