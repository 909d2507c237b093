import { data } from "react-router";

// Any path no other route matches. Going through a loader lets the root loader run,
// so the 404 page keeps the header, the person's language and a working CSRF token.
export function loader() {
  throw data({ code: "not_found" }, { status: 404 });
}

export default function NotFound() {
  return null;
}
