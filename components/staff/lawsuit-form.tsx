"use client";

// The staff form that creates and edits a lawsuit: every field of the docketline/v1
// lawsuit. It validates with LawsuitSchema (the importer's schema) before sending,
// shows each problem beside its field and in a summary at the top, and sends the
// version it was based on (use-record-form.ts). New lawsuits are saved as drafts.
import Link from "next/link";
import { useState } from "react";

import { LAWSUIT_STATUSES, LIMITS, type CoalitionRole, type LawsuitRelationKind, type PartySide } from "@/lib/dataset/schema";
import type { FieldPath, RecordOption } from "@/lib/editing/form-fields";
import { COALITION_ROLE_LABELS } from "@/lib/jurisdictions/roles";
import {
  draftFromRecord,
  emptyLawsuitDraft,
  LAWSUIT_FIELD_LABELS,
  lawsuitFieldLabel,
  proposeLawsuitId,
  recordFromDraft,
  validateLawsuit,
  type LawsuitDraft,
  type LawsuitReferences,
} from "@/lib/lawsuits/form-model";
import { LAWSUIT_RELATION_LABELS, LAWSUIT_STATUS_LABELS, PARTY_SIDE_LABELS } from "@/lib/lawsuits/labels";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice, readableValue } from "./conflict-notice";
import { Button } from "./fields/buttons";
import { ErrorSummary } from "./fields/error-summary";
import { FieldGrid, FormActions, FormSection } from "./fields/form-section";
import { PartialDateField } from "./fields/partial-date-field";
import { SourcesEditor } from "./fields/sources-editor";
import { SelectField, TextAreaField, TextField } from "./fields/text-fields";
import { CourtField, OtherPartiesSection, PlaintiffsSection, RelatedLawsuitsSection, type CourtChoice } from "./lawsuit-form-sections";
import { useRecordForm } from "./use-record-form";
import styles from "./record-form.module.css";

export interface LawsuitFormProps {
  mode: "create" | "edit";
  /** The lawsuit as saved (canonical docketline/v1), or null for a new one. */
  record: Record<string, unknown> | null;
  version: number | null;
  /** The lawsuits it is related to, as the picker shows them. */
  references: LawsuitReferences;
  courts: CourtChoice[];
  save: (payload: RecordSavePayload) => Promise<RecordSaveResponse<LawsuitReferences>>;
  searchLawsuits: (query: string, options: { excludeId?: string | null }) => Promise<RecordOption[]>;
  /** The courts again, after one was created in another tab. */
  reloadCourts: () => Promise<CourtChoice[]>;
}

const STATUS_OPTIONS = LAWSUIT_STATUSES.map((status) => ({ value: status, label: LAWSUIT_STATUS_LABELS[status] }));

/** Reads a changed field for the conflict notice, naming states, parties and relations as people do. */
function readLawsuitValue(field: string, value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return readableValue(value);
  const items = value as Record<string, unknown>[];
  if (field === "plaintiffs") return items.map((p) => `${p.jurisdiction} (${COALITION_ROLE_LABELS[p.role as CoalitionRole] ?? p.role})`).join(", ");
  if (field === "otherParties") return items.map((p) => `${p.name} (${PARTY_SIDE_LABELS[p.side as PartySide] ?? p.side})`).join("; ");
  if (field === "related") return items.map((r) => `${LAWSUIT_RELATION_LABELS[r.relation as LawsuitRelationKind]?.outgoing ?? r.relation} ${r.lawsuit}`).join("; ");
  if (field === "sources") return items.map((s) => readableValue(s.url)).join(", ");
  return readableValue(value);
}

export function LawsuitForm({ mode, record, version: initialVersion, references, courts: initialCourts, save, searchLawsuits, reloadCourts }: LawsuitFormProps) {
  const [idEdited, setIdEdited] = useState(mode === "edit");
  const form = useRecordForm<LawsuitDraft, LawsuitReferences>({
    mode,
    record,
    version: initialVersion,
    emptyDraft: emptyLawsuitDraft,
    // The first load knows the related lawsuits' summaries from the page.
    draftFromRecord: (r, refs, current) => draftFromRecord(r, refs ?? references, current),
    recordFromDraft,
    validate: validateLawsuit,
    kind: "lawsuit",
    save,
  });
  const { draft, setDraft, error, problems, pending, status, version } = form;

  const update = (changes: Partial<LawsuitDraft>) =>
    setDraft((current) => {
      const next = { ...current, ...changes };
      if (!idEdited && ("caseNameShort" in changes || "dateFiled" in changes)) next.id = proposeLawsuitId(next);
      return next;
    });

  return (
    <>
      {form.conflict ? <ConflictNotice conflict={form.conflict.details} kind="lawsuit" formatValue={readLawsuitValue} onMerge={form.loadTheirsWithMyEdits} /> : null}
      <ErrorSummary problems={problems} labelFor={(path: FieldPath) => lawsuitFieldLabel(path, draft)} title={mode === "create" ? "The lawsuit was not created" : "The lawsuit was not saved"} focusSignal={form.focusSignal} />
      <p role="status" className={`${styles.status} ${status ? styles[status.tone] : ""}`}>
        {status?.text}
      </p>
      <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-busy={pending}>
        <FormSection legend="The case">
          <TextField path={["caseNameShort"]} label={LAWSUIT_FIELD_LABELS.caseNameShort} required hint="As cited: Washington v. United States." maxLength={LIMITS.shortText} autoComplete="off" value={draft.caseNameShort} onChange={(caseNameShort) => update({ caseNameShort })} error={error(["caseNameShort"])} />
          <TextField path={["caseName"]} label={LAWSUIT_FIELD_LABELS.caseName} required hint="As on the docket: State of Washington et al. v. United States of America et al." maxLength={LIMITS.title} autoComplete="off" value={draft.caseName} onChange={(caseName) => update({ caseName })} error={error(["caseName"])} />
          <FieldGrid>
            <CourtField value={draft.court} onChange={(court) => update({ court })} error={error(["court"])} initialCourts={initialCourts} reloadCourts={reloadCourts} />
            <TextField path={["docketNumber"]} label={LAWSUIT_FIELD_LABELS.docketNumber} required hint="2:18-cv-00939-MJP" maxLength={LIMITS.shortText} autoComplete="off" spellCheck={false} value={draft.docketNumber} onChange={(docketNumber) => update({ docketNumber })} error={error(["docketNumber"])} />
          </FieldGrid>
          <FieldGrid>
            <PartialDateField path={["dateFiled"]} label={LAWSUIT_FIELD_LABELS.dateFiled} required value={draft.dateFiled} onChange={(dateFiled) => update({ dateFiled })} error={error(["dateFiled"])} />
            <PartialDateField path={["dateTerminated"]} label={LAWSUIT_FIELD_LABELS.dateTerminated} hint="Optional: YYYY, YYYY-MM or YYYY-MM-DD; empty while the case goes on." value={draft.dateTerminated} onChange={(dateTerminated) => update({ dateTerminated })} error={error(["dateTerminated"])} />
          </FieldGrid>
          <FieldGrid>
            <SelectField path={["status"]} label={LAWSUIT_FIELD_LABELS.status} required value={draft.status} onChange={(value) => update({ status: value })} options={STATUS_OPTIONS} error={error(["status"])} />
            <TextField path={["judge"]} label={LAWSUIT_FIELD_LABELS.judge} hint="Optional." maxLength={LIMITS.name} autoComplete="off" value={draft.judge} onChange={(judge) => update({ judge })} error={error(["judge"])} />
          </FieldGrid>
          <TextField
            path={["id"]}
            label={LAWSUIT_FIELD_LABELS.id}
            required={mode === "create"}
            readOnly={mode === "edit"}
            hint={mode === "create" ? "Used in the lawsuit's address. Proposed from the short caption and the year filed; you may change it until the lawsuit is created." : "The id is part of the lawsuit's public address and cannot change."}
            maxLength={LIMITS.id}
            autoComplete="off"
            spellCheck={false}
            value={draft.id}
            onChange={(id) => {
              setIdEdited(true);
              update({ id });
            }}
            error={error(["id"])}
          />
          <TextAreaField path={["summary"]} label={LAWSUIT_FIELD_LABELS.summary} required rows={8} hint="Plain text; a blank line starts a new paragraph." value={draft.summary} onChange={(summary) => update({ summary })} error={error(["summary"])} />
        </FormSection>

        <PlaintiffsSection items={draft.plaintiffs} onChange={(plaintiffs) => update({ plaintiffs })} problems={problems} error={error} />
        <OtherPartiesSection items={draft.otherParties} onChange={(otherParties) => update({ otherParties })} problems={problems} error={error} />
        <RelatedLawsuitsSection items={draft.related} onChange={(related) => update({ related })} problems={problems} error={error} ownId={draft.id.trim()} selfId={mode === "edit" ? draft.id : null} searchLawsuits={searchLawsuits} />

        <FormSection legend="Sources" description="Public sources for this lawsuit: the docket, the complaint, a press release.">
          <SourcesEditor value={draft.sources} onChange={(sources) => update({ sources })} problems={problems} />
        </FormSection>

        <FormActions sticky>
          <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
            {pending ? "Saving…" : mode === "create" ? "Create draft lawsuit" : "Save changes"}
          </Button>
          <Link href="/staff/lawsuits">Back to lawsuits</Link>
          {version !== null ? <span className={styles.version}>Editing version {version}</span> : null}
        </FormActions>
      </form>
    </>
  );
}
