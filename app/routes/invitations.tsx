import { data, Form } from "react-router";
import { z } from "zod";

import { CsrfField } from "~/components/csrf-field";
import { formatDate, formatDateTime } from "~/format-date";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import { useRootData } from "~/root";
import { requirePermission } from "~/route-guards.server";
import type { Locale, Role } from "../../server/identity/roles";
import { createInvitation, createInvitationSchema } from "../../server/invitations/create-invitation";
import { INVITATION_LIST_LIMIT, INVITEE_EMAIL_MAX_LENGTH, INVITEE_NAME_MAX_LENGTH } from "../../server/invitations/invitation-limits";
import type { InvitationStatus } from "../../server/invitations/invitation-status";
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

type FieldName = "role" | "communityId" | "fullName" | "email";
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

function CreatedInvitationPanel({ created, locale }: { created: { role: Role; communityName: string | null; link: string; expiresAt: Date | string; emailQueued: boolean }; locale: Locale }) {
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

interface Listing {
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

function InvitationTable({ invitations, seesAll, locale }: { invitations: Listing[]; seesAll: boolean; locale: Locale }) {
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

function TextField(props: {
  name: FieldName;
  label: string;
  help?: string;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email";
  maxLength: number;
  autoComplete: string;
}) {
  const id = `invitation-${props.name}`;
  const describedBy = [props.help ? `${id}-help` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {props.label}
      </label>
      {props.help ? (
        <p className="ds-paragraph" data-size="sm" id={`${id}-help`}>
          {props.help}
        </p>
      ) : null}
      <input
        className="ds-input"
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      />
      {props.error ? (
        <p className="ds-validation-message" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

function SelectField(props: { name: FieldName; label: string; help?: string; error?: string; defaultValue: string; children: React.ReactNode }) {
  const id = `invitation-${props.name}`;
  const describedBy = [props.help ? `${id}-help` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="ds-field">
      <label className="ds-label" htmlFor={id}>
        {props.label}
      </label>
      {props.help ? (
        <p className="ds-paragraph" data-size="sm" id={`${id}-help`}>
          {props.help}
        </p>
      ) : null}
      <select
        className="ds-input"
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
      >
        {props.children}
      </select>
      {props.error ? (
        <p className="ds-validation-message" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
