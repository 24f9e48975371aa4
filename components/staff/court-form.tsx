"use client";

// The staff form of a court: reference data, public as soon as it is saved. Its id is
// CourtListener's court id where one exists ("wawd"), so it is typed, not proposed.
import Link from "next/link";

import { problemsFromZod } from "@/lib/dataset/problems";
import { CourtSchema, LIMITS } from "@/lib/dataset/schema";
import { FIELD_LABELS, fieldPathLabel } from "@/lib/editing/vocabulary";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice } from "./conflict-notice";
import { Button } from "./fields/buttons";
import { ErrorSummary } from "./fields/error-summary";
import { FieldGrid, FormActions, FormSection } from "./fields/form-section";
import { TextField } from "./fields/text-fields";
import { useRecordForm } from "./use-record-form";
import styles from "./record-form.module.css";

const COURT_FIELD_LABELS = FIELD_LABELS.court;

interface CourtDraft {
  id: string;
  shortName: string;
  fullName: string;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

export interface CourtFormProps {
  mode: "create" | "edit";
  record: Record<string, unknown> | null;
  version: number | null;
  save: (payload: RecordSavePayload) => Promise<RecordSaveResponse>;
}

export function CourtForm({ mode, record, version: initialVersion, save }: CourtFormProps) {
  const form = useRecordForm<CourtDraft>({
    mode,
    record,
    version: initialVersion,
    emptyDraft: () => ({ id: "", shortName: "", fullName: "" }),
    draftFromRecord: (r) => ({ id: str(r.id), shortName: str(r.shortName), fullName: str(r.fullName) }),
    recordFromDraft: (d) => ({ id: d.id.trim(), shortName: d.shortName, fullName: d.fullName }),
    validate: (r) => {
      const result = CourtSchema.safeParse(r);
      return result.success ? [] : problemsFromZod(r, result.error);
    },
    kind: "court",
    save,
  });
  const { draft, setDraft, error, pending, status, version } = form;
  const set = (field: keyof CourtDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  return (
    <>
      {form.conflict ? <ConflictNotice conflict={form.conflict.details} kind="court" onMerge={form.loadTheirsWithMyEdits} /> : null}
      <ErrorSummary problems={form.problems} labelFor={(path) => fieldPathLabel("court", path)} title={mode === "create" ? "The court was not created" : "The court was not saved"} focusSignal={form.focusSignal} />
      <p role="status" className={`${styles.status} ${status ? styles[status.tone] : ""}`}>
        {status?.text}
      </p>
      <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-busy={pending}>
        <FormSection legend="The court">
          <TextField
            path={["id"]}
            label={COURT_FIELD_LABELS.id}
            required={mode === "create"}
            readOnly={mode === "edit"}
            hint={mode === "create" ? "CourtListener's court id where one exists, such as wawd or ca9. It cannot be changed once the court is created." : "Lawsuits refer to the court by this id, so it cannot change."}
            autoComplete="off"
            spellCheck={false}
            maxLength={LIMITS.id}
            value={draft.id}
            onChange={set("id")}
            error={error(["id"])}
          />
          <FieldGrid>
            <TextField path={["shortName"]} label={COURT_FIELD_LABELS.shortName} required hint="The Bluebook abbreviation used in citations, such as W.D. Wash." maxLength={LIMITS.shortText} value={draft.shortName} onChange={set("shortName")} error={error(["shortName"])} />
            <TextField path={["fullName"]} label={COURT_FIELD_LABELS.fullName} required hint="Such as U.S. District Court for the Western District of Washington." maxLength={LIMITS.name} value={draft.fullName} onChange={set("fullName")} error={error(["fullName"])} />
          </FieldGrid>
        </FormSection>
        <FormActions sticky>
          <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
            {pending ? "Saving…" : mode === "create" ? "Create court" : "Save changes"}
          </Button>
          <Link href="/staff/courts">Back to courts</Link>
          {version !== null ? <span className={styles.version}>Editing version {version}</span> : null}
        </FormActions>
      </form>
    </>
  );
}
