import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { FormError, inviteErrorText, shownNameErrorText, SuccessNotice, type InviteErrorCode } from "~/components/forum-people";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { blockMember } from "../../server/forum/block-member";
import { getMemberProfile, type MemberProfileView } from "../../server/forum/get-member-profile";
import { inviteToClosedGroup } from "../../server/forum/invite-to-closed-group";
import { SHOWN_NAME_MAX_LENGTH } from "../../server/forum/people-limits";
import type { ShownNameErrorCode } from "../../server/forum/people-validation";
import { revealToMember } from "../../server/forum/reveal-to-member";
import { revokeReveal } from "../../server/forum/revoke-reveal";
import { unblockMember } from "../../server/forum/unblock-member";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-member";

export function meta({ data: loaderData }: Route.MetaArgs) {
  return [{ title: loaderData ? `${loaderData.profile.pseudonym} – ReConnect` : "ReConnect" }];
}

const notices = ["revealed", "revoked", "blocked", "unblocked", "invited"] as const;
type Notice = (typeof notices)[number];

function notFound(): never {
  throw data({ code: "not_found" }, { status: 404 });
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal } = context.get(requestContext);

  const result = await getMemberProfile(portal.db, portal.keys, actor, params.pseudonym);
  if (result.status === "not_found") notFound();

  const url = new URL(request.url);
  const notice = notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null;
  const confirmBlock = url.searchParams.get("confirm") === "block" && result.profile.may.block && !result.profile.blockedByViewer;
  return { profile: result.profile, notice, confirmBlock };
}

export type ForumMemberActionData =
  | { intent: "reveal"; error?: ShownNameErrorCode; formError?: "self" | "blocked_by_you"; values: { shownName: string } }
  | { intent: "block"; formError: "self" }
  | { intent: "invite-to-group"; formError: InviteErrorCode };

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const back = (notice: Notice) => redirect(`${forumPaths.member(params.pseudonym)}?notice=${notice}`);

  switch (form.get("intent")) {
    case "reveal": {
      const values = { shownName: text("shownName") };
      const result = await revealToMember(portal.db, portal.keys, actor, { pseudonym: params.pseudonym, shownName: values.shownName });
      if (result.status === "not_found") notFound();
      if (result.status === "invalid") return data<ForumMemberActionData>({ intent: "reveal", error: result.code, values }, { status: 400 });
      if (result.status === "rejected") return data<ForumMemberActionData>({ intent: "reveal", formError: result.code, values }, { status: 409 });
      // Only the actor's id is logged, so the logs never show who revealed to whom.
      log.info({ accountId: actor.accountId }, "member.revealed");
      return back("revealed");
    }
    case "revoke-reveal": {
      const result = await revokeReveal(portal.db, actor, { pseudonym: params.pseudonym });
      if (result.status === "not_found") notFound();
      log.info({ accountId: actor.accountId }, "member.reveal_revoked");
      return back("revoked");
    }
    case "block": {
      const result = await blockMember(portal.db, actor, { pseudonym: params.pseudonym });
      if (result.status === "not_found") notFound();
      if (result.status === "rejected") return data<ForumMemberActionData>({ intent: "block", formError: result.code }, { status: 409 });
      log.info({ accountId: actor.accountId }, "member.blocked");
      return back("blocked");
    }
    case "unblock": {
      const result = await unblockMember(portal.db, actor, { pseudonym: params.pseudonym });
      if (result.status === "not_found") notFound();
      log.info({ accountId: actor.accountId }, "member.unblocked");
      return back("unblocked");
    }
    case "invite-to-group": {
      const groupId = text("groupId");
      const result = await inviteToClosedGroup(portal.db, actor, { groupId, pseudonym: params.pseudonym });
      if (result.status === "not_found") notFound();
      if (result.status === "rejected") return data<ForumMemberActionData>({ intent: "invite-to-group", formError: result.code }, { status: 409 });
      log.info({ accountId: actor.accountId, groupId }, "closed_group.member_invited");
      return back("invited");
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function noticeText(notice: Notice, pseudonym: string): string {
  switch (notice) {
    case "revealed":
      return m.forum_notice_revealed({ pseudonym });
    case "revoked":
      return m.forum_notice_revoked();
    case "blocked":
      return m.forum_notice_blocked({ pseudonym });
    case "unblocked":
      return m.forum_notice_unblocked();
    case "invited":
      return m.forum_notice_invited();
  }
}

export default function ForumMember({ loaderData, actionData }: Route.ComponentProps) {
  const { profile, notice, confirmBlock } = loaderData;
  const { pseudonym } = profile;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {pseudonym}
      </h1>
      {notice ? <SuccessNotice text={noticeText(notice, pseudonym)} /> : null}
      {profile.communityNames.length > 0 ? <p className="ds-paragraph">{m.forum_member_community({ communities: profile.communityNames.join(", ") })}</p> : null}

      {profile.isSelf ? (
        <>
          <p className="ds-paragraph">{m.forum_member_self()}</p>
          <p className="ds-paragraph">
            <Link className="ds-link" to="/settings/profile">
              {m.forum_member_self_settings_link()}
            </Link>
          </p>
        </>
      ) : (
        <OtherMember profile={profile} confirmBlock={confirmBlock} actionData={actionData ?? null} />
      )}

      <p className="ds-paragraph">
        <Link className="ds-link" to={forumPaths.reveals()}>
          {m.forum_reveals_link()}
        </Link>
      </p>
    </>
  );
}

function OtherMember({ profile, confirmBlock, actionData }: { profile: MemberProfileView; confirmBlock: boolean; actionData: ForumMemberActionData | null }) {
  const { pseudonym } = profile;

  return (
    <>
      {profile.shownToViewer !== null ? (
        <div className="stack">
          <p className="ds-paragraph">
            <strong>{m.forum_member_shown_to_you({ pseudonym, name: profile.shownToViewer })}</strong>
          </p>
          <p className="ds-paragraph" data-size="sm">
            {m.forum_member_shown_to_you_private()}
          </p>
        </div>
      ) : null}
      {profile.mutuallyRevealed ? <p className="ds-paragraph">{m.forum_member_mutual()}</p> : null}

      <RevealSection profile={profile} actionData={actionData?.intent === "reveal" ? actionData : null} />
      {profile.may.inviteToGroup ? <InviteSection profile={profile} formError={actionData?.intent === "invite-to-group" ? actionData.formError : null} /> : null}
      {profile.may.block ? <BlockSection profile={profile} confirmBlock={confirmBlock} formError={actionData?.intent === "block" ? actionData.formError : null} /> : null}
    </>
  );
}

function revealRejectionText(code: "self" | "blocked_by_you", pseudonym: string): string {
  return code === "self" ? m.forum_reveal_error_self() : m.forum_reveal_blocked_first({ pseudonym });
}

function RevealSection({ profile, actionData }: { profile: MemberProfileView; actionData: Extract<ForumMemberActionData, { intent: "reveal" }> | null }) {
  const { pseudonym, shownByViewer } = profile;
  const fieldError = actionData?.error ? shownNameErrorText(actionData.error) : null;
  const formError = actionData?.formError ? revealRejectionText(actionData.formError, pseudonym) : null;
  const describedBy = ["shown-name-help", fieldError ? "shown-name-error" : null].filter(Boolean).join(" ");

  // While the viewer blocks this member, the block section explains why no name can be shown.
  if (!profile.may.reveal && shownByViewer === null) return null;

  return (
    <section className="stack" aria-labelledby="reveal-heading">
      <h2 id="reveal-heading" className="ds-heading" data-size="md">
        {m.forum_reveal_heading({ pseudonym })}
      </h2>
      <p className="ds-paragraph">{m.forum_reveal_intro({ pseudonym })}</p>
      {formError ? <FormError text={formError} /> : null}

      {shownByViewer !== null ? (
        <div className="stack">
          <p className="ds-paragraph">
            <strong>{m.forum_reveal_current({ pseudonym, name: shownByViewer })}</strong>
          </p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="revoke-reveal" />
            <button type="submit" className="ds-button" data-variant="secondary" aria-label={m.forum_reveal_revoke_label({ pseudonym })}>
              {m.forum_reveal_revoke()}
            </button>
          </Form>
          <p className="ds-paragraph" data-size="sm">
            {m.forum_reveal_revoke_groups_note()}
          </p>
        </div>
      ) : null}

      {profile.may.reveal ? (
        // noValidate: the server checks the field and writes its error in the page's language, where the browser would use its own.
        <Form method="post" className="stack" noValidate key={actionData ? "retry" : (shownByViewer ?? "none")}>
          <CsrfField />
          <input type="hidden" name="intent" value="reveal" />
          <div className="ds-field">
            <label className="ds-label" htmlFor="shown-name">
              {shownByViewer !== null ? m.forum_reveal_label_change() : m.forum_reveal_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id="shown-name-help">
              {m.forum_reveal_help({ max: SHOWN_NAME_MAX_LENGTH })}
            </p>
            <input
              className="ds-input"
              id="shown-name"
              name="shownName"
              type="text"
              required
              maxLength={SHOWN_NAME_MAX_LENGTH}
              autoComplete="off"
              defaultValue={actionData?.values.shownName ?? ""}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={describedBy}
            />
            {fieldError ? (
              <p className="ds-validation-message" id="shown-name-error" data-color="danger">
                {fieldError}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="ds-button" data-variant="primary">
              {shownByViewer !== null ? m.forum_reveal_submit_change() : m.forum_reveal_submit()}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function InviteSection({ profile, formError }: { profile: MemberProfileView; formError: InviteErrorCode | null }) {
  const { pseudonym, invitableGroups } = profile;

  return (
    <section className="stack" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="ds-heading" data-size="md">
        {m.forum_member_invite_heading()}
      </h2>
      <p className="ds-paragraph">{m.forum_member_invite_intro({ pseudonym })}</p>
      {formError ? <FormError text={inviteErrorText(formError)} /> : null}
      {invitableGroups.length === 0 ? (
        <p className="ds-paragraph">
          {m.forum_member_invite_none({ pseudonym })}{" "}
          <Link className="ds-link" to={forumPaths.groups()}>
            {m.forum_groups_link()}
          </Link>
        </p>
      ) : (
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="invite-to-group" />
          <div className="ds-field">
            <label className="ds-label" htmlFor="invite-group">
              {m.forum_member_invite_group_label()}
            </label>
            <select className="ds-input" id="invite-group" name="groupId">
              {invitableGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {m.forum_invite_submit()}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

function BlockSection({ profile, confirmBlock, formError }: { profile: MemberProfileView; confirmBlock: boolean; formError: "self" | null }) {
  const { pseudonym } = profile;

  return (
    <section className="stack" aria-labelledby="block-heading">
      <h2 id="block-heading" className="ds-heading" data-size="md">
        {m.forum_block_heading()}
      </h2>
      {formError ? <FormError text={m.forum_block_error_self()} /> : null}

      {profile.blockedByViewer ? (
        <>
          <p className="ds-paragraph">{m.forum_block_active({ pseudonym })}</p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="unblock" />
            <button type="submit" className="ds-button" data-variant="secondary" aria-label={m.forum_unblock_label({ pseudonym })}>
              {m.forum_unblock()}
            </button>
          </Form>
        </>
      ) : confirmBlock ? (
        <div className="ds-card stack" id="block-confirm">
          <h3 className="ds-heading" data-size="sm">
            {m.forum_block_confirm_heading({ pseudonym })}
          </h3>
          <ul className="ds-list">
            <li>{m.forum_block_confirm_effect_posts({ pseudonym })}</li>
            <li>{m.forum_block_confirm_effect_reveal({ pseudonym })}</li>
            <li>{m.forum_block_confirm_effect_secret({ pseudonym })}</li>
            <li>{m.forum_block_confirm_effect_groups()}</li>
            <li>{m.forum_block_confirm_effect_undo()}</li>
          </ul>
          <Form method="post" className="admin-button-row">
            <CsrfField />
            <input type="hidden" name="intent" value="block" />
            <button type="submit" className="ds-button" data-variant="primary" data-color="danger">
              {m.forum_block_confirm({ pseudonym })}
            </button>
            <Link to={forumPaths.member(pseudonym)} className="ds-button" data-variant="tertiary">
              {m.forum_cancel()}
            </Link>
          </Form>
        </div>
      ) : (
        <>
          <p className="ds-paragraph">{m.forum_block_intro({ pseudonym })}</p>
          <p className="ds-paragraph">
            {/* A link, not a form: opening the confirmation changes nothing. */}
            <Link className="ds-button" data-variant="secondary" to={`${forumPaths.member(pseudonym)}?confirm=block#block-confirm`}>
              {m.forum_block_start({ pseudonym })}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
