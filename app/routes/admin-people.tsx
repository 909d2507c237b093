import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { displayNameText } from "~/display-name";
import { formatDate } from "~/format-date";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import { useRootData } from "~/root";
import { requirePermission } from "~/route-guards.server";
import { listCommunities } from "../../server/communities/list-communities";
import { disableAccount, disableReasons, type DisableReason } from "../../server/identity/disable-account";
import { enableAccount, enableReasons, type EnableReason } from "../../server/identity/enable-account";
import { grantRole } from "../../server/identity/grant-role";
import { listAccounts, type AccountListing } from "../../server/identity/list-accounts";
import { revokeRole } from "../../server/identity/revoke-role";
import { roles, type Role } from "../../server/identity/roles";
import { requestContext } from "../../server/platform/request-context";
import { can } from "../../server/policy";
import type { Route } from "./+types/admin-people";

export function meta() {
  return [{ title: `${m.admin_people_title()} – ReConnect` }];
}

const notices = ["account_disabled", "account_enabled", "account_unchanged", "role_granted", "role_revoked", "role_unchanged"] as const;
type Notice = (typeof notices)[number];

type PanelKind = "disable" | "enable" | "roles";

/** Copy the list's own query (filters and page), so every link and form brings the administrator back where they were. */
function listParameters(url: URL, options: { withCursor: boolean }): URLSearchParams {
  const kept = new URLSearchParams();
  for (const name of ["role", "community", "status", ...(options.withCursor ? ["cursor"] : [])]) {
    const value = url.searchParams.get(name);
    if (value) kept.set(name, value);
  }
  return kept;
}

function withParameters(base: URLSearchParams, extra: Record<string, string>): string {
  const combined = new URLSearchParams(base);
  for (const [name, value] of Object.entries(extra)) combined.set(name, value);
  const query = combined.toString();
  return query ? `/admin/people?${query}` : "/admin/people";
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "admin.view");
  const { portal } = context.get(requestContext);
  const url = new URL(request.url);

  const [accountsResult, communitiesResult] = await Promise.all([
    listAccounts(portal.db, portal.keys, actor, {
      role: url.searchParams.get("role"),
      communityId: url.searchParams.get("community"),
      status: url.searchParams.get("status"),
      cursor: url.searchParams.get("cursor"),
    }),
    listCommunities(portal.db, actor),
  ]);
  if (accountsResult.status !== "listed" || communitiesResult.status !== "listed") throw data({ code: "not_found" }, { status: 404 });

  const confirm = url.searchParams.get("confirm");
  const panelKind: PanelKind | null = confirm === "disable" || confirm === "enable" ? confirm : url.searchParams.has("roles") ? "roles" : null;
  const panelAccountId = panelKind === "roles" ? url.searchParams.get("roles") : url.searchParams.get("account");
  // The panel opens only for an account on this page, because the links that open it come from this page.
  const panelAccount = accountsResult.accounts.find((account) => account.accountId === panelAccountId) ?? null;

  return {
    accounts: accountsResult.accounts,
    filter: accountsResult.filter,
    nextCursor: accountsResult.nextCursor,
    communities: communitiesResult.communities.map(({ id, name }) => ({ id, name })),
    listQuery: listParameters(url, { withCursor: true }).toString(),
    filterQuery: listParameters(url, { withCursor: false }).toString(),
    onLaterPage: url.searchParams.has("cursor"),
    panel: panelKind && panelAccount ? { kind: panelKind, account: panelAccount } : null,
    notice: notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null,
    may: { disable: can(actor, "accounts.disable"), manageRoles: can(actor, "roles.manage") },
  };
}

type ActionError = "not_found" | "cannot_disable_self" | "last_administrator" | "last_role" | "invalid_reason" | "invalid_role";

export interface AdminPeopleActionData {
  intent: string;
  accountId: string;
  error: ActionError;
  values: { reason: string; role: string };
}

const errorStatus: Record<ActionError, number> = {
  not_found: 404,
  cannot_disable_self: 409,
  last_administrator: 409,
  last_role: 409,
  invalid_reason: 400,
  invalid_role: 400,
};

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "admin.view");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const intent = text("intent");
  const accountId = text("accountId");
  const values = { reason: text("reason"), role: text("role") };
  const list = listParameters(new URL(request.url), { withCursor: true });

  const fail = (error: ActionError) => data<AdminPeopleActionData>({ intent, accountId, error, values }, { status: errorStatus[error] });

  if (intent === "disable" || intent === "enable") {
    const result =
      intent === "disable"
        ? await disableAccount(portal.db, actor, { accountId, reason: values.reason })
        : await enableAccount(portal.db, actor, { accountId, reason: values.reason });
    if (result.status === "disabled" || result.status === "enabled") {
      log.info({ accountId }, result.status === "disabled" ? "account.disabled" : "account.enabled");
      return redirect(withParameters(list, { notice: `account_${result.status}` }));
    }
    if (result.status === "unchanged") return redirect(withParameters(list, { notice: "account_unchanged" }));
    return fail(result.status);
  }

  if (intent === "grant-role" || intent === "revoke-role") {
    const result =
      intent === "grant-role"
        ? await grantRole(portal.db, actor, { accountId, role: values.role })
        : await revokeRole(portal.db, actor, { accountId, role: values.role });
    if (result.status === "granted" || result.status === "revoked" || result.status === "unchanged") {
      if (result.status !== "unchanged") log.info({ accountId, role: values.role }, result.status === "granted" ? "role.granted" : "role.revoked");
      return redirect(withParameters(list, { roles: accountId, notice: `role_${result.status}` }));
    }
    return fail(result.status);
  }

  throw data({ code: "invalid_intent" }, { status: 400 });
}

function errorText(error: ActionError): string {
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

function noticeText(notice: Notice): string {
  switch (notice) {
    case "account_disabled":
      return m.admin_account_disabled();
    case "account_enabled":
      return m.admin_account_enabled();
    case "account_unchanged":
      return m.admin_account_unchanged();
    case "role_granted":
      return m.admin_role_granted();
    case "role_revoked":
      return m.admin_role_revoked();
    case "role_unchanged":
      return m.admin_role_unchanged();
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

type LoaderData = Route.ComponentProps["loaderData"];

export default function AdminPeople({ loaderData, actionData }: Route.ComponentProps) {
  const { accounts, panel, notice, listQuery, filterQuery } = loaderData;
  const list = new URLSearchParams(listQuery);
  const panelError = actionData && panel && actionData.accountId === panel.account.accountId ? actionData : null;
  // An error for an account whose panel is not open (another tab, a stale page) still needs to be seen.
  const strayError = actionData && !panelError ? actionData : null;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.admin_people_title()}
      </h1>
      <p className="ds-paragraph">{m.admin_people_intro()}</p>
      <p className="ds-paragraph">
        <Link to="/admin" className="ds-link">
          {m.admin_back_to_admin()}
        </Link>
      </p>

      {notice ? (
        <div className="ds-alert" data-color={notice.endsWith("unchanged") ? "info" : "success"} role="status">
          <p className="ds-paragraph">{noticeText(notice)}</p>
        </div>
      ) : null}
      {strayError ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{errorText(strayError.error)}</p>
        </div>
      ) : null}

      {panel?.kind === "roles" ? (
        <RolesPanel account={panel.account} list={list} error={panelError} mayManageRoles={loaderData.may.manageRoles} />
      ) : panel ? (
        <StatusPanel kind={panel.kind} account={panel.account} list={list} error={panelError} />
      ) : null}

      <FilterForm loaderData={loaderData} />

      <AccountsTable accounts={accounts} list={list} mayDisable={loaderData.may.disable} />

      {loaderData.nextCursor || loaderData.onLaterPage ? (
        <p className="admin-button-row">
          {loaderData.onLaterPage ? (
            <Link to={withParameters(new URLSearchParams(filterQuery), {})} className="ds-button" data-variant="tertiary">
              {m.admin_first_page()}
            </Link>
          ) : null}
          {loaderData.nextCursor ? (
            <Link to={withParameters(new URLSearchParams(filterQuery), { cursor: loaderData.nextCursor })} className="ds-button" data-variant="secondary">
              {m.admin_next_page()}
            </Link>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

function FilterForm({ loaderData }: { loaderData: LoaderData }) {
  const { filter, communities } = loaderData;

  return (
    <section className="stack" aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="ds-heading" data-size="sm">
        {m.admin_filter_heading()}
      </h2>
      {/* A GET form: the filters live in the URL, so they can be bookmarked and work without JavaScript. */}
      <Form method="get" action="/admin/people" className="admin-filter-form">
        <div className="ds-field">
          <label className="ds-label" htmlFor="filter-role">
            {m.admin_filter_role_label()}
          </label>
          <select className="ds-input" id="filter-role" name="role" defaultValue={filter.role ?? ""}>
            <option value="">{m.admin_filter_any_role()}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabel(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="filter-community">
            {m.admin_filter_community_label()}
          </label>
          <select className="ds-input" id="filter-community" name="community" defaultValue={filter.communityId ?? ""}>
            <option value="">{m.admin_filter_any_community()}</option>
            {communities.map((community) => (
              <option key={community.id} value={community.id}>
                {community.name}
              </option>
            ))}
          </select>
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="filter-status">
            {m.admin_filter_status_label()}
          </label>
          <select className="ds-input" id="filter-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{m.admin_filter_any_status()}</option>
            <option value="active">{m.admin_status_active()}</option>
            <option value="disabled">{m.admin_status_disabled()}</option>
          </select>
        </div>
        <div className="admin-button-row">
          <button type="submit" className="ds-button" data-variant="secondary">
            {m.admin_filter_submit()}
          </button>
          {loaderData.filterQuery ? (
            <Link to="/admin/people" className="ds-button" data-variant="tertiary">
              {m.admin_filter_reset()}
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}

function AccountsTable({ accounts, list, mayDisable }: { accounts: AccountListing[]; list: URLSearchParams; mayDisable: boolean }) {
  const locale = useRootData()?.locale ?? "nb";

  if (accounts.length === 0) return <p className="ds-paragraph">{m.admin_people_empty()}</p>;

  return (
    <div className="admin-table-scroll" role="region" aria-labelledby="people-caption" tabIndex={0}>
      <table className="ds-table" data-border="true" data-size="sm">
        <caption id="people-caption">{m.admin_people_caption()}</caption>
        <thead>
          <tr>
            <th scope="col">{m.admin_column_person()}</th>
            <th scope="col">{m.admin_column_roles()}</th>
            <th scope="col">{m.admin_column_communities()}</th>
            <th scope="col">{m.admin_column_status()}</th>
            <th scope="col">{m.admin_column_created()}</th>
            <th scope="col">{m.admin_column_actions()}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => {
            const name = displayNameText(account.displayName);
            return (
              <tr key={account.accountId}>
                <th scope="row">
                  {name} {account.isSelf ? m.admin_you() : null}
                  {account.isDemo ? (
                    <>
                      <br />
                      <small className="admin-muted">{m.admin_demo_account()}</small>
                    </>
                  ) : null}
                </th>
                <td>{account.roles.map(roleLabel).join(", ")}</td>
                <td>{account.communities.length > 0 ? account.communities.map((community) => community.name).join(", ") : m.admin_no_communities()}</td>
                <td>{account.status === "active" ? m.admin_status_active() : m.admin_status_disabled()}</td>
                <td>{formatDate(account.createdAt, locale)}</td>
                <td>
                  <ul className="admin-action-list">
                    {mayDisable && !account.isSelf ? (
                      <li>
                        {account.status === "active" ? (
                          <Link
                            to={`${withParameters(list, { confirm: "disable", account: account.accountId })}#account-panel`}
                            className="ds-link"
                            aria-label={m.admin_disable_link_label({ name })}
                          >
                            {m.admin_disable_link()}
                          </Link>
                        ) : (
                          <Link
                            to={`${withParameters(list, { confirm: "enable", account: account.accountId })}#account-panel`}
                            className="ds-link"
                            aria-label={m.admin_enable_link_label({ name })}
                          >
                            {m.admin_enable_link()}
                          </Link>
                        )}
                      </li>
                    ) : null}
                    <li>
                      <Link to={`${withParameters(list, { roles: account.accountId })}#account-panel`} className="ds-link" aria-label={m.admin_roles_link_label({ name })}>
                        {m.admin_roles_link()}
                      </Link>
                    </li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function StatusPanel({ kind, account, list, error }: { kind: "disable" | "enable"; account: AccountListing; list: URLSearchParams; error: AdminPeopleActionData | null }) {
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
      <Form method="post" action={withParameters(list, { confirm: kind, account: account.accountId })} className="stack">
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

function RolesPanel({ account, list, error, mayManageRoles }: { account: AccountListing; list: URLSearchParams; error: AdminPeopleActionData | null; mayManageRoles: boolean }) {
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
              <Form method="post" action={formAction}>
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
        <Form method="post" action={formAction} className="admin-filter-form">
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
