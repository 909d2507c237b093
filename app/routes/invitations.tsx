import { data, Form } from "react-router";
import { z } from "zod";

import { CreatedInvitationPanel } from "~/components/created-invitation-panel";
import { CsrfField } from "~/components/csrf-field";
import { SelectField, TextField, type InvitationFieldName } from "~/components/invitation-fields";
import { InvitationTable } from "~/components/invitation-table";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import { useRootData } from "~/root";
import { requirePermission } from "~/route-guards.server";
import type { Role } from "../../server/identity/roles";
import { createInvitation, createInvitationSchema } from "../../server/invitations/create-invitation";
import { INVITEE_EMAIL_MAX_LENGTH, INVITEE_NAME_MAX_LENGTH } from "../../server/invitations/invitation-limits";
import { listInvitableCommunities } from "../../server/invitations/list-invitable-communities";
import { listInvitations } from "../../server/invitations/list-invitations";
import { revokeInvitation } from "../../server/invitations/revoke-invitation";
import { randomToken } from "../../server/platform/crypto";
import { requestContext } from "../../server/platform/request-context";
import { can, invitableRoles } from "../../server/policy";
import type { Route } from "./+types/invitations";

export function meta() {
  return [{ title: `${m.invitation_page_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "invitations.create");
  const { portal } = context.get(requestContext);

  return {
    roles: invitableRoles(actor),
    communities: await listInvitableCommunities(portal.db, actor),
    invitations: (await listInvitations(portal.db, portal.keys, actor)) ?? [],
    seesAll: can(actor, "invitations.manage_all"),
    mailEnabled: portal.mailer.enabled,
    // A fresh key per rendered form: a resubmitted form carries the same key and gets the same invitation back.
    formKey: randomToken(32),
  };
}

type FieldName = InvitationFieldName;
type FormValues = Partial<Record<FieldName, string>>;
type FormErrors = Partial<Record<FieldName | "form", string>>;

function rejected(errors: FormErrors, values: FormValues, status: number) {
  return data({ intent: "create" as const, errors, values }, { status });
}

const revokeForm = z.object({ invitationId: z.uuid() });

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "invitations.create");
  const { portal, locale, log } = context.get(requestContext);
  const form = await request.formData();

  if (form.get("intent") === "revoke") {
    const parsed = revokeForm.safeParse({ invitationId: form.get("invitationId") });
    if (!parsed.success) throw data({ code: "not_found" }, { status: 404 });
    const result = await revokeInvitation(portal.db, actor, parsed.data.invitationId);
    if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
    if (result.status === "revoked") log.info({ invitationId: parsed.data.invitationId }, "invitation.revoked");
    return { intent: "revoke" as const, revokeStatus: result.status };
  }

  const values: FormValues = {
    role: String(form.get("role") ?? ""),
    communityId: String(form.get("communityId") ?? ""),
    fullName: String(form.get("fullName") ?? ""),
    email: String(form.get("email") ?? ""),
  };
  const parsed = createInvitationSchema.safeParse({ ...values, formKey: form.get("formKey") });
  if (!parsed.success) {
    const errors: FormErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "formKey" ? "form" : (issue.path[0] as FieldName);
      errors[field] ??= issue.message;
    }
    return rejected(errors, values, 400);
  }

  // The request locale is the inviter's own setting when they have one, so the e-mail goes out in their language.
  const result = await createInvitation(portal, actor, { ...parsed.data, locale });
  switch (result.status) {
    case "created":
      return { intent: "create" as const, created: result.invitation };
    case "community_required":
      return rejected({ communityId: "invitation_community_required" }, values, 400);
    case "form_already_used":
      return rejected({ form: "invitation_form_already_used" }, values, 409);
    case "not_found":
      return rejected({ form: "invitation_not_allowed" }, values, 400);
  }
}

/** Translate an error code from the invitation form. */
function errorText(code: string | undefined): string | undefined {
  switch (code) {
    case undefined:
      return undefined;
    case "invitation_role_invalid":
      return m.invitation_role_invalid();
    case "invitation_community_invalid":
      return m.invitation_community_invalid();
    case "invitation_community_required":
      return m.invitation_community_required();
    case "invitation_name_too_long":
      return m.invitation_name_too_long({ max: INVITEE_NAME_MAX_LENGTH });
    case "invitation_email_invalid":
      return m.invitation_email_invalid();
    case "invitation_email_too_long":
      return m.invitation_email_too_long({ max: INVITEE_EMAIL_MAX_LENGTH });
    case "invitation_not_allowed":
      return m.invitation_not_allowed();
    case "invitation_form_key_invalid":
    case "invitation_form_already_used":
      return m.invitation_form_already_used();
    default:
      return m.invitation_form_has_errors();
  }
}

export default function Invitations({ loaderData, actionData }: Route.ComponentProps) {
  const locale = useRootData()?.locale ?? "nb";

  const createResult = actionData?.intent === "create" ? actionData : undefined;
  const errors: FormErrors = createResult && "errors" in createResult ? createResult.errors : {};
  const values: FormValues = createResult && "values" in createResult ? createResult.values : {};
  const created = createResult && "created" in createResult ? createResult.created : undefined;
  const revokeStatus = actionData?.intent === "revoke" ? actionData.revokeStatus : undefined;

  const hasErrors = Object.keys(errors).length > 0;
  const onlyMembers = loaderData.roles.length === 1 && loaderData.roles[0] === "member";
  const defaultCommunity = values.communityId ?? (loaderData.communities.length === 1 ? loaderData.communities[0]!.id : "");
  // Someone who can invite members only must pick a community: offer "none" only to those who can invite other roles.
  let emptyCommunityOption: React.ReactNode = <option value="">{m.invitation_community_none()}</option>;
  if (onlyMembers) emptyCommunityOption = loaderData.communities.length === 1 ? null : <option value="">{m.invitation_community_choose()}</option>;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.invitation_page_title()}
      </h1>
      <p className="ds-paragraph">{m.invitation_page_intro()}</p>

      {created ? <CreatedInvitationPanel created={created} locale={locale} /> : null}
      {revokeStatus ? (
        <div className="ds-alert" data-color={revokeStatus === "revoked" ? "success" : "info"} role="status">
          <p className="ds-paragraph">{revokeStatus === "revoked" ? m.invitation_revoked_notice() : m.invitation_revoke_not_pending()}</p>
        </div>
      ) : null}

      <section className="stack" aria-labelledby="invitation-form-heading">
        <h2 id="invitation-form-heading" className="ds-heading" data-size="md">
          {m.invitation_form_heading()}
        </h2>
        {hasErrors ? (
          <div className="ds-alert" data-color="danger" role="alert">
            <p className="ds-paragraph">{errors.form ? errorText(errors.form) : m.invitation_form_has_errors()}</p>
          </div>
        ) : null}

        {/* Keyed by the form key, so the fields empty after each created invitation. */}
        <Form method="post" className="stack" key={loaderData.formKey} noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="formKey" value={loaderData.formKey} />

          <SelectField name="role" label={m.invitation_role_label()} error={errorText(errors.role)} defaultValue={values.role ?? loaderData.roles[0] ?? ""}>
            {loaderData.roles.map((role: Role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </SelectField>

          <SelectField
            name="communityId"
            label={m.invitation_community_label()}
            help={m.invitation_community_help()}
            error={errorText(errors.communityId)}
            defaultValue={defaultCommunity}
          >
            {emptyCommunityOption}
            {loaderData.communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </SelectField>

          <TextField
            name="fullName"
            label={m.invitation_name_label()}
            help={m.invitation_name_help()}
            error={errorText(errors.fullName)}
            defaultValue={values.fullName}
            maxLength={INVITEE_NAME_MAX_LENGTH}
            autoComplete="off"
          />
          <TextField
            name="email"
            type="email"
            label={m.invitation_email_label()}
            help={loaderData.mailEnabled ? m.invitation_email_help_enabled() : m.invitation_email_help_disabled()}
            error={errorText(errors.email)}
            defaultValue={values.email}
            maxLength={INVITEE_EMAIL_MAX_LENGTH}
            autoComplete="off"
          />

          <div>
            <button type="submit" className="ds-button" data-variant="primary">
              {m.invitation_submit()}
            </button>
          </div>
        </Form>
      </section>

      <InvitationTable invitations={loaderData.invitations} seesAll={loaderData.seesAll} locale={locale} />
    </>
  );
}
