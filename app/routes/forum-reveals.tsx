import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { SuccessNotice } from "~/components/forum-people";
import { forumPaths } from "~/forum-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listBlockedMembers } from "../../server/forum/list-blocked-members";
import { listReveals } from "../../server/forum/list-reveals";
import { revokeReveal } from "../../server/forum/revoke-reveal";
import { unblockMember } from "../../server/forum/unblock-member";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/forum-reveals";

export function meta() {
  return [{ title: `${m.forum_reveals_title()} – ReConnect` }];
}

const notices = ["revoked", "unblocked"] as const;
type Notice = (typeof notices)[number];

function notFound(): never {
  throw data({ code: "not_found" }, { status: 404 });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal } = context.get(requestContext);

  const reveals = await listReveals(portal.db, portal.keys, actor);
  const blocked = await listBlockedMembers(portal.db, actor);
  if (reveals.status === "not_found" || blocked.status === "not_found") notFound();

  const notice = notices.find((candidate) => candidate === new URL(request.url).searchParams.get("notice")) ?? null;
  return { reveals: reveals.reveals, blockedMembers: blocked.members, notice };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const pseudonym = form.get("pseudonym");
  if (typeof pseudonym !== "string") throw data({ code: "invalid_pseudonym" }, { status: 400 });

  switch (form.get("intent")) {
    case "revoke-reveal": {
      const result = await revokeReveal(portal.db, actor, { pseudonym });
      if (result.status === "not_found") notFound();
      log.info({ accountId: actor.accountId }, "member.reveal_revoked");
      return redirect(`${forumPaths.reveals()}?notice=revoked`);
    }
    case "unblock": {
      const result = await unblockMember(portal.db, actor, { pseudonym });
      if (result.status === "not_found") notFound();
      log.info({ accountId: actor.accountId }, "member.unblocked");
      return redirect(`${forumPaths.reveals()}?notice=unblocked`);
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function noticeText(notice: Notice): string {
  switch (notice) {
    case "revoked":
      return m.forum_notice_revoked();
    case "unblocked":
      return m.forum_notice_unblocked();
  }
}

/** Render a one-button form that posts one intent for one member. */
function MemberButton({ intent, pseudonym, label, accessibleLabel }: { intent: string; pseudonym: string; label: string; accessibleLabel: string }) {
  return (
    <Form method="post">
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="pseudonym" value={pseudonym} />
      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm" aria-label={accessibleLabel}>
        {label}
      </button>
    </Form>
  );
}

export default function ForumReveals({ loaderData }: Route.ComponentProps) {
  const { reveals, blockedMembers, notice } = loaderData;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.forum_reveals_title()}
      </h1>
      <p className="ds-paragraph">{m.forum_reveals_intro()}</p>
      {notice ? <SuccessNotice text={noticeText(notice)} /> : null}

      <section className="stack" aria-labelledby="given-heading">
        <h2 id="given-heading" className="ds-heading" data-size="md">
          {m.forum_reveals_given_heading()}
        </h2>
        {reveals.given.length === 0 ? (
          <p className="ds-paragraph">{m.forum_reveals_given_empty()}</p>
        ) : (
          <>
            <ul className="card-list">
              {reveals.given.map((reveal) => (
                <li key={reveal.pseudonym} className="ds-card stack">
                  <p className="ds-paragraph">
                    <Link className="ds-link" to={forumPaths.member(reveal.pseudonym)}>
                      {reveal.pseudonym}
                    </Link>
                  </p>
                  <p className="ds-paragraph">{m.forum_reveals_given_item({ name: reveal.shownName })}</p>
                  {reveal.mutual ? (
                    <p className="ds-paragraph" data-size="sm">
                      {m.forum_reveals_mutual()}
                    </p>
                  ) : null}
                  <div>
                    <MemberButton
                      intent="revoke-reveal"
                      pseudonym={reveal.pseudonym}
                      label={m.forum_reveal_revoke()}
                      accessibleLabel={m.forum_reveal_revoke_label({ pseudonym: reveal.pseudonym })}
                    />
                  </div>
                </li>
              ))}
            </ul>
            <p className="ds-paragraph" data-size="sm">
              {m.forum_reveal_revoke_groups_note()}
            </p>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="received-heading">
        <h2 id="received-heading" className="ds-heading" data-size="md">
          {m.forum_reveals_received_heading()}
        </h2>
        {reveals.received.length === 0 ? (
          <p className="ds-paragraph">{m.forum_reveals_received_empty()}</p>
        ) : (
          <>
            <p className="ds-paragraph">{m.forum_reveals_received_private()}</p>
            <ul className="card-list">
              {reveals.received.map((reveal) => (
                <li key={reveal.pseudonym} className="ds-card stack">
                  <p className="ds-paragraph">
                    <Link className="ds-link" to={forumPaths.member(reveal.pseudonym)}>
                      {reveal.pseudonym}
                    </Link>
                  </p>
                  <p className="ds-paragraph">{m.forum_reveals_received_item({ name: reveal.shownName })}</p>
                  {reveal.mutual ? (
                    <p className="ds-paragraph" data-size="sm">
                      {m.forum_reveals_mutual()}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="blocked-heading">
        <h2 id="blocked-heading" className="ds-heading" data-size="md">
          {m.forum_blocked_heading()}
        </h2>
        <p className="ds-paragraph">{m.forum_blocked_intro()}</p>
        {blockedMembers.length === 0 ? (
          <p className="ds-paragraph">{m.forum_blocked_empty()}</p>
        ) : (
          <ul className="card-list">
            {blockedMembers.map((member) => (
              <li key={member.pseudonym} className="ds-card forum-people-row">
                <Link className="ds-link" to={forumPaths.member(member.pseudonym)}>
                  {member.pseudonym}
                </Link>
                <MemberButton intent="unblock" pseudonym={member.pseudonym} label={m.forum_unblock()} accessibleLabel={m.forum_unblock_label({ pseudonym: member.pseudonym })} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <p className="ds-paragraph">
        <Link className="ds-link" to={forumPaths.groups()}>
          {m.forum_groups_link()}
        </Link>
      </p>
    </>
  );
}
