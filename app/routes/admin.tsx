import { data, Link, redirect } from "react-router";

import { CreateCommunityForm, RenameCommunityForm } from "~/components/admin-community-forms";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { createCommunity } from "../../server/communities/create-community";
import type { CommunityTakenBy } from "../../server/communities/find-community-conflicts";
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
    createdCommunityId: notice === "community_created" ? (noticeCommunity?.id ?? null) : null,
  };
}

type FieldErrors = Partial<Record<"name" | "municipalityNumber", string>>;

export type AdminActionData =
  | { intent: "create-community"; errors: FieldErrors; takenBy?: CommunityTakenBy; values: { name: string; municipalityNumber: string } }
  | { intent: "rename-community"; communityId: string; errors: FieldErrors; takenBy?: CommunityTakenBy; formError?: "community_not_found"; values: { name: string } };

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
    if (result.status === "invalid") {
      return data<AdminActionData>({ intent: "create-community", errors: result.errors, ...(result.takenBy ? { takenBy: result.takenBy } : {}), values }, { status: 400 });
    }

    log.info({ communityId: result.community.id }, "community.created");
    return redirect(`/admin?notice=community_created&community=${result.community.id}`);
  }

  if (form.get("intent") === "rename-community") {
    const communityId = text("communityId");
    const values = { name: text("name") };
    const result = await renameCommunity(portal.db, actor, { communityId, name: values.name });
    if (result.status === "invalid") {
      return data<AdminActionData>({ intent: "rename-community", communityId, errors: result.errors, ...(result.takenBy ? { takenBy: result.takenBy } : {}), values }, { status: 400 });
    }
    if (result.status === "not_found") {
      return data<AdminActionData>({ intent: "rename-community", communityId, errors: {}, formError: "community_not_found", values }, { status: 404 });
    }

    if (result.status === "renamed") log.info({ communityId }, "community.renamed");
    return redirect(`/admin?notice=${result.status === "renamed" ? "community_renamed" : "community_unchanged"}&community=${communityId}`);
  }

  throw data({ code: "invalid_intent" }, { status: 400 });
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
        <li className="ds-card">
          <h2 className="ds-heading" data-size="sm">
            <Link to="/admin/forum">{m.admin_forum_link()}</Link>
          </h2>
          <p className="ds-paragraph">{m.admin_forum_link_body()}</p>
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

      <CreateCommunityForm actionData={createData} createdCommunityId={loaderData.createdCommunityId} />
    </>
  );
}
