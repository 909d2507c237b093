import { formatDateTime } from "~/format-date";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import type { Locale, Role } from "../../server/identity/roles";

/** Show a new invitation's link once, in a read-only field that selects itself for copying. */
export function CreatedInvitationPanel({ created, locale }: { created: { role: Role; communityName: string | null; link: string; expiresAt: Date | string; emailQueued: boolean }; locale: Locale }) {
  return (
    <div className="ds-alert" data-color="success" role="status">
      <h2 className="ds-heading" data-size="sm">
        {m.invitation_created_heading()}
      </h2>
      <p className="ds-paragraph">
        {created.communityName
          ? m.invitation_created_summary({ role: roleLabel(created.role), community: created.communityName })
          : m.invitation_created_summary_no_community({ role: roleLabel(created.role) })}
      </p>
      <p className="ds-paragraph">{m.invitation_created_body({ date: formatDateTime(created.expiresAt, locale) })}</p>
      {created.emailQueued ? <p className="ds-paragraph">{m.invitation_created_email_queued()}</p> : null}
      <div className="ds-field">
        <label className="ds-label" htmlFor="invitation-link">
          {m.invitation_link_label()}
        </label>
        <p className="ds-paragraph" data-size="sm" id="invitation-link-help">
          {m.invitation_link_help()}
        </p>
        <input
          className="ds-input"
          id="invitation-link"
          type="text"
          readOnly
          value={created.link}
          aria-describedby="invitation-link-help"
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
        />
      </div>
    </div>
  );
}
