import { Form } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import type { InviteToClosedGroupResult } from "../../server/forum/invite-to-closed-group";
import { CLOSED_GROUP_MAX_INVITEES, CLOSED_GROUP_NAME_MAX_LENGTH, SHOWN_NAME_MAX_LENGTH } from "../../server/forum/people-limits";
import type { ClosedGroupNameErrorCode, InviteesErrorCode, ShownNameErrorCode } from "../../server/forum/people-validation";

export type InviteErrorCode = Extract<InviteToClosedGroupResult, { status: "rejected" }>["code"];

/** Render a success message after a redirect, announced politely to screen readers. */
export function SuccessNotice({ text }: { text: string }) {
  return (
    <div className="ds-alert" data-color="success" role="status">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}

/** Render an error about the whole form rather than one field, announced at once. */
export function FormError({ text }: { text: string }) {
  return (
    <div className="ds-alert" data-color="danger" role="alert">
      <p className="ds-paragraph">{text}</p>
    </div>
  );
}

export function shownNameErrorText(code: ShownNameErrorCode): string {
  switch (code) {
    case "shown_name_missing":
      return m.forum_reveal_error_missing();
    case "shown_name_too_long":
      return m.forum_reveal_error_too_long({ max: SHOWN_NAME_MAX_LENGTH });
    case "shown_name_invalid_characters":
      return m.forum_reveal_error_invalid_characters();
  }
}

export function closedGroupNameErrorText(code: ClosedGroupNameErrorCode): string {
  switch (code) {
    case "group_name_missing":
      return m.forum_groups_error_name_missing();
    case "group_name_too_long":
      return m.forum_groups_error_name_too_long({ max: CLOSED_GROUP_NAME_MAX_LENGTH });
    case "group_name_invalid_characters":
      return m.forum_groups_error_name_invalid_characters();
  }
}

export function inviteesErrorText(code: InviteesErrorCode): string {
  switch (code) {
    case "too_many_invitees":
      return m.forum_groups_error_too_many_invitees({ max: CLOSED_GROUP_MAX_INVITEES });
    case "invitee_not_mutually_revealed":
      return m.forum_groups_error_invitee_not_mutually_revealed();
  }
}

export function inviteErrorText(code: InviteErrorCode): string {
  switch (code) {
    case "self":
      return m.forum_invite_error_self();
    case "not_mutually_revealed":
      return m.forum_invite_error_not_mutually_revealed();
    case "already_joined":
      return m.forum_invite_error_already_joined();
    case "already_invited":
      return m.forum_invite_error_already_invited();
  }
}

/** Render accept and decline buttons for one invitation, each in its own form so both work without JavaScript. */
export function AnswerButtons({ groupId, groupName }: { groupId: string; groupName: string }) {
  return (
    <div className="admin-button-row">
      <Form method="post" action={forumPaths.groups()}>
        <CsrfField />
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="groupId" value={groupId} />
        <button type="submit" className="ds-button" data-variant="primary" aria-label={m.forum_groups_accept_label({ name: groupName })}>
          {m.forum_groups_accept()}
        </button>
      </Form>
      <Form method="post" action={forumPaths.groups()}>
        <CsrfField />
        <input type="hidden" name="intent" value="decline" />
        <input type="hidden" name="groupId" value={groupId} />
        <button type="submit" className="ds-button" data-variant="secondary" aria-label={m.forum_groups_decline_label({ name: groupName })}>
          {m.forum_groups_decline()}
        </button>
      </Form>
    </div>
  );
}
