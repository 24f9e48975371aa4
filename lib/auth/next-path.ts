// Where sign-in leads afterwards. Only a path of the staff area on this site is
// followed, so a crafted link cannot send someone elsewhere after they sign in.
export const SIGN_IN_PAGE = "/staff/sign-in";
export const STAFF_HOME = "/staff";

const PLACEHOLDER_ORIGIN = "http://docketline.invalid";
/** Longer than any staff page's path and query; a longer `next` is not followed, so it is never parsed or echoed. */
export const NEXT_PATH_MAX_LENGTH = 2048;

/** `value` as a same-site path under /staff (never the sign-in page itself), or null. */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > NEXT_PATH_MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  // The URL parser drops tabs and newlines and resolves dot segments: judge what it made of the value.
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  const { pathname } = url;
  if (pathname !== STAFF_HOME && !pathname.startsWith(`${STAFF_HOME}/`)) return null;
  if (pathname === SIGN_IN_PAGE || pathname.startsWith(`${SIGN_IN_PAGE}/`)) return null;
  return `${pathname}${url.search}${url.hash}`;
}

export function signInPath(next: string | null): string {
  const safe = safeNextPath(next);
  return safe && safe !== STAFF_HOME ? `${SIGN_IN_PAGE}?next=${encodeURIComponent(safe)}` : SIGN_IN_PAGE;
}
