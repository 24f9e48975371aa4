"use client";

// The staff form of an official (an attorney general, say): reference data, public as
// soon as it is saved. A new official's id is proposed from the name until the editor
// types one; it cannot change afterwards, since filings refer to it.
import Link from "next/link";
import { useState } from "react";

import { problemsFromZod } from "@/lib/dataset/problems";
import { LIMITS, OfficialSchema } from "@/lib/dataset/schema";
import { FIELD_LABELS, fieldPathLabel } from "@/lib/editing/vocabulary";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice } from "./conflict-notice";
import { Button } from "./fields/buttons";
import { ErrorSummary } from "./fields/error-summary";
import { FieldGrid, FormActions, FormSection } from "./fields/form-section";
import { PartialDateField } from "./fields/partial-date-field";
import { optional } from "@/lib/editing/form-fields";
import { proposeSlug } from "@/lib/editing/slug";
import { SelectField, TextField } from "./fields/text-fields";
import { useRecordForm } from "./use-record-form";
import styles from "./record-form.module.css";

const OFFICIAL_FIELD_LABELS = FIELD_LABELS.official;

const JURISDICTION_OPTIONS = JURISDICTIONS.map((j) => ({ value: j.code, label: `${j.code} — ${j.name}` }));

/** The office nearly every official in Docketline holds. */
const DEFAULT_OFFICE = "Attorney General";

interface OfficialDraft {
  id: string;
  name: string;
  office: string;
  jurisdiction: string;
  termStart: string;
  termEnd: string;
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

function recordFromDraft(draft: OfficialDraft): Record<string, unknown> {
  const termStart = optional(draft.termStart)?.trim();
  const termEnd = optional(draft.termEnd)?.trim();
  return {
    id: draft.id.trim(),
    name: draft.name,
    office: draft.office,
    // An unchosen jurisdiction goes as absent, for the schema to name it.
    ...(draft.jurisdiction ? { jurisdiction: draft.jurisdiction } : {}),
    ...(termStart ? { termStart } : {}),
    ...(termEnd ? { termEnd } : {}),
  };
}

export interface OfficialFormProps {
  mode: "create" | "edit";
  record: Record<string, unknown> | null;
  version: number | null;
  /** A new official's jurisdiction, when the form was opened from a filtered list. */
  initialJurisdiction?: string | null;
  save: (payload: RecordSavePayload) => Promise<RecordSaveResponse>;
}

export function OfficialForm({ mode, record, version: initialVersion, initialJurisdiction = null, save }: OfficialFormProps) {
  const [idEdited, setIdEdited] = useState(mode === "edit");
  const form = useRecordForm<OfficialDraft>({
    mode,
    record,
    version: initialVersion,
    emptyDraft: () => ({ id: "", name: "", office: DEFAULT_OFFICE, jurisdiction: initialJurisdiction ?? "", termStart: "", termEnd: "" }),
    draftFromRecord: (r) => ({ id: str(r.id), name: str(r.name), office: str(r.office), jurisdiction: str(r.jurisdiction), termStart: str(r.termStart), termEnd: str(r.termEnd) }),
    recordFromDraft,
    validate: (r) => {
      const result = OfficialSchema.safeParse(r);
      return result.success ? [] : problemsFromZod(r, result.error);
    },
    kind: "official",
    save,
  });
  const { draft, setDraft, error, pending, status, version } = form;
  const set = (field: keyof OfficialDraft) => (value: string) =>
    setDraft((d) => {
      const next = { ...d, [field]: value };
      if (field === "name" && !idEdited) next.id = proposeSlug(value);
      return next;
    });

  return (
    <>
      {form.conflict ? <ConflictNotice conflict={form.conflict.details} kind="official" onMerge={form.loadTheirsWithMyEdits} /> : null}
      <ErrorSummary problems={form.problems} labelFor={(path) => fieldPathLabel("official", path)} title={mode === "create" ? "The official was not created" : "The official was not saved"} focusSignal={form.focusSignal} />
      <p role="status" className={`${styles.status} ${status ? styles[status.tone] : ""}`}>
        {status?.text}
      </p>
      <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-busy={pending}>
        <FormSection legend="The official">
          <TextField path={["name"]} label={OFFICIAL_FIELD_LABELS.name} required hint="As the official signs: Hector H. Balderas." maxLength={LIMITS.name} autoComplete="off" value={draft.name} onChange={set("name")} error={error(["name"])} />
          <TextField
            path={["id"]}
            label={OFFICIAL_FIELD_LABELS.id}
            required={mode === "create"}
            readOnly={mode === "edit"}
            hint={mode === "create" ? "Proposed from the name; you may change it until the official is created." : "Filings refer to the official by this id, so it cannot change."}
            autoComplete="off"
            spellCheck={false}
            maxLength={LIMITS.id}
            value={draft.id}
            onChange={(id) => {
              setIdEdited(true);
              set("id")(id);
            }}
            error={error(["id"])}
          />
          <FieldGrid>
            <TextField path={["office"]} label={OFFICIAL_FIELD_LABELS.office} required maxLength={LIMITS.shortText} value={draft.office} onChange={set("office")} error={error(["office"])} />
            <SelectField path={["jurisdiction"]} label={OFFICIAL_FIELD_LABELS.jurisdiction} required value={draft.jurisdiction} onChange={set("jurisdiction")} options={JURISDICTION_OPTIONS} placeholder="Choose a jurisdiction…" error={error(["jurisdiction"])} />
          </FieldGrid>
          <FieldGrid>
            <PartialDateField path={["termStart"]} label={OFFICIAL_FIELD_LABELS.termStart} hint="Optional. YYYY, YYYY-MM or YYYY-MM-DD" value={draft.termStart} onChange={set("termStart")} error={error(["termStart"])} />
            <PartialDateField path={["termEnd"]} label={OFFICIAL_FIELD_LABELS.termEnd} hint="Optional: YYYY, YYYY-MM or YYYY-MM-DD; empty while in office." value={draft.termEnd} onChange={set("termEnd")} error={error(["termEnd"])} />
          </FieldGrid>
        </FormSection>
        <FormActions sticky>
          <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
            {pending ? "Saving…" : mode === "create" ? "Create official" : "Save changes"}
          </Button>
          <Link href="/staff/officials">Back to officials</Link>
          {version !== null ? <span className={styles.version}>Editing version {version}</span> : null}
        </FormActions>
      </form>
    </>
  );
}
