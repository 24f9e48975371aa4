"use client";

// The admins' form of an issue area: one entry of the controlled vocabulary that
// policies and lawsuits' codings choose from, and that the codebook lists.
import Link from "next/link";

import { problemsFromZod } from "@/lib/dataset/problems";
import { IssueAreaSchema, LIMITS } from "@/lib/dataset/schema";
import { FIELD_LABELS, fieldPathLabel } from "@/lib/editing/vocabulary";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice } from "./conflict-notice";
import { Button } from "./fields/buttons";
import { ErrorSummary } from "./fields/error-summary";
import { FormActions, FormSection } from "./fields/form-section";
import { TextAreaField, TextField } from "./fields/text-fields";
import { useRecordForm } from "./use-record-form";
import styles from "./record-form.module.css";

const LABELS = FIELD_LABELS["issue-area"];

interface IssueAreaDraft {
  slug: string;
  label: string;
  definition: string;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

export function IssueAreaForm({ mode, record, version: initialVersion, save }: { mode: "create" | "edit"; record: Record<string, unknown> | null; version: number | null; save: (payload: RecordSavePayload) => Promise<RecordSaveResponse> }) {
  const form = useRecordForm<IssueAreaDraft>({
    mode,
    record,
    version: initialVersion,
    emptyDraft: () => ({ slug: "", label: "", definition: "" }),
    draftFromRecord: (r) => ({ slug: str(r.slug), label: str(r.label), definition: str(r.definition) }),
    recordFromDraft: (d) => ({ slug: d.slug.trim(), label: d.label, definition: d.definition }),
    validate: (r) => {
      const result = IssueAreaSchema.safeParse(r);
      return result.success ? [] : problemsFromZod(r, result.error);
    },
    kind: "issue-area",
    save,
  });
  const { draft, setDraft, error, pending, status, version } = form;
  const set = (field: keyof IssueAreaDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  return (
    <>
      {form.conflict ? <ConflictNotice conflict={form.conflict.details} kind="issue-area" onMerge={form.loadTheirsWithMyEdits} /> : null}
      <ErrorSummary problems={form.problems} labelFor={(path) => fieldPathLabel("issue-area", path)} title={mode === "create" ? "The issue area was not created" : "The issue area was not saved"} focusSignal={form.focusSignal} />
      <p role="status" className={`${styles.status} ${status ? styles[status.tone] : ""}`}>
        {status?.text}
      </p>
      <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-busy={pending}>
        <FormSection legend="The issue area">
          <TextField
            path={["slug"]}
            label={LABELS.slug}
            required={mode === "create"}
            readOnly={mode === "edit"}
            hint={mode === "create" ? "Lowercase letters, digits and hyphens, such as health-care. It cannot change later." : "Policies and codings refer to the area by this slug, so it cannot change."}
            autoComplete="off"
            spellCheck={false}
            maxLength={LIMITS.id}
            value={draft.slug}
            onChange={set("slug")}
            error={error(["slug"])}
          />
          <TextField path={["label"]} label={LABELS.label} required maxLength={LIMITS.shortText} value={draft.label} onChange={set("label")} error={error(["label"])} />
          <TextAreaField path={["definition"]} label={LABELS.definition} required hint="What belongs to the area, as a coder reads it; the codebook shows it." rows={4} value={draft.definition} onChange={set("definition")} error={error(["definition"])} />
        </FormSection>
        <FormActions sticky>
          <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
            {pending ? "Saving…" : mode === "create" ? "Create issue area" : "Save changes"}
          </Button>
          <Link href="/staff/issue-areas">Back to issue areas</Link>
          {version !== null ? <span className={styles.version}>Editing version {version}</span> : null}
        </FormActions>
      </form>
    </>
  );
}
