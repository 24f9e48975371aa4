// Who is signed in, for staff pages and server actions. The one way to check a
// permission: every staff page and every server action that reads staff-only data or
// writes calls requireStaff() itself, on the server (layouts are not a security boundary).
import "server-only";

import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";

import { signInPath } from "@/lib/auth/next-path";
import { isStaffRole, roleSatisfies, type StaffRole } from "@/lib/auth/roles";
import { authFor, isHttpsRequest, type Auth } from "@/lib/auth/server";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/editing/types";

export type { StaffRole } from "@/lib/auth/roles";

export interface Staff {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
}

/**
 * A request header carrying the path and query of the page being rendered, for the
 * sign-in redirect's `next`: Next.js gives server components no other way to know it.
 * proxy.ts sets it on every page request, server actions included. Without it, sign-in
 * leads to the dashboard.
 */
export const REQUEST_PATH_HEADER = "x-docketline-path";

/** The app's better-auth instance for this request (secure cookies over HTTPS), and the request's headers. */
export async function getRequestAuth(): Promise<{ auth: Auth; headers: Headers }> {
  const requestHeaders = new Headers(await headers());
  return { auth: authFor(db, { secure: isHttpsRequest(requestHeaders) }), headers: requestHeaders };
}

/** The signed-in staff user of this request, if the account is enabled; read once per request. */
export const getStaff = cache(async (): Promise<Staff | null> => {
  const { auth, headers: requestHeaders } = await getRequestAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session;
  // better-auth refuses new sessions to a disabled account, and disabling one deletes its
  // sessions; this check holds even for a session that outlived both.
  if (user.banned || !isStaffRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

/**
 * The signed-in staff user, with at least `role` (admin satisfies editor). Nobody
 * signed in: a redirect to the sign-in page, which leads back here. Signed in without
 * the role: a 403 (app/(staff)/staff/forbidden.tsx).
 */
export async function requireStaff(role: StaffRole = "editor"): Promise<Staff> {
  const staff = await getStaff();
  if (!staff) redirect(signInPath(await currentPath()));
  if (!roleSatisfies(staff.role, role)) forbidden();
  return staff;
}

export function actorOf(staff: Staff): Actor {
  return { userId: staff.id, name: staff.name };
}

/** The path to come back to after signing in: the page being rendered, or for a server action, the page that sent it. */
async function currentPath(): Promise<string | null> {
  const requestHeaders = await headers();
  const rendered = requestHeaders.get(REQUEST_PATH_HEADER);
  if (rendered) return rendered;
  const referer = requestHeaders.get("referer");
  if (!requestHeaders.get("next-action") || !referer) return null;
  try {
    const url = new URL(referer);
    return url.host === requestHeaders.get("host") ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
