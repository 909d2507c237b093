import { Form, Link } from "react-router";

import { withParameters } from "~/components/admin-accounts-table";
import { CsrfField } from "~/components/csrf-field";
import { displayNameText } from "~/display-name";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import type { ActionError, AdminPeopleActionData } from "~/routes/admin-people";
import { disableReasons, type DisableReason } from "../../server/identity/disable-account";
import { enableReasons, type EnableReason } from "../../server/identity/enable-account";
import type { AccountListing } from "../../server/identity/list-accounts";
import { roles, type Role } from "../../server/identity/roles";

export function errorText(error: ActionError): string {
  switch (error) {
    case "not_found":
      return m.admin_error_account_not_found();
    case "cannot_disable_self":
      return m.admin_error_cannot_disable_self();
    case "last_administrator":
      return m.admin_error_last_administrator();
    case "last_role":
      return m.admin_error_last_role();
    case "invalid_reason":
      return m.admin_error_invalid_reason();
    case "invalid_role":
      return m.admin_error_invalid_role();
  }
}

function disableReasonText(reason: DisableReason): string {
  switch (reason) {
    case "requested_by_person":
      return m.admin_disable_reason_requested_by_person();
    case "left_service":
      return m.admin_disable_reason_left_service();
    case "security_concern":
      return m.admin_disable_reason_security_concern();
    case "duplicate_account":
      return m.admin_disable_reason_duplicate_account();
    case "other":
      return m.admin_disable_reason_other();
  }
}

function enableReasonText(reason: EnableReason): string {
  switch (reason) {
    case "returned_to_service":
      return m.admin_enable_reason_returned_to_service();
    case "disabled_by_mistake":
      return m.admin_enable_reason_disabled_by_mistake();
    case "other":
      return m.admin_enable_reason_other();
  }
}

export function StatusPanel({ kind, account, list, error }: { kind: "disable" | "enable"; account: AccountListing; list: URLSearchParams; error: AdminPeopleActionData | null }) {
  const name = displayNameText(account.displayName);
  const reasons: readonly string[] = kind === "disable" ? disableReasons : enableReasons;
  const reasonText = (reason: string) => (kind === "disable" ? disableReasonText(reason as DisableReason) : enableReasonText(reason as EnableReason));
  const reasonError = error?.error === "invalid_reason";

  return (
    <section id="account-panel" className="ds-card stack" aria-labelledby="account-panel-heading">
      <h2 id="account-panel-heading" className="ds-heading" data-size="md">
        {kind === "disable" ? m.admin_disable_heading({ name }) : m.admin_enable_heading({ name })}
      </h2>
      <p className="ds-paragraph">{kind === "disable" ? m.admin_disable_body() : m.admin_enable_body()}</p>
      {error && !reasonError ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{errorText(error.error)}</p>
        </div>
      ) : null}
      <Form method="post" action={withParameters(list, { confirm: kind, account: account.accountId })} className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="accountId" value={account.accountId} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="status-reason">
            {m.admin_reason_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="status-reason-description">
            {m.admin_reason_description()}
          </p>
          <select
            className="ds-input"
            id="status-reason"
            name="reason"
            defaultValue={error?.values.reason ?? ""}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "status-reason-description status-reason-error" : "status-reason-description"}
          >
            <option value="">{m.admin_reason_none()}</option>
            {reasons.map((reason) => (
              <option key={reason} value={reason}>
                {reasonText(reason)}
              </option>
            ))}
          </select>
          {reasonError ? (
            <p className="ds-validation-message" id="status-reason-error" data-color="danger">
              {m.admin_error_invalid_reason()}
            </p>
          ) : null}
        </div>
        <div className="admin-button-row">
          <button type="submit" className="ds-button" data-variant="primary" data-color={kind === "disable" ? "danger" : undefined}>
            {kind === "disable" ? m.admin_disable_confirm() : m.admin_enable_confirm()}
          </button>
          <Link to={withParameters(list, {})} className="ds-button" data-variant="tertiary">
            {m.admin_cancel()}
          </Link>
        </div>
      </Form>
    </section>
  );
}

export function RolesPanel({ account, list, error, mayManageRoles }: { account: AccountListing; list: URLSearchParams; error: AdminPeopleActionData | null; mayManageRoles: boolean }) {
  const name = displayNameText(account.displayName);
  const missing = roles.filter((role) => !account.roles.includes(role));
  const formAction = withParameters(list, { roles: account.accountId });
  const roleError = error?.error === "invalid_role";

  return (
    <section id="account-panel" className="ds-card stack" aria-labelledby="account-panel-heading">
      <h2 id="account-panel-heading" className="ds-heading" data-size="md">
        {m.admin_roles_heading({ name })}
      </h2>
      <p className="ds-paragraph">{m.admin_roles_body()}</p>
      {error && !roleError ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{errorText(error.error)}</p>
        </div>
      ) : null}

      <ul className="admin-role-list">
        {account.roles.map((role: Role) => (
          <li key={role}>
            <span>{roleLabel(role)}</span>
            {mayManageRoles ? (
              <Form method="post" action={formAction} noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="revoke-role" />
                <input type="hidden" name="accountId" value={account.accountId} />
                <input type="hidden" name="role" value={role} />
                <button type="submit" className="ds-button" data-variant="tertiary" data-size="sm" aria-label={m.admin_revoke_role_label({ role: roleLabel(role) })}>
                  {m.admin_revoke_role()}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>

      {mayManageRoles && missing.length > 0 ? (
        <Form method="post" action={formAction} className="admin-filter-form" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="grant-role" />
          <input type="hidden" name="accountId" value={account.accountId} />
          <div className="ds-field">
            <label className="ds-label" htmlFor="grant-role">
              {m.admin_grant_role_label()}
            </label>
            <select
              className="ds-input"
              id="grant-role"
              name="role"
              defaultValue={error?.intent === "grant-role" ? error.values.role : undefined}
              aria-invalid={roleError ? true : undefined}
              aria-describedby={roleError ? "grant-role-error" : undefined}
            >
              {missing.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
            {roleError ? (
              <p className="ds-validation-message" id="grant-role-error" data-color="danger">
                {m.admin_error_invalid_role()}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="ds-button" data-variant="secondary">
              {m.admin_grant_role_submit()}
            </button>
          </div>
        </Form>
      ) : null}
      {missing.length === 0 ? <p className="ds-paragraph">{m.admin_roles_all_held()}</p> : null}

      <p>
        <Link to={withParameters(list, {})} className="ds-link">
          {m.admin_close()}
        </Link>
      </p>
    </section>
  );
}
