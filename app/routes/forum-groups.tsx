import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { AnswerButtons, closedGroupNameErrorText, inviteesErrorText, SuccessNotice } from "~/components/forum-people";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { answerClosedGroupInvitation } from "../../server/forum/answer-closed-group-invitation";
import { createClosedGroup, type CreateClosedGroupErrors } from "../../server/forum/create-closed-group";
import { listClosedGroups, type ClosedGroupInvitation } from "../../server/forum/list-closed-groups";
import type { InvitableMember } from "../../server/forum/list-mutually-revealed-members";
import { CLOSED_GROUP_NAME_MAX_LENGTH } from "../../server/forum/people-limits";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-groups";

export function meta() {
  return [{ title: `${m.forum_groups_title()} – ReConnect` }];
}

const notices = ["declined", "left", "group_deleted"] as const;
type Notice = (typeof notices)[number];

function notFound(): never {
  throw data({ code: "not_found" }, { status: 404 });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal } = context.get(requestContext);

  const result = await listClosedGroups(portal.db, portal.keys, actor);
  if (result.status === "not_found") notFound();

  const notice = notices.find((candidate) => candidate === new URL(request.url).searchParams.get("notice")) ?? null;
  return { ...result.overview, notice };
}

export type ForumGroupsActionData = { intent: "create-group"; errors: CreateClosedGroupErrors; values: { name: string; invitees: string[] } };

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const texts = (name: string) => form.getAll(name).filter((value): value is string => typeof value === "string");
  const intent = form.get("intent");

  if (intent === "create-group") {
    const values = { name: texts("name")[0] ?? "", invitees: texts("invitee") };
    const result = await createClosedGroup(portal.db, actor, values);
    if (result.status === "not_found") notFound();
    if (result.status === "invalid") return data<ForumGroupsActionData>({ intent: "create-group", errors: result.errors, values }, { status: 400 });

    log.info({ accountId: actor.accountId, groupId: result.group.id, invitationCount: values.invitees.length }, "closed_group.created");
    return redirect(`${forumPaths.group(result.group.id)}?notice=created`);
  }

  if (intent === "accept" || intent === "decline") {
    const groupId = texts("groupId")[0] ?? "";
    const result = await answerClosedGroupInvitation(portal.db, actor, { groupId, answer: intent });
    if (result.status === "not_found") notFound();

    log.info({ accountId: actor.accountId, groupId }, intent === "accept" ? "closed_group.joined" : "closed_group.invitation_declined");
    return redirect(result.status === "joined" ? `${forumPaths.group(result.groupId)}?notice=joined` : `${forumPaths.groups()}?notice=declined`);
  }

  throw data({ code: "invalid_intent" }, { status: 400 });
}

function noticeText(notice: Notice): string {
  switch (notice) {
    case "declined":
      return m.forum_notice_group_declined();
    case "left":
      return m.forum_notice_group_left();
    case "group_deleted":
      return m.forum_notice_group_deleted();
  }
}

export default function ForumGroups({ loaderData, actionData }: Route.ComponentProps) {
  const { groups, invitations, invitableMembers, notice } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.forum_groups_title()}
      </h1>
      <p className="ds-paragraph">{m.forum_groups_intro()}</p>
      {notice ? <SuccessNotice text={noticeText(notice)} /> : null}

      {invitations.length > 0 ? <InvitationList invitations={invitations} /> : null}

      <section className="stack" aria-labelledby="my-groups-heading">
        <h2 id="my-groups-heading" className="ds-heading" data-size="md">
          {m.forum_groups_mine_heading()}
        </h2>
        {groups.length === 0 ? (
          <p className="ds-paragraph">{m.forum_groups_mine_empty()}</p>
        ) : (
          <ul className="card-list">
            {groups.map((group) => (
              <li key={group.id} className="ds-card">
                <h3 className="ds-heading" data-size="sm">
                  <Link to={forumPaths.group(group.id)}>{group.name}</Link>
                </h3>
                <p className="ds-paragraph" data-size="sm">
                  {m.forum_groups_member_count({ count: group.joinedMemberCount })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {loaderData.mayCreate ? <CreateGroupForm invitableMembers={invitableMembers} actionData={actionData ?? null} /> : null}

      <p className="ds-paragraph">
        <Link className="ds-link" to={forumPaths.reveals()}>
          {m.forum_reveals_link()}
        </Link>
      </p>
    </>
  );
}

function InvitationList({ invitations }: { invitations: ClosedGroupInvitation[] }) {
  return (
    <section className="stack" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading" className="ds-heading" data-size="md">
        {m.forum_groups_invitations_heading()}
      </h2>
      <p className="ds-paragraph">{m.forum_groups_invitation_explained()}</p>
      <ul className="card-list">
        {invitations.map((invitation) => (
          <li key={invitation.groupId} className="ds-card stack">
            <h3 className="ds-heading" data-size="sm">
              {invitation.name}
            </h3>
            <p className="ds-paragraph" data-size="sm">
              {invitation.invitedBy ? m.forum_groups_invitation_from({ pseudonym: invitation.invitedBy }) : m.forum_groups_invitation_from_unknown()}
            </p>
            <AnswerButtons groupId={invitation.groupId} groupName={invitation.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CreateGroupForm({ invitableMembers, actionData }: { invitableMembers: InvitableMember[]; actionData: ForumGroupsActionData | null }) {
  const nameError = actionData?.errors.name ? closedGroupNameErrorText(actionData.errors.name) : null;
  const inviteesError = actionData?.errors.invitees ? inviteesErrorText(actionData.errors.invitees) : null;
  const chosen = new Set(actionData?.values.invitees ?? []);

  return (
    <section className="stack" aria-labelledby="create-group-heading">
      <h2 id="create-group-heading" className="ds-heading" data-size="md">
        {m.forum_groups_create_heading()}
      </h2>
      {/* noValidate: the server checks every field and answers in the page's language. Keyed so a failed post keeps what was typed. */}
      <Form method="post" className="stack" noValidate key={actionData ? "retry" : "new"}>
        <CsrfField />
        <input type="hidden" name="intent" value="create-group" />
        <div className="ds-field">
          <label className="ds-label" htmlFor="group-name">
            {m.forum_groups_name_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="group-name-help">
            {m.forum_groups_name_help({ max: CLOSED_GROUP_NAME_MAX_LENGTH })}
          </p>
          <input
            className="ds-input"
            id="group-name"
            name="name"
            type="text"
            required
            maxLength={CLOSED_GROUP_NAME_MAX_LENGTH}
            autoComplete="off"
            defaultValue={actionData?.values.name ?? ""}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "group-name-help group-name-error" : "group-name-help"}
          />
          {nameError ? (
            <p className="ds-validation-message" id="group-name-error" data-color="danger">
              {nameError}
            </p>
          ) : null}
        </div>

        {invitableMembers.length === 0 ? (
          <p className="ds-paragraph">{m.forum_groups_invitees_none()}</p>
        ) : (
          <fieldset className="ds-fieldset" aria-describedby={inviteesError ? "invitees-help invitees-error" : "invitees-help"}>
            <legend className="ds-label">{m.forum_groups_invitees_legend()}</legend>
            <p className="ds-paragraph" data-size="sm" id="invitees-help">
              {m.forum_groups_invitees_help()}
            </p>
            {invitableMembers.map((member, index) => (
              <div className="ds-field" key={member.pseudonym}>
                <input
                  className="ds-input"
                  type="checkbox"
                  id={`invitee-${index}`}
                  name="invitee"
                  value={member.pseudonym}
                  defaultChecked={chosen.has(member.pseudonym)}
                  aria-invalid={inviteesError ? true : undefined}
                />
                <label className="ds-label" htmlFor={`invitee-${index}`}>
                  {m.forum_groups_invitee_option({ pseudonym: member.pseudonym, name: member.shownName })}
                </label>
              </div>
            ))}
            {inviteesError ? (
              <p className="ds-validation-message" id="invitees-error" data-color="danger">
                {inviteesError}
              </p>
            ) : null}
          </fieldset>
        )}
        {inviteesError && invitableMembers.length === 0 ? (
          <p className="ds-validation-message" id="invitees-error" data-color="danger">
            {inviteesError}
          </p>
        ) : null}

        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.forum_groups_create_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}
