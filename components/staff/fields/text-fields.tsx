"use client";

// Labelled form controls for one record field each: TextField, TextAreaField, SelectField.
// Common props (FieldProps): `path` — the record path the control edits; its id is
// fieldId(path), which the error summary links to; `label`; `error` — the problem
// message, shown under the control and announced through aria-describedby, with
// aria-invalid set; `hint` — a short help text; `required` — marks the label (the zod
// schema decides what is really required). Values are always strings; the form turns
// them into the record's types. Extra input attributes pass through (autoComplete,
// inputMode, readOnly, placeholder, maxLength…).
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

import { FieldError } from "./field-error";
import { errorId, fieldId, type FieldPath } from "@/lib/editing/form-fields";
import styles from "./fields.module.css";

export interface FieldProps {
  path: FieldPath;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

/** The aria-describedby of a control: its hint and its error, when present. */
export function describedBy(path: FieldPath, { hint, error }: { hint?: unknown; error?: string }): string | undefined {
  const ids = [hint ? `${fieldId(path)}-hint` : null, error ? errorId(path) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

/** The label, hint and error around any control whose id is fieldId(path). */
export function FieldShell({ path, label, error, hint, required, className, children, after }: FieldProps & { children: ReactNode; after?: ReactNode }) {
  return (
    <div className={`${styles.field} ${className ?? ""}`}>
      <label className={styles.label} htmlFor={fieldId(path)}>
        {label}
        {required ? <span className={styles.required}> (required)</span> : null}
      </label>
      {hint ? (
        <p className={styles.hint} id={`${fieldId(path)}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {after}
      <FieldError path={path} message={error} />
    </div>
  );
}

/** What every control of a field carries: its id, style, and the ARIA tying it to its label, hint and error. */
function controlProps(path: FieldProps["path"], { hint, error, required }: Pick<FieldProps, "hint" | "error" | "required">) {
  return {
    id: fieldId(path),
    className: styles.control,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(path, { hint, error }),
    "aria-required": required || undefined,
  } as const;
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange" | "required" | "className">;

export function TextField({ path, label, error, hint, required, className, value, onChange, after, ...input }: FieldProps & InputRest & { value: string; onChange: (value: string) => void; after?: ReactNode }) {
  return (
    <FieldShell path={path} label={label} error={error} hint={hint} required={required} className={className} after={after}>
      <input
        type="text"
        {...input}
        {...controlProps(path, { hint, error, required })}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

type TextareaRest = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "value" | "onChange" | "required" | "className">;

export function TextAreaField({ path, label, error, hint, required, className, value, onChange, ...textarea }: FieldProps & TextareaRest & { value: string; onChange: (value: string) => void }) {
  return (
    <FieldShell path={path} label={label} error={error} hint={hint} required={required} className={className}>
      <textarea
        rows={6}
        {...textarea}
        {...controlProps(path, { hint, error, required })}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldShell>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

type SelectRest = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "value" | "onChange" | "required" | "className">;

/**
 * `options`: the choices; `placeholder`: when given, an empty first option with that
 * text (for optional fields: choosing it means "none").
 */
export function SelectField({ path, label, error, hint, required, className, value, onChange, options, placeholder, ...select }: FieldProps & SelectRest & { value: string; onChange: (value: string) => void; options: readonly SelectOption[]; placeholder?: string }) {
  return (
    <FieldShell path={path} label={label} error={error} hint={hint} required={required} className={className}>
      <select
        {...select}
        {...controlProps(path, { hint, error, required })}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
