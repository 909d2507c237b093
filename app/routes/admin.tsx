import { data, Form, Link, redirect } from "react-router";

import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { createCommunity } from "../../server/communities/create-community";
import { listCommunities } from "../../server/communities/list-communities";
import { renameCommunity } from "../../server/communities/rename-community";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/admin";

export function meta() {
  return [{ title: `${m.admin_title()} – ReConnect` }];
}

const notices = ["community_created", "community_renamed", "community_unchanged"] as const;
type Notice = (typeof notices)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "admin.view");
  const { portal } = context.get(requestContext);
  const result = await listCommunities(portal.db, actor);
  if (result.status !== "listed") throw data({ code: "not_found" }, { status: 404 });

  const url = new URL(request.url);
  const notice = notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null;
  const renaming = result.communities.find((community) => community.id === url.searchParams.get("rename")) ?? null;
  const noticeCommunity = result.communities.find((community) => community.id === url.searchParams.get("community"));

  return {
    communities: result.communities,
    renaming: renaming ? { id: renaming.id, name: renaming.name, slug: renaming.slug } : null,
    notice: notice ? { kind: notice, communityName: noticeCommunity?.name ?? "" } : null,
  };
}

type FieldErrors = Partial<Record<"name" | "municipalityNumber", string>>;

export type AdminActionData =
  | { intent: "create-community"; errors: FieldErrors; values: { name: string; municipalityNumber: string } }
  | { intent: "rename-community"; communityId: string; errors: FieldErrors; formError?: "community_not_found"; values: { name: string } };

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "communities.manage");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };

  if (form.get("intent") === "create-community") {
    const values = { name: text("name"), municipalityNumber: text("municipalityNumber") };
    const result = await createCommunity(portal.db, actor, values);
    if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
    if (result.status === "invalid") return data<AdminActionData>({ intent: "create-community", errors: result.errors, values }, { status: 400 });

    log.info({ communityId: result.community.id }, "community.created");
    return redirect(`/admin?notice=community_created&community=${result.community.id}`);
  }

  if (form.get("intent") === "rename-community") {
    const communityId = text("communityId");
    const values = { name: text("name") };
    const result = await renameCommunity(portal.db, actor, { communityId, name: values.name });
    if (result.status === "invalid") return data<AdminActionData>({ intent: "rename-community", communityId, errors: result.errors, values }, { status: 400 });
    if (result.status === "not_found") {
      return data<AdminActionData>({ intent: "rename-community", communityId, errors: {}, formError: "community_not_found", values }, { status: 404 });
    }

    if (result.status === "renamed") log.info({ communityId }, "community.renamed");
    return redirect(`/admin?notice=${result.status === "renamed" ? "community_renamed" : "community_unchanged"}&community=${communityId}`);
  }

  throw data({ code: "invalid_intent" }, { status: 400 });
}

/** Translate a field error code from the communities use cases. */
function communityErrorText(code: string | undefined): string | null {
  switch (code) {
    case undefined:
      return null;
    case "name_missing":
      return m.admin_error_name_missing();
    case "name_too_short":
      return m.admin_error_name_too_short();
    case "name_too_long":
      return m.admin_error_name_too_long();
    case "name_without_letters":
      return m.admin_error_name_without_letters();
    case "municipality_number_invalid":
      return m.admin_error_municipality_number_invalid();
    default:
      return m.error_unexpected_body();
  }
}

function noticeText(notice: { kind: Notice; communityName: string }): string {
  switch (notice.kind) {
    case "community_created":
      return m.admin_community_created({ name: notice.communityName });
    case "community_renamed":
      return m.admin_community_renamed();
    case "community_unchanged":
      return m.admin_community_unchanged();
  }
}

export default function Admin({ loaderData, actionData }: Route.ComponentProps) {
  const { communities, notice } = loaderData;
  const createData = actionData?.intent === "create-community" ? actionData : null;
  const renameData = actionData?.intent === "rename-community" ? actionData : null;
  const renaming = loaderData.renaming ?? (renameData ? (communities.find((community) => community.id === renameData.communityId) ?? null) : null);

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.admin_title()}
      </h1>
      <p className="ds-paragraph">{m.admin_intro()}</p>

      {notice ? (
        <div className="ds-alert" data-color={notice.kind === "community_unchanged" ? "info" : "success"} role="status">
          <p className="ds-paragraph">{noticeText(notice)}</p>
        </div>
      ) : null}

      <ul className="card-list">
        <li className="ds-card">
          <h2 className="ds-heading" data-size="sm">
            <Link to="/admin/people">{m.admin_link_people()}</Link>
          </h2>
          <p className="ds-paragraph">{m.admin_link_people_body()}</p>
        </li>
        <li className="ds-card">
          <h2 className="ds-heading" data-size="sm">
            <Link to="/admin/audit-log">{m.admin_link_audit_log()}</Link>
          </h2>
          <p className="ds-paragraph">{m.admin_link_audit_log_body()}</p>
        </li>
      </ul>

      <section className="stack" aria-labelledby="communities-heading">
        <h2 id="communities-heading" className="ds-heading" data-size="md">
          {m.admin_communities_heading()}
        </h2>
        {communities.length === 0 ? (
          <p className="ds-paragraph">{m.admin_communities_empty()}</p>
        ) : (
          <div className="admin-table-scroll" role="region" aria-labelledby="communities-caption" tabIndex={0}>
            <table className="ds-table" data-border="true" data-size="sm">
              <caption id="communities-caption">{m.admin_communities_caption()}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.admin_column_name()}</th>
                  <th scope="col" className="admin-numeric">
                    {m.admin_column_members()}
                  </th>
                  <th scope="col" className="admin-numeric">
                    {m.admin_column_peer_moderators()}
                  </th>
                  <th scope="col" className="admin-numeric">
                    {m.admin_column_providers()}
                  </th>
                  <th scope="col" className="admin-numeric">
                    {m.admin_column_people()}
                  </th>
                  <th scope="col">{m.admin_column_actions()}</th>
                </tr>
              </thead>
              <tbody>
                {communities.map((community) => (
                  <tr key={community.id}>
                    <th scope="row">
                      {community.name}
                      <br />
                      <small className="admin-muted">
                        {m.admin_slug({ slug: community.slug })}
                        <br />
                        {m.admin_municipality_number({ number: community.municipalityNumber ?? m.admin_municipality_number_none() })}
                      </small>
                    </th>
                    <td className="admin-numeric">{community.countsByRole.member}</td>
                    <td className="admin-numeric">{community.countsByRole.peer_moderator}</td>
                    <td className="admin-numeric">{community.countsByRole.provider}</td>
                    <td className="admin-numeric">{community.peopleCount}</td>
                    <td>
                      <Link
                        to={`/admin?rename=${community.id}#rename-heading`}
                        className="ds-link"
                        aria-label={m.admin_rename_link_label({ name: community.name })}
                      >
                        {m.admin_rename_link()}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {renaming ? <RenameCommunityForm community={renaming} actionData={renameData} /> : null}

      <CreateCommunityForm actionData={createData} />
    </>
  );
}

function RenameCommunityForm({
  community,
  actionData,
}: {
  community: { id: string; name: string; slug: string };
  actionData: Extract<AdminActionData, { intent: "rename-community" }> | null;
}) {
  const nameError = communityErrorText(actionData?.errors.name);

  return (
    <section className="ds-card stack" aria-labelledby="rename-heading">
      <h2 id="rename-heading" className="ds-heading" data-size="md">
        {m.admin_rename_heading({ name: community.name })}
      </h2>
      <p className="ds-paragraph">{m.admin_rename_body({ slug: community.slug })}</p>
      {actionData?.formError === "community_not_found" ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{m.admin_error_community_not_found()}</p>
        </div>
      ) : null}
      <Form method="post" action="/admin" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="rename-community" />
        <input type="hidden" name="communityId" value={community.id} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="rename-name">
            {m.admin_rename_name_label()}
          </label>
          <input
            className="ds-input"
            id="rename-name"
            name="name"
            type="text"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={actionData?.values.name ?? community.name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "rename-name-error" : undefined}
          />
          {nameError ? (
            <p className="ds-validation-message" id="rename-name-error" data-color="danger">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="admin-button-row">
          <button type="submit" className="ds-button" data-variant="primary">
            {m.admin_rename_submit()}
          </button>
          <Link to="/admin" className="ds-button" data-variant="tertiary">
            {m.admin_cancel()}
          </Link>
        </div>
      </Form>
    </section>
  );
}

function CreateCommunityForm({ actionData }: { actionData: Extract<AdminActionData, { intent: "create-community" }> | null }) {
  const nameError = communityErrorText(actionData?.errors.name);
  const numberError = communityErrorText(actionData?.errors.municipalityNumber);

  return (
    <section className="stack" aria-labelledby="create-heading">
      <h2 id="create-heading" className="ds-heading" data-size="md">
        {m.admin_create_heading()}
      </h2>
      {/* The key resets the fields after a successful create, which arrives as a redirect without action data. */}
      <Form method="post" action="/admin" className="stack" key={actionData ? "retry" : "new"}>
        <CsrfField />
        <input type="hidden" name="intent" value="create-community" />
        <div className="ds-field">
          <label className="ds-label" htmlFor="create-name">
            {m.admin_create_name_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="create-name-description">
            {m.admin_create_name_description()}
          </p>
          <input
            className="ds-input"
            id="create-name"
            name="name"
            type="text"
            required
            maxLength={100}
            autoComplete="off"
            defaultValue={actionData?.values.name ?? ""}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "create-name-description create-name-error" : "create-name-description"}
          />
          {nameError ? (
            <p className="ds-validation-message" id="create-name-error" data-color="danger">
              {nameError}
            </p>
          ) : null}
        </div>
        <div className="ds-field">
          <label className="ds-label" htmlFor="create-municipality-number">
            {m.admin_create_municipality_label()}
          </label>
          <p className="ds-paragraph" data-size="sm" id="create-municipality-number-description">
            {m.admin_create_municipality_description()}
          </p>
          <input
            className="ds-input"
            id="create-municipality-number"
            name="municipalityNumber"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            size={6}
            defaultValue={actionData?.values.municipalityNumber ?? ""}
            aria-invalid={numberError ? true : undefined}
            aria-describedby={numberError ? "create-municipality-number-description create-municipality-number-error" : "create-municipality-number-description"}
          />
          {numberError ? (
            <p className="ds-validation-message" id="create-municipality-number-error" data-color="danger">
              {numberError}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="ds-button" data-variant="primary">
            {m.admin_create_submit()}
          </button>
        </div>
      </Form>
    </section>
  );
}
