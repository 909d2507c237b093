import { Form } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { formatDate } from "~/format-date";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import type { Locale, Role } from "../../server/identity/roles";
import { INVITATION_LIST_LIMIT } from "../../server/invitations/invitation-limits";
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

export interface InvitationRow {
  id: string;
  role: Role;
  communityName: string | null;
  inviteeName: string | null;
  inviteeEmail: string | null;
  status: InvitationStatus;
  expiresAt: Date | string;
  createdByYou: boolean;
  mayRevoke: boolean;
}

/** The inviter's invitations with their status, and a revoke button on each pending one. */
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
        // A wide table scrolls sideways inside this region, which takes focus so keyboard users can scroll it too.
        <div role="group" aria-labelledby="invitation-list-heading" tabIndex={0} style={{ overflowX: "auto" }}>
          <table className="ds-table" data-border>
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
              {invitations.map((invitation) => {
                const invitee = invitation.inviteeName ?? invitation.inviteeEmail ?? m.invitation_invitee_unnamed();
                return (
                  <tr key={invitation.id}>
                    <th scope="row">
                      {invitee}
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
                    {seesAll ? <td>{invitation.createdByYou ? m.invitation_created_by_you() : m.invitation_created_by_someone_else()}</td> : null}
                    <td>
                      {invitation.mayRevoke ? (
                        <Form method="post">
                          <CsrfField />
                          <input type="hidden" name="intent" value="revoke" />
                          <input type="hidden" name="invitationId" value={invitation.id} />
                          <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={m.invitation_revoke_label({ invitee })}>
                            {m.invitation_revoke()}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {invitations.length >= INVITATION_LIST_LIMIT ? <p className="ds-paragraph">{m.invitation_list_limit({ count: INVITATION_LIST_LIMIT })}</p> : null}
    </section>
  );
}
