// The form a form's server action was sent. React calls an action given to useActionState
// as (previous state, form); a form whose action is the server action itself (as a
// hand-written page, or a script replaying one, posts it: a `$ACTION_ID_…` field, no
// bound state) gets (form) alone. Anything else was not sent by a form at all.
import "server-only";

import { notFound } from "next/navigation";

/**
 * The FormData among an action's arguments, whichever way it was posted. Called with
 * anything else (a script posting `["x", {}]`), the action has nothing to read: the
 * caller gets a 404, the one client error Next.js lets an action answer that says "no
 * such action" (it has no 400), where reading the missing form would be a 500.
 */
export function postedForm(previous: unknown, form: unknown): FormData {
  if (form instanceof FormData) return form;
  if (form === undefined && previous instanceof FormData) return previous;
  notFound();
}
