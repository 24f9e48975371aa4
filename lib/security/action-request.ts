// A server action's request read before Next.js decodes it (proxy.ts), so that one it
// cannot decode gets a 400 that says why. Next.js answers those with a 500: a body that
// is not a form, or not React's encoding of the arguments, fails inside its decoder,
// where nothing of ours can catch it.
//
// The encoding (React's encodeReply): a JSON text whose strings that start with "$"
// are marks, some for values JSON lacks, the others naming another part of the request
// by a hexadecimal number. The client router sends an action's arguments as that text
// alone when it needs no other part, else as a multipart form whose field "0" holds it
// and field N part N. A form sends the action in a `$ACTION_ID_…` field, or, when it
// carries state (useActionState), in a `$ACTION_REF_N` field whose `$ACTION_N:0` holds
// the action and its bound arguments, encoded the same way.

const ACTION_HEADER = "next-action";

/** Marks for values JSON lacks ("$$…" is a string that starts with "$"): they name no part. */
const INLINE_MARK = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

/**
 * A mark naming a part: a type letter, the part's number, then perhaps a path into it.
 * Of React's types, only those the app's actions are sent: none (a value sent once and
 * referred to again, by its path), "@" (the state a form's action is bound to) and "K"
 * (a FormData, whose entries are parts named after it, and may be none). Maps, sets,
 * blobs, typed arrays, iterators and functions each fail in their own way when the part
 * does not hold one, and no action of this app takes them.
 */
const PART_MARK = /^\$([@K]?)([0-9a-f]+)(?::(.*))?$/;

/** A part of the request by number, as React's decoder would look it up. */
type PartLookup = (id: number) => FormDataEntryValue | null;

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
    if (fetched) return argumentsProblem(form.get("0"), (id) => form.get(String(id)));
    for (const key of form.keys()) {
      const ref = /^\$ACTION_REF_(.*)$/.exec(key)?.[1];
      if (ref === undefined) continue;
      const prefix = `$ACTION_${ref}:`;
      const problem = encodedProblem(form.get(`${prefix}0`), (id) => form.get(`${prefix}${id}`));
      if (problem) return `The form's action: ${problem}`;
    }
    return undefined;
  }
  // Anything but a form that is not sent as an action is no action: Next.js renders the page.
  if (!fetched) return undefined;
  const text = await request.clone().text();
  return argumentsProblem(text, (id) => (id === 0 ? text : null));
}

function argumentsProblem(root: FormDataEntryValue | null, part: PartLookup): string | undefined {
  const problem = encodedProblem(root, part);
  if (problem) return problem;
  // Next.js applies the action to them: anything but an array fails there.
  return Array.isArray(JSON.parse(root as string)) ? undefined : "The action's arguments must be a JSON array.";
}

/** What is wrong with an encoded value and the parts it names, followed as React's decoder would. */
function encodedProblem(root: FormDataEntryValue | null, part: PartLookup): string | undefined {
  const seen = new Set<FormDataEntryValue | null>([root]);
  const pending = [root];
  try {
    while (pending.length > 0) {
      const text = pending.pop();
      if (typeof text !== "string") return "The action's arguments are missing, or sent as a file.";
      if (!isJson(text)) return "The action's arguments are not JSON.";
      for (const mark of marksIn(JSON.parse(text))) {
        if (INLINE_MARK.test(mark)) continue;
        const [, type, hex, path] = PART_MARK.exec(mark) ?? [];
        if (hex === undefined) return "The action's arguments hold a kind of value no action of this app takes.";
        if (type === "K") continue;
        const value = part(parseInt(hex, 16));
        if (value === null) return "The action's arguments refer to a part of the request that it does not have.";
        if (typeof value !== "string" || !isJson(value)) return "The action's arguments refer to a part of the request that is not JSON.";
        if (path !== undefined && !hasPath(JSON.parse(value), path.split(":"))) return "The action's arguments refer to a value the request does not have.";
        if (!seen.has(value)) {
          seen.add(value);
          pending.push(value);
        }
      }
    }
  } catch {
    // Nested deeper than the stack goes: no form of this app sends that.
    return "The action's arguments are nested too deeply.";
  }
  return undefined;
}

/** Whether the keys lead somewhere in the value (stopping, as unknown, at another mark). */
function hasPath(value: unknown, keys: string[]): boolean {
  let at = value;
  for (const key of keys) {
    if (typeof at === "string" && at.startsWith("$")) return true;
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, key)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}

/** Every string in a parsed JSON value that starts with "$". */
function marksIn(value: unknown): string[] {
  if (typeof value === "string") return value.startsWith("$") ? [value] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(marksIn);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
