import { useRouteLoaderData } from "react-router";

import type { loader as rootLoader } from "~/root";

/** The hidden CSRF token every state-changing form carries; the root middleware checks it. */
export function CsrfField() {
  const rootData = useRouteLoaderData<typeof rootLoader>("root");
  return <input type="hidden" name="csrf" value={rootData?.csrfToken ?? ""} />;
}
