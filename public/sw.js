// ReConnect's service worker, for web push only: it caches nothing and never
// handles fetches. The portal composes each message in the member's language,
// neutral unless the member chose details, as JSON { title, body, url }.

/* global self, URL */
"use strict";

/** Accept only a path on this portal, so a message can never open another site. */
function portalUrl(value) {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return new URL("/", self.location.origin).href;
  return new URL(value, self.location.origin).href;
}

function readMessage(event) {
  try {
    const message = event.data ? event.data.json() : null;
    if (message && typeof message.title === "string" && typeof message.body === "string") return message;
  } catch {
    // Not JSON: fall through to the neutral fallback below.
  }
  return { title: "ReConnect", body: "", url: "/" };
}

self.addEventListener("install", () => {
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("push", (event) => {
  const message = readMessage(event);
  const url = portalUrl(message.url);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      icon: "/icon-192.png",
      badge: "/icon-192.png",
      // One notification per page: a second reminder for the same kafé replaces the first.
      tag: url,
      data: { url },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = portalUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      for (const client of windows) {
        if (client.url === url && "focus" in client) return client.focus();
      }
      for (const client of windows) {
        if (new URL(client.url).origin === self.location.origin && "navigate" in client) {
          await client.navigate(url);
          return client.focus();
        }
      }
      return self.clients.openWindow(url);
    })(),
  );
});
