// A server action's request read before Next.js decodes it (proxy.ts), so that one it
// cannot decode gets a 400 that says why. Next.js answers those with a 500: a body that
// is not a form, or not the client router's encoding of the arguments, fails inside
// its decoder, where nothing of ours can catch it.
//
// The client router sends an action's arguments (React's encodeReply) as one JSON text
// when they need nothing else, else as a multipart form whose field "0" holds them; a
// form without JavaScript sends a multipart form with the action in a `$ACTION_…` field.

const ACTION_HEADER = "next-action";

/**
 * The values a JSON text of arguments may hold that start with "$": React's marks for
 * values JSON lacks, none of which refers to another part of the request. Any other
 * "$" mark points to a part that a text body does not have, and React's decoder fails
 * on it; a string that starts with "$" itself is sent as "$$…".
 */
const INLINE_MARK = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

/** Why the request cannot be a server action's, or undefined when it may be one. */
export async function actionRequestProblem(request: Request): Promise<string | undefined> {
  if (request.method !== "POST") return undefined;
  const fetched = request.headers.has(ACTION_HEADER);
  const contentType = request.headers.get("content-type")?.toLowerCase() ?? "";
  if (contentType.startsWith("multipart/form-data")) {
    // Buffered already for the proxy (proxyClientMaxBodySize in next.config.js).
    const form = await request
      .clone()
      .formData()
      .catch(() => undefined);
    if (!form) return "The request's body is not a well-formed multipart form.";
    if (fetched && !form.has("0")) return "The action's arguments are missing from the form (its field 0).";
    return undefined;
  }
  // Anything but a form that is not sent as an action is no action: Next.js renders the page.
  if (!fetched) return undefined;
  const text = await request.clone().text();
  let args: unknown;
  try {
    args = JSON.parse(text);
  } catch {
    return "The action's arguments are not JSON.";
  }
  if (!Array.isArray(args)) return "The action's arguments must be a JSON array.";
  try {
    return hasForeignMark(args) ? "The action's arguments refer to another part of the request, and it has only one." : undefined;
  } catch {
    // Nested deeper than the stack goes: no form of this app sends that.
    return "The action's arguments are nested too deeply.";
  }
}

/** Whether the value holds a string that starts with a "$" mark React's decoder would look up elsewhere. */
function hasForeignMark(value: unknown): boolean {
  if (typeof value === "string") return value.startsWith("$") && !INLINE_MARK.test(value);
  return value !== null && typeof value === "object" && Object.values(value).some(hasForeignMark);
}
