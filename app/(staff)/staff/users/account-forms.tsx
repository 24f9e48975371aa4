"use client";

// The users page's forms. Each posts to a server action that checks the admin role
// itself and answers with a message, shown beside the form and announced.
import { useActionState, useEffect, useRef } from "react";

import { changeRole, createAccount, setAccountEnabled, type AccountFormState } from "@/lib/auth/actions";
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from "@/lib/auth/roles";
import { Button } from "@/components/staff/fields/buttons";

import styles from "./users.module.css";

const INITIAL: AccountFormState = {};

function Outcome({ state, id }: { state: AccountFormState; id: string }) {
  return (
    <>
      <p id={`${id}-status`} role="status" className={state.message ? styles.message : styles.empty}>
        {state.message}
      </p>
      <p id={`${id}-alert`} role="alert" className={state.error ? styles.problem : styles.empty}>
        {state.error}
      </p>
    </>
  );
}

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: StaffRole }) {
  const [state, action, pending] = useActionState(changeRole, INITIAL);
  const id = `role-${userId}`;
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="visually-hidden">
        Role of {name}
      </label>
      <select id={id} name="role" defaultValue={role} aria-describedby={`${id}-status ${id}-alert`}>
        {STAFF_ROLES.map((value) => (
          <option key={value} value={value}>
            {STAFF_ROLE_LABELS[value]}
          </option>
        ))}
      </select>
      <button type="submit" className={styles.small} aria-disabled={pending || undefined}>
        Change role<span className="visually-hidden"> of {name}</span>
      </button>
      <Outcome state={state} id={id} />
    </form>
  );
}

export function AccountStatusForm({ userId, name, enabled }: { userId: string; name: string; enabled: boolean }) {
  const [state, action, pending] = useActionState(setAccountEnabled, INITIAL);
  const id = `status-${userId}`;
  return (
    <form action={action} className={styles.inline}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <button type="submit" className={enabled ? `${styles.small} ${styles.danger}` : styles.small} aria-disabled={pending || undefined} aria-describedby={`${id}-status ${id}-alert`}>
        {enabled ? "Disable" : "Enable"}
        <span className="visually-hidden"> {name}</span>
      </button>
      <Outcome state={state} id={id} />
    </form>
  );
}

export function CreateAccountForm() {
  const [state, action, pending] = useActionState(createAccount, INITIAL);
  const form = useRef<HTMLFormElement>(null);
  const problems = state.problems ?? {};

  useEffect(() => {
    // After a refusal, take the reader to the first field with a problem.
    const first = ["name", "email", "role", "password"].find((field) => state.problems?.[field]);
    if (first) form.current?.querySelector<HTMLElement>(`#new-account-${first}`)?.focus();
  }, [state]);

  const field = (name: string) => ({
    id: `new-account-${name}`,
    name,
    "aria-invalid": problems[name] ? true : undefined,
    "aria-describedby": [name === "password" ? "new-account-password-hint" : null, problems[name] ? `new-account-${name}-error` : null].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string) =>
    problems[name] ? (
      <p id={`new-account-${name}-error`} className={styles.fieldError}>
        {problems[name]}
      </p>
    ) : null;

  return (
    <form ref={form} action={action} className={styles.create} aria-labelledby="new-account">
      <Outcome state={state} id="new-account" />
      <div className={styles.field}>
        <label htmlFor="new-account-name">Name</label>
        <input {...field("name")} type="text" autoComplete="off" required defaultValue={state.values?.name} />
        {error("name")}
      </div>
      <div className={styles.field}>
        <label htmlFor="new-account-email">E-mail address</label>
        <input {...field("email")} type="email" autoComplete="off" spellCheck={false} required defaultValue={state.values?.email} />
        {error("email")}
      </div>
      <div className={styles.field}>
        <label htmlFor="new-account-role">Role</label>
        <select {...field("role")} defaultValue={state.values?.role || "editor"}>
          {STAFF_ROLES.map((value) => (
            <option key={value} value={value}>
              {STAFF_ROLE_LABELS[value]}
            </option>
          ))}
        </select>
        {error("role")}
      </div>
      <div className={styles.field}>
        <label htmlFor="new-account-password">Initial password</label>
        <p id="new-account-password-hint" className={styles.hint}>
          At least 12 characters, and not a common password. Give it to the person by a safe route.
        </p>
        <input {...field("password")} type="password" autoComplete="new-password" required />
        {error("password")}
      </div>
      <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
        Create account
      </Button>
    </form>
  );
}
