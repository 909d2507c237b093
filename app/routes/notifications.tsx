import { Form, Link } from "react-router";

import { cafePaths } from "~/cafe-paths";
import { CsrfField } from "~/components/csrf-field";
import { formatDateTime } from "~/format-date";
import { forumPaths } from "~/forum-paths";
import { moderationPaths } from "~/moderation-paths";
import { m } from "~/paraglide/messages";
import { requirePermission } from "~/route-guards.server";
import { listNotifications, markNotificationsRead, type NotificationView } from "../../server/notifications/list-notifications";
import { requestContext } from "../../server/platform/request-context";
import type { Route } from "./+types/notifications";

export function meta() {
  return [{ title: `${m.notifications_title()} – ReConnect` }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal, locale } = context.get(requestContext);
  return { locale, notifications: await listNotifications(portal.db, actor) };
}

/** Word a kafé notice with its kafé and date, or return null for other kinds. */
function describeCafeNotice(notification: NotificationView, locale: Route.ComponentProps["loaderData"]["locale"]): string | null {
  if (!notification.cafe) return null;
  const cafe = notification.cafe.title;
  const date = formatDateTime(notification.cafe.startsAt, locale);
  switch (notification.kind) {
    case "cafe_reminder":
      return m.notifications_cafe_reminder({ cafe, date });
    case "cafe_cancelled":
      return m.notifications_cafe_cancelled({ cafe, date });
    case "cafe_changed":
      return m.notifications_cafe_changed({ cafe, date });
    case "cafe_seat_given":
      return m.notifications_cafe_seat_given({ cafe, date });
    case "cafe_meetup_pending":
      return m.notifications_cafe_meetup_pending({ cafe, date });
    case "cafe_meetup_approved":
      return m.notifications_cafe_meetup_approved({ cafe, date });
    case "cafe_meetup_declined":
      return m.notifications_cafe_meetup_declined({ cafe, date });
    case "cafe_company_message":
      return m.notifications_cafe_company_message({ cafe, date });
    case "cafe_company_accepted":
      return m.notifications_cafe_company_accepted({ cafe, date });
    default:
      return null;
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePermission(context, request, "forum.read");
  const { portal } = context.get(requestContext);
  await markNotificationsRead(portal.db, actor);
  return { allRead: true };
}

function describe(notification: NotificationView): string {
  const who = notification.actorPseudonym ?? m.forum_former_member();
  const thread = notification.thread?.title ?? "";
  switch (notification.kind) {
    case "forum_mention":
      return m.notifications_forum_mention({ who, thread });
    case "forum_new_thread":
      return m.notifications_forum_new_thread({ who, thread });
    case "moderation_report":
      return m.notifications_moderation_report({ thread });
    case "moderation_crisis_alert":
      return m.notifications_moderation_crisis_alert({ thread });
    case "moderation_pending_post":
      return m.notifications_moderation_pending_post({ thread });
    case "moderation_post_hidden":
      return m.notifications_moderation_post_hidden({ thread });
    case "moderation_post_restored":
      return m.notifications_moderation_post_restored({ thread });
    case "moderation_post_approved":
      return m.notifications_moderation_post_approved({ thread });
    case "moderation_post_edited":
      return m.notifications_moderation_post_edited({ thread });
    case "moderation_warning":
      return m.notifications_moderation_warning();
    case "moderation_suspension":
      return m.notifications_moderation_suspension();
    default:
      return m.notifications_forum_reply({ who, thread });
  }
}

/** Moderator news leads to the moderation page that deals with it; news about one's own post leads to the post in its thread. */
function notificationHref(notification: NotificationView): string {
  if (notification.cafe) {
    switch (notification.kind) {
      case "cafe_company_message":
      case "cafe_company_accepted":
        return cafePaths.company(notification.cafe.id);
      case "cafe_meetup_pending":
        return cafePaths.meetupApprovals();
      // The moderator's note to the proposer is shown with their own meet-ups.
      case "cafe_meetup_declined":
        return cafePaths.propose();
      default:
        return cafePaths.cafe(notification.cafe.id);
    }
  }
  switch (notification.kind) {
    case "moderation_report":
      return notification.post ? moderationPaths.post(notification.post.id) : moderationPaths.reports();
    case "moderation_crisis_alert":
      return moderationPaths.crisisAlerts();
    case "moderation_pending_post":
      return moderationPaths.approvals();
    case "moderation_warning":
    case "moderation_suspension":
      return forumPaths.index();
    default:
      return notification.thread && notification.post ? forumPaths.post(notification.thread.id, notification.post.id, notification.post.position) : forumPaths.index();
  }
}

export default function Notifications({ loaderData, actionData }: Route.ComponentProps) {
  const { notifications, locale } = loaderData;
  const unread = notifications.filter((notification) => !notification.read).length;

  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {m.notifications_title()}
      </h1>
      <p className="ds-paragraph">
        {m.notifications_intro()} <Link to={forumPaths.settings()}>{m.notifications_settings_link()}</Link>
      </p>
      {actionData?.allRead ? (
        <p className="ds-paragraph" role="status">
          {m.notifications_all_read()}
        </p>
      ) : null}
      {unread > 0 ? (
        <Form method="post">
          <CsrfField />
          <button type="submit" className="ds-button" data-variant="secondary">
            {m.notifications_mark_all_read()}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p className="ds-paragraph">{m.notifications_empty()}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((notification) => (
            <li key={notification.id} className={notification.read ? "notification-list__item" : "notification-list__item notification-list__item--unread"}>
              {notification.read ? null : <span className="ds-tag" data-color="accent" data-size="sm">{m.notifications_new_tag()}</span>}
              <Link to={notificationHref(notification)}>{describeCafeNotice(notification, locale) ?? describe(notification)}</Link>
              <p className="ds-paragraph" data-size="sm">
                <time dateTime={new Date(notification.createdAt).toISOString()}>{formatDateTime(notification.createdAt, locale)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
