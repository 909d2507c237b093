import { m } from "~/paraglide/messages";
import type { Role } from "../server/identity/roles";

export function roleLabel(role: Role): string {
  switch (role) {
    case "member":
      return m.role_member();
    case "peer_moderator":
      return m.role_peer_moderator();
    case "provider":
      return m.role_provider();
    case "administrator":
      return m.role_administrator();
    case "researcher":
      return m.role_researcher();
  }
}
