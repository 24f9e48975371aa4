"use client";

import { useActionState, useEffect, useRef } from "react";

import { signIn, type SignInState } from "@/lib/auth/actions";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from "@/lib/auth/field-lengths";
import { Button } from "@/components/staff/fields/buttons";

import styles from "./sign-in.module.css";

const INITIAL: SignInState = {};

/** Works without JavaScript too: the server action answers with the page and its message. */
export function SignInForm({ next }: { next: string | null }) {
  const [state, action, pending] = useActionState(signIn, INITIAL);
  const alert = useRef<HTMLDivElement>(null);
  const email = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Take the reader to what went wrong: the message, or the first field with a problem.
    if (state.error) alert.current?.focus();
    else if (state.problems?.email) email.current?.focus();
    else if (state.problems?.password) password.current?.focus();
  }, [state]);

  return (
    <form action={action} className={styles.form} aria-describedby={state.error ? "sign-in-error" : undefined}>
      <div ref={alert} id="sign-in-error" role="alert" tabIndex={-1} className={state.error ? styles.alert : undefined}>
        {state.error}
      </div>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div className={styles.field}>
        <label htmlFor="sign-in-email">E-mail address</label>
        <input
          ref={email}
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          required
          maxLength={EMAIL_MAX_LENGTH}
          defaultValue={state.email}
          aria-invalid={state.problems?.email ? true : undefined}
          aria-describedby={state.problems?.email ? "sign-in-email-error" : undefined}
        />
        {state.problems?.email ? (
          <p id="sign-in-email-error" className={styles.error}>
            {state.problems.email}
          </p>
        ) : null}
      </div>
      <div className={styles.field}>
        <label htmlFor="sign-in-password">Password</label>
        <input
          ref={password}
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={PASSWORD_MAX_LENGTH}
          aria-invalid={state.problems?.password ? true : undefined}
          aria-describedby={state.problems?.password ? "sign-in-password-error" : undefined}
        />
        {state.problems?.password ? (
          <p id="sign-in-password-error" className={styles.error}>
            {state.problems.password}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
