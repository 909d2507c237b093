import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, Outlet, StaticRouterProvider } from "react-router";
import { describe, expect, test } from "vitest";

import nb from "../../messages/nb.json" with { type: "json" };
import AdminForum from "./admin-forum";
import SettingsForum from "./settings-forum";

type AdminForumProps = Parameters<typeof AdminForum>[0];
type SettingsForumProps = Parameters<typeof SettingsForum>[0];

/** Server-render a page component with the given props, inside a router whose root provides the CSRF token. */
async function render<Props>(path: string, Page: ComponentType<Props>, props: Partial<Props>): Promise<string> {
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale: "nb", csrfToken: "test-token", demo: false, viewer: null }),
      Component: Outlet,
      children: [{ path: path.slice(1), Component: () => createElement(Page as ComponentType<object>, props as object) }],
    },
  ];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`http://127.0.0.1${path}`));
  if (context instanceof Response) throw new Error(`The test router returned a ${context.status} response.`);

  const html = renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  return html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** Return the opening tag of the element with this id. */
function tagWithId(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`No element with id ${id}.`);
  return match[0];
}

const category = {
  id: "6f1c9a52-3a0e-4d59-9d0c-2f1f4d1b8e11",
  slug: "hverdagen",
  nameNb: "Hverdagen",
  nameNn: "Kvardagen",
  nameEn: "Everyday life",
  descriptionNb: "",
  descriptionNn: "",
  descriptionEn: "",
  position: 10,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  archivedAt: null,
  threadCount: 3,
  displayName: "Hverdagen",
};

const emptyAdminPage: AdminForumProps["loaderData"] = { categories: [], editing: null, notice: null, createdCategoryId: null };

describe("admin forum page", () => {
  test("error stays next to its field with typed values", async () => {
    const html = await render("/admin/forum", AdminForum, {
      loaderData: { ...emptyAdminPage, categories: [category] },
      actionData: {
        intent: "create-category",
        errors: { nameNn: "name_taken" },
        takenBy: { nameNn: { name: "Kvardagen", archived: true } },
        values: { nameNb: "Ny kategori", nameNn: "kvardagen", nameEn: "New", descriptionNb: "", descriptionNn: "", descriptionEn: "", position: "" },
      },
    });

    expect(tagWithId(html, "create-nameNn")).toContain('aria-describedby="create-nameNn-help create-nameNn-error"');
    expect(tagWithId(html, "create-nameNn")).toContain('aria-invalid="true"');
    expect(tagWithId(html, "create-nameNn")).toContain('value="kvardagen"');
    expect(html).toContain(nb.admin_forum_error_name_taken_archived.replace("{name}", "Kvardagen"));
    expect(tagWithId(html, "create-nameNb")).not.toContain("aria-invalid");
  });

  test("every form carries the CSRF token and an intent", async () => {
    const html = await render("/admin/forum", AdminForum, {
      loaderData: { ...emptyAdminPage, categories: [category, { ...category, id: "0b8f6f0e-8a43-4c1e-a1f4-1c8d6f0b2a77", archivedAt: new Date(), displayName: "Arkivet" }] },
      actionData: undefined,
    });

    const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
    expect(forms).toHaveLength(3);
    for (const form of forms) {
      expect(form).toContain('name="csrf" value="test-token"');
      expect(form).toMatch(/name="intent" value="(create-category|archive-category|restore-category)"/);
    }
    expect(html).toContain(nb.admin_forum_archive_label.replace("{name}", "Hverdagen"));
    expect(html).toContain(nb.admin_forum_restore_label.replace("{name}", "Arkivet"));
  });

  test("empty forum says how to start", async () => {
    const html = await render("/admin/forum", AdminForum, { loaderData: emptyAdminPage, actionData: undefined });
    expect(html).toContain(nb.admin_forum_empty);
  });
});

const settingsPage: SettingsForumProps["loaderData"] = {
  words: ["angst", "ta livet av meg"],
  categories: [
    { id: "6f1c9a52-3a0e-4d59-9d0c-2f1f4d1b8e11", name: "Hverdagen", muted: true },
    { id: "0b8f6f0e-8a43-4c1e-a1f4-1c8d6f0b2a77", name: "Musikk", muted: false },
  ],
  emailForum: false,
  emailModeration: null,
  hasEmailAddress: true,
  mailEnabled: true,
  notice: null,
};

describe("forum settings page", () => {
  test("three sections with their headings", async () => {
    const html = await render("/settings/forum", SettingsForum, { loaderData: settingsPage, actionData: undefined });

    expect(html).toContain(nb.settings_forum_words_heading);
    expect(html).toContain(nb.settings_forum_categories_heading);
    expect(html).toContain(nb.settings_forum_email_heading);
    expect(html).toContain(nb.settings_forum_words_body);
    expect(html).not.toContain(nb.settings_forum_email_no_address);
    expect(html).not.toContain(nb.settings_forum_email_not_configured);
  });

  test("missing mail server is explained", async () => {
    const html = await render("/settings/forum", SettingsForum, { loaderData: { ...settingsPage, mailEnabled: false }, actionData: undefined });

    expect(html).toContain(nb.settings_forum_email_not_configured);
  });

  test("each word has a named remove button", async () => {
    const html = await render("/settings/forum", SettingsForum, { loaderData: settingsPage, actionData: undefined });

    expect(html).toContain(`aria-label="${nb.settings_forum_word_remove_label.replace("{word}", "ta livet av meg")}"`);
    expect(html).toContain('name="word" value="angst"');
  });

  test("muted categories are ticked", async () => {
    const html = await render("/settings/forum", SettingsForum, { loaderData: settingsPage, actionData: undefined });

    expect(tagWithId(html, "mute-category-6f1c9a52-3a0e-4d59-9d0c-2f1f4d1b8e11")).toContain("checked");
    expect(tagWithId(html, "mute-category-0b8f6f0e-8a43-4c1e-a1f4-1c8d6f0b2a77")).not.toContain("checked");
  });

  test("word error stays next to the field", async () => {
    const html = await render("/settings/forum", SettingsForum, {
      loaderData: settingsPage,
      actionData: { intent: "mute-word", error: "too_many_words", values: { word: "enda et" } },
    });

    expect(tagWithId(html, "muted-word")).toContain('aria-describedby="muted-word-help muted-word-error"');
    expect(tagWithId(html, "muted-word")).toContain('value="enda et"');
    expect(html).toContain(nb.settings_forum_error_too_many_words.replace("{max}", "50"));
  });

  test("missing address is explained", async () => {
    const html = await render("/settings/forum", SettingsForum, { loaderData: { ...settingsPage, hasEmailAddress: false }, actionData: undefined });
    expect(html).toContain(nb.settings_forum_email_no_address);
  });

  test("every form carries the CSRF token and an intent", async () => {
    const html = await render("/settings/forum", SettingsForum, { loaderData: settingsPage, actionData: undefined });

    const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
    // Two remove buttons, the add form, the categories and the e-mail switch.
    expect(forms).toHaveLength(5);
    for (const form of forms) {
      expect(form).toContain('name="csrf" value="test-token"');
      expect(form).toMatch(/name="intent" value="(unmute-word|mute-word|save-muted-categories|save-email)"/);
    }
  });
});
