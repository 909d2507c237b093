import { data, Form, Link, redirect } from "react-router";

import { CreateForumCategoryForm, EditForumCategoryForm } from "~/components/admin-forum-category-forms";
import { CsrfField } from "~/components/csrf-field";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { archiveForumCategory } from "../../server/forum/archive-forum-category";
import { createForumCategory } from "../../server/forum/create-forum-category";
import type { ForumCategoryTakenBy } from "../../server/forum/find-forum-category-conflicts";
import type { ForumCategoryField, ForumCategoryFieldErrors } from "../../server/forum/forum-category-fields";
import { listForumCategoriesForAdmin, type ForumCategoryForAdmin } from "../../server/forum/list-forum-categories-for-admin";
import { restoreForumCategory } from "../../server/forum/restore-forum-category";
import { updateForumCategory } from "../../server/forum/update-forum-category";
import type { Locale } from "../../server/identity/roles";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/admin-forum";

export function meta() {
  return [{ title: `${m.admin_forum_title()} – ReConnect` }];
}

const notices = [
  "category_created",
  "category_updated",
  "category_unchanged",
  "category_archived",
  "category_restored",
  "category_already_archived",
  "category_already_restored",
] as const;
type Notice = (typeof notices)[number];

/** Field values as the forms send them, kept as typed so a form with errors shows them again. */
export type ForumCategoryFormValues = Record<ForumCategoryField, string>;

const formFields: readonly ForumCategoryField[] = ["nameNb", "nameNn", "nameEn", "descriptionNb", "descriptionNn", "descriptionEn", "position"];

export type AdminForumActionData =
  | { intent: "create-category"; errors: ForumCategoryFieldErrors; takenBy?: ForumCategoryTakenBy; values: ForumCategoryFormValues }
  | {
      intent: "update-category";
      categoryId: string;
      errors: ForumCategoryFieldErrors;
      takenBy?: ForumCategoryTakenBy;
      formError?: "category_not_found";
      values: ForumCategoryFormValues;
    }
  | { intent: "archive-category" | "restore-category"; categoryId: string; formError: "category_not_found" };

/** Return the category's name in the administrator's language, for notices and labels. */
function displayName(category: Pick<ForumCategoryForAdmin, "nameNb" | "nameNn" | "nameEn">, locale: Locale): string {
  if (locale === "nn") return category.nameNn;
  if (locale === "en") return category.nameEn;
  return category.nameNb;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum_categories.manage");
  const { portal, locale } = context.get(requestContext);
  const result = await listForumCategoriesForAdmin(portal.db, actor);
  if (result.status !== "listed") throw data({ code: "not_found" }, { status: 404 });

  const url = new URL(request.url);
  const notice = notices.find((candidate) => candidate === url.searchParams.get("notice")) ?? null;
  const noticeCategory = result.categories.find((category) => category.id === url.searchParams.get("category"));
  const editing = result.categories.find((category) => category.id === url.searchParams.get("edit")) ?? null;
  const categories = result.categories.map((category) => ({ ...category, displayName: displayName(category, locale) }));

  return {
    categories,
    editing: editing ? { ...formValues(editing), id: editing.id, slug: editing.slug, displayName: displayName(editing, locale) } : null,
    notice: notice && noticeCategory ? { kind: notice, categoryName: displayName(noticeCategory, locale) } : null,
    createdCategoryId: notice === "category_created" ? (noticeCategory?.id ?? null) : null,
  };
}

function formValues(category: ForumCategoryForAdmin): ForumCategoryFormValues {
  return {
    nameNb: category.nameNb,
    nameNn: category.nameNn,
    nameEn: category.nameEn,
    descriptionNb: category.descriptionNb,
    descriptionNn: category.descriptionNn,
    descriptionEn: category.descriptionEn,
    position: String(category.position),
  };
}

function noticeRedirect(notice: Notice, categoryId: string) {
  return redirect(`/admin/forum?notice=${notice}&category=${categoryId}`);
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum_categories.manage");
  const { portal, log } = context.get(requestContext);
  const form = await request.formData();
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = Object.fromEntries(formFields.map((field) => [field, text(field)])) as ForumCategoryFormValues;
  const categoryId = text("categoryId");

  switch (form.get("intent")) {
    case "create-category": {
      const result = await createForumCategory(portal.db, actor, values);
      if (result.status === "not_found") throw data({ code: "not_found" }, { status: 404 });
      if (result.status === "invalid") {
        return data<AdminForumActionData>({ intent: "create-category", errors: result.errors, ...(result.takenBy ? { takenBy: result.takenBy } : {}), values }, { status: 400 });
      }

      log.info({ categoryId: result.category.id }, "forum_category.created");
      return noticeRedirect("category_created", result.category.id);
    }
    case "update-category": {
      const result = await updateForumCategory(portal.db, actor, { ...values, categoryId });
      if (result.status === "invalid") {
        return data<AdminForumActionData>(
          { intent: "update-category", categoryId, errors: result.errors, ...(result.takenBy ? { takenBy: result.takenBy } : {}), values },
          { status: 400 },
        );
      }
      if (result.status === "not_found") {
        return data<AdminForumActionData>({ intent: "update-category", categoryId, errors: {}, formError: "category_not_found", values }, { status: 404 });
      }

      if (result.status === "updated") log.info({ categoryId }, "forum_category.updated");
      return noticeRedirect(result.status === "updated" ? "category_updated" : "category_unchanged", categoryId);
    }
    case "archive-category": {
      const result = await archiveForumCategory(portal.db, actor, { categoryId });
      if (result.status === "not_found") return data<AdminForumActionData>({ intent: "archive-category", categoryId, formError: "category_not_found" }, { status: 404 });

      if (result.status === "archived") log.info({ categoryId }, "forum_category.archived");
      return noticeRedirect(result.status === "archived" ? "category_archived" : "category_already_archived", categoryId);
    }
    case "restore-category": {
      const result = await restoreForumCategory(portal.db, actor, { categoryId });
      if (result.status === "not_found") return data<AdminForumActionData>({ intent: "restore-category", categoryId, formError: "category_not_found" }, { status: 404 });

      if (result.status === "restored") log.info({ categoryId }, "forum_category.restored");
      return noticeRedirect(result.status === "restored" ? "category_restored" : "category_already_restored", categoryId);
    }
    default:
      throw data({ code: "invalid_intent" }, { status: 400 });
  }
}

function noticeText(notice: { kind: Notice; categoryName: string }): string {
  const name = notice.categoryName;
  switch (notice.kind) {
    case "category_created":
      return m.admin_forum_category_created({ name });
    case "category_updated":
      return m.admin_forum_category_updated({ name });
    case "category_unchanged":
      return m.admin_forum_category_unchanged({ name });
    case "category_archived":
      return m.admin_forum_category_archived({ name });
    case "category_restored":
      return m.admin_forum_category_restored({ name });
    case "category_already_archived":
      return m.admin_forum_category_already_archived({ name });
    case "category_already_restored":
      return m.admin_forum_category_already_restored({ name });
  }
}

function isQuietNotice(kind: Notice): boolean {
  return kind === "category_unchanged" || kind === "category_already_archived" || kind === "category_already_restored";
}

type CategoryRow = Awaited<ReturnType<typeof loader>>["categories"][number];

/** Render the archive or restore button. Both can be undone, so neither has a confirmation step. */
function ArchiveButton({ category }: { category: CategoryRow }) {
  const archived = category.archivedAt !== null;

  return (
    <Form method="post" action="/admin/forum">
      <CsrfField />
      <input type="hidden" name="intent" value={archived ? "restore-category" : "archive-category"} />
      <input type="hidden" name="categoryId" value={category.id} />
      <button
        type="submit"
        className="ds-button"
        data-variant="secondary"
        data-size="sm"
        aria-label={archived ? m.admin_forum_restore_label({ name: category.displayName }) : m.admin_forum_archive_label({ name: category.displayName })}
      >
        {archived ? m.admin_forum_restore() : m.admin_forum_archive()}
      </button>
    </Form>
  );
}

export default function AdminForum({ loaderData, actionData }: Route.ComponentProps) {
  const { categories, notice } = loaderData;
  const createData = actionData?.intent === "create-category" ? actionData : null;
  const updateData = actionData?.intent === "update-category" ? actionData : null;
  const editedAfterError = updateData ? (categories.find((category) => category.id === updateData.categoryId) ?? null) : null;
  const editing = loaderData.editing ?? (editedAfterError ? { ...editedAfterError, position: String(editedAfterError.position) } : null);
  // The edit form shows its own "not found"; any other post about a missing category gets the alert at the top.
  const categoryNotFound = actionData !== undefined && "formError" in actionData && actionData.formError === "category_not_found" && !(updateData && editing);

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.admin_forum_title()}
      </h1>
      <p className="ds-paragraph">{m.admin_forum_intro()}</p>
      <p className="ds-paragraph">
        <Link to="/admin" className="ds-link">
          {m.admin_back_to_admin()}
        </Link>
      </p>

      {notice ? (
        <div className="ds-alert" data-color={isQuietNotice(notice.kind) ? "info" : "success"} role="status">
          <p className="ds-paragraph">{noticeText(notice)}</p>
        </div>
      ) : null}
      {categoryNotFound ? (
        <div className="ds-alert" data-color="danger" role="alert">
          <p className="ds-paragraph">{m.admin_forum_error_category_not_found()}</p>
        </div>
      ) : null}

      <section className="stack" aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="ds-heading" data-size="md">
          {m.admin_forum_categories_heading()}
        </h2>
        {categories.length === 0 ? (
          <p className="ds-paragraph">{m.admin_forum_empty()}</p>
        ) : (
          <div className="admin-table-scroll" role="region" aria-labelledby="categories-caption" tabIndex={0}>
            <table className="ds-table" data-border="true" data-size="sm">
              <caption id="categories-caption">{m.admin_forum_caption()}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.admin_forum_column_category()}</th>
                  <th scope="col">{m.admin_forum_column_name_nn()}</th>
                  <th scope="col">{m.admin_forum_column_name_en()}</th>
                  <th scope="col" className="admin-numeric">
                    {m.admin_forum_column_position()}
                  </th>
                  <th scope="col" className="admin-numeric">
                    {m.admin_forum_column_threads()}
                  </th>
                  <th scope="col">{m.admin_forum_column_status()}</th>
                  <th scope="col">{m.admin_column_actions()}</th>
                </tr>
              </thead>
              <tbody>
                {categories.map((category) => (
                  <tr key={category.id}>
                    <th scope="row" className="wrap-anywhere">
                      {category.nameNb}
                      <br />
                      <small className="admin-muted">{m.admin_slug({ slug: category.slug })}</small>
                    </th>
                    <td className="wrap-anywhere">{category.nameNn}</td>
                    <td className="wrap-anywhere">{category.nameEn}</td>
                    <td className="admin-numeric">{category.position}</td>
                    <td className="admin-numeric">{category.threadCount}</td>
                    <td>{category.archivedAt === null ? m.admin_forum_status_active() : m.admin_forum_status_archived()}</td>
                    <td>
                      <div className="admin-button-row">
                        <Link
                          to={`/admin/forum?edit=${category.id}#edit-heading`}
                          className="ds-link"
                          aria-label={m.admin_forum_edit_link_label({ name: category.displayName })}
                        >
                          {m.admin_forum_edit_link()}
                        </Link>
                        <ArchiveButton category={category} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {editing ? <EditForumCategoryForm key={editing.id} category={editing} actionData={updateData} /> : null}

      <CreateForumCategoryForm actionData={createData} createdCategoryId={loaderData.createdCategoryId} />
    </>
  );
}
