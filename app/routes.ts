import { type RouteConfig, index, route } from "@react-router/dev/routes";

// Paths are English and stable: links in e-mails and calendars must keep working whatever the language.
export default [
  index("routes/home.tsx"),
  route("acute-help", "routes/acute-help.tsx"),
  route("accessibility", "routes/accessibility.tsx"),
  route("language", "routes/language.tsx"),
  route("sign-in", "routes/sign-in.tsx"),
  route("sign-in/demo", "routes/sign-in-demo.tsx"),
  route("sign-in/email", "routes/sign-in-email.tsx"),
  route("sign-in/email/code", "routes/sign-in-email-code.tsx"),
  route("sign-in/oidc/:provider", "routes/sign-in-oidc.tsx"),
  route("sign-in/callback/:provider", "routes/sign-in-callback.tsx"),
  route("sign-out", "routes/sign-out.tsx"),
  route("settings", "routes/settings.tsx"),
  route("settings/profile", "routes/settings-profile.tsx"),
  route("invitations", "routes/invitations.tsx"),
  route("invite/:token", "routes/invite.tsx"),
  route("welcome", "routes/welcome.tsx"),
  route("admin", "routes/admin.tsx"),
  route("admin/people", "routes/admin-people.tsx"),
  route("admin/audit-log", "routes/admin-audit-log.tsx"),
  route("forum/members/:pseudonym", "routes/forum-member.tsx"),
  route("forum/reveals", "routes/forum-reveals.tsx"),
  route("forum/groups", "routes/forum-groups.tsx"),
  route("forum/groups/:groupId", "routes/forum-group.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
