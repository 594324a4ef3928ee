/** Who is asking: a person behind the company's sign-on proxy, an automation token, or local. */
export interface Viewer {
  id: string;
  name: string;
  roles: string[];
  via: "local" | "proxy" | "token";
}

export const adminRole = "admin";

/** With no sign-on configured (the embedded first run) the one local user may do everything. */
export const localAdmin: Viewer = {
  id: "local",
  name: "Local admin",
  roles: ["viewer", adminRole],
  via: "local",
};

export function isAdmin(viewer: Viewer): boolean {
  return viewer.roles.includes(adminRole);
}
