/**
 * Build the Content-Security-Policy of every page. Scripts run only with the
 * request's nonce. `form-action` also lists the sign-in providers, because a
 * form post that redirects to another origin is checked against it.
 */
export function buildContentSecurityPolicy(options: { nonce: string; development: boolean; formTargets: string[] }): string {
  const scriptSources = ["'self'", `'nonce-${options.nonce}'`];
  const connectSources = ["'self'"];
  const styleSources = ["'self'"];
  if (options.development) {
    // Vite's hot reload injects styles and talks over a WebSocket; never in production.
    styleSources.push("'unsafe-inline'");
    connectSources.push("ws:");
  }

  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    `style-src ${styleSources.join(" ")}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSources.join(" ")}`,
    // The web push service worker, /sw.js, is the only worker; it must come from the portal itself.
    "worker-src 'self'",
    `form-action 'self' ${options.formTargets.join(" ")}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}
