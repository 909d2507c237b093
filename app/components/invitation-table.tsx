import { Form } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { formatDate } from "~/format-date";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import type { Locale } from "../../server/identity/roles";
import { INVITATION_LIST_LIMIT } from "../../server/invitations/invitation-limits";
import type { InvitationListing } from "../../server/invitations/list-invitations";
import type { InvitationStatus } from "../../server/invitations/invitation-status";

function statusLabel(status: InvitationStatus): string {
  switch (status) {
    case "pending":
      return m.invitation_status_pending();
    case "accepted":
      return m.invitation_status_accepted();
    case "expired":
      return m.invitation_status_expired();
    case "revoked":
      return m.invitation_status_revoked();
  }
}

/** An invitation as the table receives it from the loader, where dates may arrive serialised. */
export type InvitationRow = Omit<InvitationListing, "createdAt" | "expiresAt"> & { expiresAt: Date | string };

function inviteeText(invitation: InvitationRow): string {
  return invitation.inviteeName ?? invitation.inviteeEmail ?? m.invitation_invitee_unnamed();
}

function createdByText(invitation: InvitationRow): string {
  return invitation.createdByYou ? m.invitation_created_by_you() : m.invitation_created_by_someone_else();
}

/**
 * The inviter's invitations with their status, and a revoke button on each
 * pending one. Wide screens get a table and phones a list of cards. The
 * stylesheet hides the other one with `display: none`, so neither screen
 * readers nor the keyboard reach it.
 */
export function InvitationTable({ invitations, seesAll, locale }: { invitations: InvitationRow[]; seesAll: boolean; locale: Locale }) {
  const heading = seesAll ? m.invitation_list_heading_all() : m.invitation_list_heading_own();

  return (
    <section className="stack" aria-labelledby="invitation-list-heading">
      <h2 id="invitation-list-heading" className="ds-heading" data-size="md">
        {heading}
      </h2>
      {invitations.length === 0 ? (
        <p className="ds-paragraph">{m.invitation_list_empty()}</p>
      ) : (
        <>
          <InvitationRows invitations={invitations} seesAll={seesAll} locale={locale} />
          <InvitationCards invitations={invitations} seesAll={seesAll} locale={locale} />
        </>
      )}
      {invitations.length >= INVITATION_LIST_LIMIT ? <p className="ds-paragraph">{m.invitation_list_limit({ count: INVITATION_LIST_LIMIT })}</p> : null}
    </section>
  );
}

function RevokeButton({ invitation }: { invitation: InvitationRow }) {
  return (
    <Form method="post">
      <CsrfField />
      <input type="hidden" name="intent" value="revoke" />
      <input type="hidden" name="invitationId" value={invitation.id} />
      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={m.invitation_revoke_label({ invitee: inviteeText(invitation) })}>
        {m.invitation_revoke()}
      </button>
    </Form>
  );
}

function InvitationRows({ invitations, seesAll, locale }: { invitations: InvitationRow[]; seesAll: boolean; locale: Locale }) {
  return (
    // The table may still be wider than its column (large text, zoom), so it scrolls sideways inside this region.
    // The region takes focus, so keyboard users can scroll it too.
    <div className="invitation-table" role="group" aria-labelledby="invitation-list-heading" tabIndex={0}>
      <table className="ds-table" data-border data-size="sm">
        <thead>
          <tr>
            <th scope="col">{m.invitation_column_invitee()}</th>
            <th scope="col">{m.invitation_column_role()}</th>
            <th scope="col">{m.invitation_column_community()}</th>
            <th scope="col">{m.invitation_column_status()}</th>
            <th scope="col">{m.invitation_column_expires()}</th>
            {seesAll ? <th scope="col">{m.invitation_column_created_by()}</th> : null}
            <th scope="col">{m.invitation_column_action()}</th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className="wrap-anywhere">
                {inviteeText(invitation)}
                {invitation.inviteeName && invitation.inviteeEmail ? (
                  <>
                    <br />
                    <span className="ds-paragraph" data-size="sm">
                      {invitation.inviteeEmail}
                    </span>
                  </>
                ) : null}
              </th>
              <td>{roleLabel(invitation.role)}</td>
              <td>{invitation.communityName ?? "–"}</td>
              <td>{statusLabel(invitation.status)}</td>
              <td>{formatDate(invitation.expiresAt, locale)}</td>
              {seesAll ? <td>{createdByText(invitation)}</td> : null}
              <td>{invitation.mayRevoke ? <RevokeButton invitation={invitation} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InvitationCards({ invitations, seesAll, locale }: { invitations: InvitationRow[]; seesAll: boolean; locale: Locale }) {
  return (
    <ul className="invitation-cards" aria-labelledby="invitation-list-heading">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="ds-card invitation-card">
          <h3 className="ds-heading wrap-anywhere" data-size="xs">
            {inviteeText(invitation)}
          </h3>
          {invitation.inviteeName && invitation.inviteeEmail ? (
            <p className="ds-paragraph wrap-anywhere" data-size="sm">
              {invitation.inviteeEmail}
            </p>
          ) : null}
          <dl className="invitation-card__facts">
            <dt>{m.invitation_column_status()}</dt>
            <dd>{statusLabel(invitation.status)}</dd>
            <dt>{m.invitation_column_role()}</dt>
            <dd>{roleLabel(invitation.role)}</dd>
            <dt>{m.invitation_column_community()}</dt>
            <dd>{invitation.communityName ?? "–"}</dd>
            <dt>{m.invitation_column_expires()}</dt>
            <dd>{formatDate(invitation.expiresAt, locale)}</dd>
            {seesAll ? (
              <>
                <dt>{m.invitation_column_created_by()}</dt>
                <dd>{createdByText(invitation)}</dd>
              </>
            ) : null}
          </dl>
          {invitation.mayRevoke ? <RevokeButton invitation={invitation} /> : null}
        </li>
      ))}
    </ul>
  );
}
