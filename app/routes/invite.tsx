import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import { useRootData } from "~/root";
import { needsOnboarding } from "../../server/identity/actor";
import { findInvitationByToken, type InvitationPreview, type InviterRole } from "../../server/invitations/find-invitation-by-token";
import { redeemInvitation } from "../../server/invitations/redeem-invitation";
import { clearCookieHeader, cookieHeader, INVITATION_COOKIE } from "../../server/platform/cookies";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/invite";

export function meta({ loaderData }: Route.MetaArgs) {
  const status = loaderData?.preview.status ?? "invalid";
  return [{ title: `${status === "valid" ? m.invitation_invite_title() : unusableText(status).title} – ReConnect` }];
}

const INVITATION_COOKIE_SECONDS = 60 * 60;

type Unusable = "invalid" | "expired" | "used" | "revoked" | "identity_taken";

// Invalid reads like a missing page; the others existed once and are gone for good.
const statusCodes: Record<Unusable, number> = { invalid: 404, expired: 410, used: 410, revoked: 410, identity_taken: 409 };

// Public, unauthenticated: the token in the path is the only credential, and GET only reads.
export async function loader({ params, context }: Route.LoaderArgs) {
  const { portal, actor } = context.get(requestContext);
  const preview = await findInvitationByToken(portal.db, params.token);
  const signedIn = actor.kind === "person";

  if (preview.status !== "valid") return data({ preview: unusable(preview.status), signedIn }, { status: statusCodes[preview.status] });
  return { preview: { ...preview, expiresAt: preview.expiresAt.toISOString() }, signedIn };
}

/**
 * Accept the invitation. Signed out: keep the token in a short-lived HttpOnly
 * cookie and go to sign-in, which redeems it once the person is known. Signed
 * in: redeem it for this account at once.
 */
export async function action({ params, context }: Route.ActionArgs) {
  const { portal, actor, log } = context.get(requestContext);
  const preview = await findInvitationByToken(portal.db, params.token);
  const signedIn = actor.kind === "person";
  if (preview.status !== "valid") return data({ preview: unusable(preview.status), signedIn }, { status: statusCodes[preview.status] });

  const secure = portal.config.https;
  if (actor.kind === "anonymous") {
    const cookie = cookieHeader(INVITATION_COOKIE, params.token, { secure, maxAgeSeconds: INVITATION_COOKIE_SECONDS });
    return redirect("/sign-in?returnTo=%2Fwelcome", { headers: { "Set-Cookie": cookie } });
  }

  const result = await redeemInvitation(portal.db, portal.keys, { token: params.token, accountId: actor.accountId, identity: {} });
  if (result.status !== "redeemed") return data({ preview: unusable(result.status), signedIn }, { status: statusCodes[result.status] });

  log.info({ accountId: actor.accountId }, "invitation.redeemed");
  const stillOnboarding = needsOnboarding({ ...actor, roles: [...new Set([...actor.roles, preview.role])] });
  return redirect(stillOnboarding ? "/welcome" : "/", { headers: { "Set-Cookie": clearCookieHeader(INVITATION_COOKIE, { secure }) } });
}

function unusable(status: Unusable) {
  return { status };
}

function inviterText(role: InviterRole | null): string {
  switch (role) {
    case "provider":
      return m.invitation_invite_by_provider();
    case "peer_moderator":
      return m.invitation_invite_by_peer_moderator();
    case "administrator":
      return m.invitation_invite_by_administrator();
    case null:
      return m.invitation_invite_by_unknown();
  }
}

type ShownPreview = { status: Unusable } | (Omit<Extract<InvitationPreview, { status: "valid" }>, "expiresAt"> & { expiresAt: string });

export default function Invite({ loaderData, actionData }: Route.ComponentProps) {
  const locale = useRootData()?.locale ?? "nb";
  const preview: ShownPreview = actionData?.preview ?? loaderData.preview;
  const signedIn = loaderData.signedIn;

  if (preview.status !== "valid") return <UnusableInvitation status={preview.status} signedIn={signedIn} />;

  const role = roleLabel(preview.role);
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.invitation_invite_title()}
      </h1>
      <p className="ds-paragraph" data-size="lg">
        {m.invitation_invite_what()}
      </p>
      <p className="ds-paragraph">
        {inviterText(preview.inviterRole)}{" "}
        {preview.communityName ? m.invitation_invite_role({ role, community: preview.communityName }) : m.invitation_invite_role_no_community({ role })}
      </p>

      <div className="ds-alert" data-color="warning">
        <p className="ds-paragraph">{m.invitation_invite_not_emergency()}</p>
        <p className="ds-paragraph">
          <Link className="ds-link" to="/acute-help">
            {m.invitation_invite_acute_help_link()}
          </Link>
        </p>
      </div>

      <p className="ds-paragraph">{signedIn ? m.invitation_accept_signed_in_body({ role }) : m.invitation_invite_next()}</p>
      <p className="ds-paragraph">{m.invitation_invite_expires({ date: formatDateTime(preview.expiresAt, locale) })}</p>

      <Form method="post">
        <CsrfField />
        <button type="submit" className="ds-button" data-variant="primary">
          {signedIn ? m.invitation_accept_signed_in() : m.invitation_accept()}
        </button>
      </Form>
    </>
  );
}

function unusableText(status: Unusable): { title: string; body: string } {
  switch (status) {
    case "invalid":
      return { title: m.invitation_invalid_title(), body: m.invitation_invalid_body() };
    case "expired":
      return { title: m.invitation_expired_title(), body: m.invitation_expired_body() };
    case "used":
      return { title: m.invitation_used_title(), body: m.invitation_used_body() };
    case "revoked":
      return { title: m.invitation_revoked_title(), body: m.invitation_revoked_body() };
    case "identity_taken":
      return { title: m.invitation_identity_taken_title(), body: m.invitation_identity_taken_body() };
  }
}

function UnusableInvitation({ status, signedIn }: { status: Unusable; signedIn: boolean }) {
  const { title, body } = unusableText(status);

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      <p className="ds-paragraph">{body}</p>
      <p className="ds-paragraph">
        {signedIn ? (
          <Link className="ds-link" to="/">
            {m.invitation_home_link()}
          </Link>
        ) : (
          <Link className="ds-link" to="/sign-in">
            {m.invitation_sign_in_link()}
          </Link>
        )}
      </p>
      <p className="ds-paragraph">{m.error_acute_help_reminder()}</p>
    </>
  );
}
