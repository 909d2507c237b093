import { data, Link, redirect } from "react-router";

import { RolesPanel, StatusPanel, errorText } from "~/components/admin-account-panels";
import { AccountsTable, FilterForm, withParameters } from "~/components/admin-accounts-table";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listCommunities } from "../../server/communities/list-communities";
import { disableAccount } from "../../server/identity/disable-account";
import { enableAccount } from "../../server/identity/enable-account";
import { grantRole } from "../../server/identity/grant-role";
import { listAccounts } from "../../server/identity/list-accounts";
import { revokeRole } from "../../server/identity/revoke-role";
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

export type ActionError = "not_found" | "cannot_disable_self" | "last_administrator" | "last_role" | "invalid_reason" | "invalid_role";

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

export type LoaderData = Route.ComponentProps["loaderData"];

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
