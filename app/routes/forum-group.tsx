import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { NextPageLink } from "~/components/pagination";
import { ThreadList } from "~/components/thread-list";
import { AnswerButtons, inviteErrorText, SuccessNotice, type InviteErrorCode } from "~/components/forum-people";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { getClosedGroup, type ClosedGroupView } from "../../server/forum/get-closed-group";
import { inviteToClosedGroup } from "../../server/forum/invite-to-closed-group";
import { leaveClosedGroup } from "../../server/forum/leave-closed-group";
import { listGroupThreads } from "../../server/forum/list-group-threads";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/forum-group";

export function meta({ data: loaderData }: Route.MetaArgs) {
  if (!loaderData) return [{ title: "ReConnect" }];
  const name = loaderData.view.status === "joined" ? loaderData.view.group.name : loaderData.view.invitation.name;
  return [{ title: `${name} – ReConnect` }];
}

const notices = ["created", "joined", "invited"] as const;
type Notice = (typeof notices)[number];

function notFound(): never {
  throw data({ code: "not_found" }, { status: 404 });
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);

  const view = await getClosedGroup(portal.db, portal.keys, actor, params.groupId);
  if (view.status === "not_found") notFound();

  const url = new URL(request.url);
  const notice = notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null;
  const cursor = url.searchParams.get("after") ?? undefined;
  const threads = view.status === "joined" ? await listGroupThreads(portal.db, actor, params.groupId, cursor) : null;
  return {
    view,
    notice,
    locale,
    threads: threads?.status === "found" ? threads : null,
    canWrite: can(actor, "forum.write") && actor.hasMemberProfile,
    confirmLeave: view.status === "joined" && url.searchParams.get("confirm") === "leave",
  };
}

export type ForumGroupActionData = { intent: "invite"; formError: InviteErrorCode; values: { pseudonym: string } };

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const groupId = params.groupId;

  switch (form.get("intent")) {
    case "invite": {
      const pseudonym = form.get("pseudonym");
      if (typeof pseudonym !== "string") throw data({ code: "invalid_pseudonym" }, { status: 400 });
      const result = await inviteToClosedGroup(portal.db, actor, { groupId, pseudonym });
      if (result.status === "not_found") notFound();
      if (result.status === "rejected") return data<ForumGroupActionData>({ intent: "invite", formError: result.code, values: { pseudonym } }, { status: 409 });

      log.info({ accountId: actor.accountId, groupId }, "closed_group.member_invited");
      return redirect(`${forumPaths.group(groupId)}?notice=invited`);
    }
    case "leave": {
      const result = await leaveClosedGroup(portal.db, actor, { groupId });
      if (result.status === "not_found") notFound();

      log.info({ accountId: actor.accountId, groupId, groupDeleted: result.groupDeleted }, "closed_group.left");
      return redirect(`${forumPaths.groups()}?notice=${result.groupDeleted ? "group_deleted" : "left"}`);
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function noticeText(notice: Notice): string {
  switch (notice) {
    case "created":
      return m.forum_notice_group_created();
    case "joined":
      return m.forum_notice_group_joined();
    case "invited":
      return m.forum_notice_invited();
  }
}

export default function ForumGroup({ loaderData, actionData }: Route.ComponentProps) {
  const { view, notice } = loaderData;

  if (view.status === "invited") {
    const { invitation } = view;
    return (
      <>
        <h1 className="ds-heading" data-size="lg">
          {invitation.name}
        </h1>
        <p className="ds-paragraph">{invitation.invitedBy ? m.forum_group_invitation_intro({ pseudonym: invitation.invitedBy }) : m.forum_group_invitation_intro_unknown()}</p>
        <p className="ds-paragraph">{m.forum_groups_invitation_explained()}</p>
        <AnswerButtons groupId={invitation.id} groupName={invitation.name} />
        <BackLink />
      </>
    );
  }

  const { group } = view;
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {group.name}
      </h1>
      {notice ? <SuccessNotice text={noticeText(notice)} /> : null}

      <section className="stack" aria-labelledby="group-threads-heading">
        <h2 id="group-threads-heading" className="ds-heading" data-size="md">
          {m.forum_group_threads_heading()}
        </h2>
        {loaderData.canWrite ? (
          <p>
            <Link to={forumPaths.newGroupThread(group.id)} className="ds-button" data-variant="primary">
              {m.forum_new_thread_link()}
            </Link>
          </p>
        ) : null}
        {loaderData.threads && loaderData.threads.threads.length > 0 ? (
          <ThreadList threads={loaderData.threads.threads} locale={loaderData.locale} label={m.forum_group_threads_heading()} />
        ) : (
          <p className="ds-paragraph">{m.forum_group_threads_empty()}</p>
        )}
        <NextPageLink href={loaderData.threads?.nextCursor ? `${forumPaths.group(group.id)}?after=${loaderData.threads.nextCursor}` : null} label={m.forum_older_threads()} />
      </section>

      <MemberList group={group} />
      <InviteForm group={group} actionData={actionData ?? null} />
      <LeaveSection group={group} confirmLeave={loaderData.confirmLeave} />
      <BackLink />
    </>
  );
}

function BackLink() {
  return (
    <p className="ds-paragraph">
      <Link className="ds-link" to={forumPaths.groups()}>
        {m.forum_groups_back()}
      </Link>
    </p>
  );
}

function MemberList({ group }: { group: ClosedGroupView }) {
  return (
    <section className="stack" aria-labelledby="group-members-heading">
      <h2 id="group-members-heading" className="ds-heading" data-size="md">
        {m.forum_group_members_heading()}
      </h2>
      <ul className="ds-list">
        {group.members.map((member) => (
          <li key={member.pseudonym}>
            <Link className="ds-link" to={forumPaths.member(member.pseudonym)}>
              {member.isSelf ? m.forum_group_member_you({ pseudonym: member.pseudonym }) : member.pseudonym}
            </Link>
            {member.shownName !== null ? <> – {m.forum_group_member_shown_name({ name: member.shownName })}</> : null}
          </li>
        ))}
      </ul>
      {group.pendingInvitees.length > 0 ? (
        <>
          <h3 className="ds-heading" data-size="sm">
            {m.forum_group_pending_heading()}
          </h3>
          <ul className="ds-list">
            {group.pendingInvitees.map((invitee) => (
              <li key={invitee.pseudonym}>
                <Link className="ds-link" to={forumPaths.member(invitee.pseudonym)}>
                  {invitee.pseudonym}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function InviteForm({ group, actionData }: { group: ClosedGroupView; actionData: ForumGroupActionData | null }) {
  const error = actionData ? inviteErrorText(actionData.formError) : null;

  return (
    <section className="stack" aria-labelledby="group-invite-heading">
      <h2 id="group-invite-heading" className="ds-heading" data-size="md">
        {m.forum_group_invite_heading()}
      </h2>
      {group.invitableMembers.length === 0 ? (
        <p className="ds-paragraph">{m.forum_group_invite_none()}</p>
      ) : (
        <Form method="post" className="stack" key={actionData ? "retry" : "new"}>
          <CsrfField />
          <input type="hidden" name="intent" value="invite" />
          <div className="ds-field">
            <label className="ds-label" htmlFor="group-invitee">
              {m.forum_group_invite_label()}
            </label>
            <p className="ds-paragraph" data-size="sm" id="group-invitee-help">
              {m.forum_group_invite_help()}
            </p>
            <select
              className="ds-input"
              id="group-invitee"
              name="pseudonym"
              defaultValue={actionData?.values.pseudonym}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "group-invitee-help group-invitee-error" : "group-invitee-help"}
            >
              {group.invitableMembers.map((member) => (
                <option key={member.pseudonym} value={member.pseudonym}>
                  {m.forum_groups_invitee_option({ pseudonym: member.pseudonym, name: member.shownName })}
                </option>
              ))}
            </select>
            {error ? (
              <p className="ds-validation-message" id="group-invitee-error" data-color="danger">
                {error}
              </p>
            ) : null}
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

function LeaveSection({ group, confirmLeave }: { group: ClosedGroupView; confirmLeave: boolean }) {
  return (
    <section className="stack" aria-labelledby="group-leave-heading">
      <h2 id="group-leave-heading" className="ds-heading" data-size="md">
        {m.forum_group_leave_heading()}
      </h2>
      <p className="ds-paragraph">{group.viewerIsLastMember ? m.forum_group_leave_last() : m.forum_group_leave_intro()}</p>
      {confirmLeave ? (
        <div className="ds-card stack" id="leave-confirm">
          <h3 className="ds-heading" data-size="sm">
            {m.forum_group_leave_confirm_heading({ name: group.name })}
          </h3>
          <Form method="post" className="admin-button-row">
            <CsrfField />
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="ds-button" data-variant="primary" data-color="danger">
              {group.viewerIsLastMember ? m.forum_group_leave_confirm_delete() : m.forum_group_leave_confirm()}
            </button>
            <Link to={forumPaths.group(group.id)} className="ds-button" data-variant="tertiary">
              {m.forum_cancel()}
            </Link>
          </Form>
        </div>
      ) : (
        <p className="ds-paragraph">
          {/* A link, not a form: opening the confirmation changes nothing. */}
          <Link className="ds-button" data-variant="secondary" to={`${forumPaths.group(group.id)}?confirm=leave#leave-confirm`}>
            {m.forum_group_leave_start()}
          </Link>
        </p>
      )}
    </section>
  );
}
