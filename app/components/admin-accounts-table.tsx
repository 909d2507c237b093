import { Form, Link } from "react-router";

import { displayNameText } from "~/display-name";
import { formatDate } from "~/format-date";
import { m } from "~/paraglide/messages";
import { roleLabel } from "~/role-label";
import { useRootData } from "~/root";
import type { LoaderData } from "~/routes/admin-people";
import type { AccountListing } from "../../server/identity/list-accounts";
import { roles } from "../../server/identity/roles";

/** Build a link to the people list from its kept query and the given extra parameters. */
export function withParameters(base: URLSearchParams, extra: Record<string, string>): string {
  const combined = new URLSearchParams(base);
  for (const [name, value] of Object.entries(extra)) combined.set(name, value);
  const query = combined.toString();
  return query ? `/admin/people?${query}` : "/admin/people";
}

export function FilterForm({ loaderData }: { loaderData: LoaderData }) {
  const { filter, communities } = loaderData;

  return (
    <section className="stack" aria-labelledby="filter-heading">
      <h2 id="filter-heading" className="ds-heading" data-size="sm">
        {m.admin_filter_heading()}
      </h2>
      {/* A GET form: the filters live in the URL, so they can be bookmarked and work without JavaScript. */}
      <Form method="get" action="/admin/people" className="admin-filter-form" noValidate>
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

export function AccountsTable({ accounts, list, mayDisable }: { accounts: AccountListing[]; list: URLSearchParams; mayDisable: boolean }) {
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
                <th scope="row" className="wrap-anywhere">
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
