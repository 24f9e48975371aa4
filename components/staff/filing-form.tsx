"use client";

// The staff form that creates and edits a filing: every field of the docketline/v1
// filing. It validates with FilingSchema (the importer's schema) before sending, shows
// each problem beside its field and in a summary at the top, sends the version it was
// based on, and on a conflict offers to merge the editor's changes into the version now
// saved (use-record-form.ts). The server action validates again and decides.
import Link from "next/link";
import { useId, useState } from "react";

import { FILING_KINDS, type CoalitionRole } from "@/lib/dataset/schema";
import { DEMAND_OUTCOME_LABELS, DEMAND_OUTCOMES } from "@/lib/demands/labels";
import { FILING_KIND_LABELS } from "@/lib/filings/kinds";
import { getJurisdictionName, JURISDICTIONS } from "@/lib/jurisdictions/reference";
import { COALITION_ROLE_LABELS, COALITION_ROLES } from "@/lib/jurisdictions/roles";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice, readableValue } from "./conflict-notice";
import { Button, ItemControls } from "./fields/buttons";
import { ErrorSummary } from "./fields/error-summary";
import { FieldGrid, FormActions, FormSection } from "./fields/form-section";
import { JurisdictionPicker } from "./fields/jurisdiction-picker";
import { newItemKey } from "@/lib/editing/item-key";
import { PartialDateField } from "./fields/partial-date-field";
import { fieldId, hasProblemUnder, moveItem, type FieldPath, type RecordOption } from "@/lib/editing/form-fields";
import { RecordPicker } from "./fields/record-picker";
import { proposeSlug } from "@/lib/editing/slug";
import { SourcesEditor } from "./fields/sources-editor";
import { SelectField, TextAreaField, TextField } from "./fields/text-fields";
import { FieldError } from "./fields/field-error";
import {
  draftFromRecord,
  emptyFilingDraft,
  FILING_FIELD_LABELS,
  filingFieldLabel,
  inFormOrder,
  recordFromDraft,
  validateFiling,
  type DemandDraft,
  type FilingDraft,
  type FilingReferences,
  type StateDraft,
} from "@/lib/filings/form-model";
import { useRecordForm } from "./use-record-form";
import fieldStyles from "./fields/fields.module.css";
import styles from "./record-form.module.css";

export interface OfficialChoice {
  id: string;
  name: string;
  office: string;
  jurisdiction: string;
}

export interface FilingFormProps {
  mode: "create" | "edit";
  /** The filing as saved (canonical docketline/v1), or null for a new one. */
  record: Record<string, unknown> | null;
  version: number | null;
  references: FilingReferences;
  officials: OfficialChoice[];
  /** Demand categories in use, suggested while typing. */
  categories: string[];
  /** A new filing's lawsuit, when the form was opened from a lawsuit. */
  initialLawsuit?: RecordOption | null;
  save: (payload: RecordSavePayload) => Promise<RecordSaveResponse<FilingReferences>>;
  searchLawsuits: (query: string) => Promise<RecordOption[]>;
  searchFilings: (query: string, options: { lawsuitId?: string | null; excludeId?: string | null }) => Promise<RecordOption[]>;
}

const KIND_OPTIONS = FILING_KINDS.map((kind) => ({ value: kind, label: FILING_KIND_LABELS[kind] }));
const ROLE_OPTIONS = COALITION_ROLES.map((role) => ({ value: role, label: COALITION_ROLE_LABELS[role] }));
const OUTCOME_OPTIONS = DEMAND_OUTCOMES.map((outcome) => ({ value: outcome, label: DEMAND_OUTCOME_LABELS[outcome] }));
const JURISDICTION_OPTIONS = JURISDICTIONS.map((j) => ({ value: j.code, label: `${j.code} — ${j.name}` }));

/** Reads a changed field for the conflict notice, naming states and demands as people do. */
function readFilingValue(field: string, value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return readableValue(value);
  const items = value as Record<string, unknown>[];
  if (field === "states") return items.map((s) => `${s.jurisdiction} (${COALITION_ROLE_LABELS[s.role as CoalitionRole] ?? s.role})`).join(", ");
  if (field === "demands") return items.map((d, i) => `${i + 1}. ${readableValue(d.text)} [${d.category}, ${d.outcome}]`).join(" ");
  if (field === "sources") return items.map((s) => readableValue(s.url)).join(", ");
  return readableValue(value);
}

export function FilingForm({ mode, record, version: initialVersion, references, officials, categories, initialLawsuit = null, save, searchLawsuits, searchFilings }: FilingFormProps) {
  const categoryListId = useId();
  const [idEdited, setIdEdited] = useState(mode === "edit");
  const form = useRecordForm<FilingDraft, FilingReferences>({
    mode,
    record,
    version: initialVersion,
    emptyDraft: () => ({ ...emptyFilingDraft(), lawsuit: initialLawsuit }),
    // The first load knows the referenced lawsuit's and filings' summaries from the page.
    draftFromRecord: (r, refs, current) => draftFromRecord(r, refs ?? references, current),
    recordFromDraft,
    validate: validateFiling,
    kind: "filing",
    save,
  });
  const { draft, setDraft, error, pending, status, version } = form;
  // The summary lists problems top to bottom, as the form shows its fields.
  const problems = inFormOrder(form.problems);

  const update = (changes: Partial<FilingDraft>) => {
    setDraft((current) => {
      const next = { ...current, ...changes };
      if (!idEdited && ("title" in changes || "dateFiled" in changes)) next.id = proposeSlug(next.title, next.dateFiled.trim());
      return next;
    });
  };
  const updateState = (index: number, changes: Partial<StateDraft>) => update({ states: draft.states.map((s, i) => (i === index ? { ...s, ...changes } : s)) });
  const updateDemand = (index: number, changes: Partial<DemandDraft>) => update({ demands: draft.demands.map((d, i) => (i === index ? { ...d, ...changes } : d)) });

  const labelFor = (path: FieldPath) => filingFieldLabel(path, draft);

  const officialsOf = (code: string, current: string) => {
    const own = officials.filter((o) => o.jurisdiction === code).map((o) => ({ value: o.id, label: `${o.name} (${o.office})` }));
    if (current && !own.some((o) => o.value === current)) own.push({ value: current, label: `${current} (not an official of ${code || "this jurisdiction"})` });
    return own;
  };

  const addStates = (codes: string[]) => update({ states: [...draft.states, ...codes.map((code) => ({ key: newItemKey(), jurisdiction: code, role: "joined", official: "", dateJoined: "" }))] });

  const suggestedCategories = [...new Set([...categories, ...draft.demands.map((d) => d.category.trim()).filter(Boolean)])].sort();
  const lawsuitId = draft.lawsuit?.id ?? null;
  const selfId = mode === "edit" ? draft.id : null;

  return (
    <>
      {form.conflict ? <ConflictNotice conflict={form.conflict.details} kind="filing" formatValue={readFilingValue} onMerge={form.loadTheirsWithMyEdits} /> : null}
      <ErrorSummary problems={problems} labelFor={labelFor} title={mode === "create" ? "The filing was not created" : "The filing was not saved"} focusSignal={form.focusSignal} />
      <p role="status" className={`${styles.status} ${status ? styles[status.tone] : ""}`}>
        {status?.text}
      </p>
      <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-busy={pending}>
        <FormSection legend="The filing">
          <RecordPicker
            path={["lawsuit"]}
            label={FILING_FIELD_LABELS.lawsuit}
            hint="Search by caption, docket number or id. Leave empty for a letter or statement outside any lawsuit."
            value={draft.lawsuit}
            onChange={(lawsuit) => update({ lawsuit })}
            search={searchLawsuits}
            error={error(["lawsuit"])}
          />
          <FieldGrid>
            <SelectField path={["kind"]} label={FILING_FIELD_LABELS.kind} required value={draft.kind} onChange={(kind) => update({ kind })} options={KIND_OPTIONS} placeholder="Choose a kind…" error={error(["kind"])} />
            <PartialDateField path={["dateFiled"]} label={FILING_FIELD_LABELS.dateFiled} required value={draft.dateFiled} onChange={(dateFiled) => update({ dateFiled })} error={error(["dateFiled"])} />
          </FieldGrid>
          <TextField path={["title"]} label={FILING_FIELD_LABELS.title} required value={draft.title} onChange={(title) => update({ title })} error={error(["title"])} autoComplete="off" />
          <TextField
            path={["id"]}
            label={FILING_FIELD_LABELS.id}
            required={mode === "create"}
            readOnly={mode === "edit"}
            hint={mode === "create" ? "Used in the filing's address. Proposed from the title and date; you may change it until the filing is created." : "The id is part of the filing's public address and cannot change."}
            value={draft.id}
            onChange={(id) => {
              setIdEdited(true);
              update({ id });
            }}
            error={error(["id"])}
            autoComplete="off"
            spellCheck={false}
          />
          <FieldGrid>
            <TextField path={["entryNumber"]} label={FILING_FIELD_LABELS.entryNumber} hint="The ECF number, if it has one." inputMode="numeric" value={draft.entryNumber} onChange={(entryNumber) => update({ entryNumber })} error={error(["entryNumber"])} autoComplete="off" />
            <TextField path={["filedBy"]} label={FILING_FIELD_LABELS.filedBy} hint="plaintiffs, defendants, court, or a name" value={draft.filedBy} onChange={(filedBy) => update({ filedBy })} error={error(["filedBy"])} />
          </FieldGrid>
          <RecordPicker
            path={["respondsTo"]}
            label={FILING_FIELD_LABELS.respondsTo}
            hint="The filing this one answers or decides, if any."
            value={draft.respondsTo}
            onChange={(respondsTo) => update({ respondsTo })}
            search={(query) => searchFilings(query, { excludeId: selfId })}
            error={error(["respondsTo"])}
          />
          <TextAreaField path={["summary"]} label={FILING_FIELD_LABELS.summary} required rows={8} value={draft.summary} onChange={(summary) => update({ summary })} error={error(["summary"])} />
        </FormSection>

        <FormSection legend="Joining states" description="The jurisdictions whose attorneys general joined, in the order the filing lists them.">
          <JurisdictionPicker path={["states"]} label="Add joining states" hint="Type a code or name and press Enter, or paste a list such as “WA, NM, CA”." selected={draft.states.map((s) => s.jurisdiction)} onAdd={addStates} error={error(["states"])} />
          {draft.states.length === 0 ? <p className={fieldStyles.empty}>No joining states yet.</p> : null}
          <ol className={fieldStyles.list} aria-label="Joining states">
            {draft.states.map((state, index) => {
              const at = (field: string): FieldPath => ["states", index, field];
              const name = state.jurisdiction ? `${state.jurisdiction} — ${getJurisdictionName(state.jurisdiction)}` : `state ${index + 1}`;
              return (
                <li key={state.key} className={`${fieldStyles.item} ${hasProblemUnder(problems, ["states", index]) ? fieldStyles.itemInvalid : ""}`}>
                  <div className={fieldStyles.itemHeader}>
                    <h3 className={fieldStyles.itemTitle}>{name}</h3>
                    <ItemControls index={index} count={draft.states.length} itemLabel={state.jurisdiction || `state ${index + 1}`} onMove={(to) => update({ states: moveItem(draft.states, index, to) })} onRemove={() => update({ states: draft.states.filter((_, i) => i !== index) })} />
                  </div>
                  <div className={fieldStyles.grid}>
                    <SelectField path={at("jurisdiction")} label={`Jurisdiction (state ${index + 1})`} value={state.jurisdiction} onChange={(jurisdiction) => updateState(index, { jurisdiction })} options={JURISDICTION_OPTIONS} error={error(at("jurisdiction"))} />
                    <SelectField path={at("role")} label={`Role of ${state.jurisdiction || `state ${index + 1}`}`} value={state.role} onChange={(role) => updateState(index, { role })} options={ROLE_OPTIONS} error={error(at("role"))} />
                    <SelectField path={at("official")} label={`Official for ${state.jurisdiction || `state ${index + 1}`}`} value={state.official} onChange={(official) => updateState(index, { official })} options={officialsOf(state.jurisdiction, state.official)} placeholder="None named" error={error(at("official"))} />
                    <PartialDateField path={at("dateJoined")} label={`Date ${state.jurisdiction || `state ${index + 1}`} joined`} hint="Optional. YYYY, YYYY-MM or YYYY-MM-DD" value={state.dateJoined} onChange={(dateJoined) => updateState(index, { dateJoined })} error={error(at("dateJoined"))} />
                  </div>
                </li>
              );
            })}
          </ol>
        </FormSection>

        <FormSection legend="Demands" description="What the filing asks for, in its order, and what became of each.">
          <datalist id={categoryListId}>
            {suggestedCategories.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
          <div id={fieldId(["demands"])} tabIndex={-1}>
            {draft.demands.length === 0 ? <p className={fieldStyles.empty}>No demands yet.</p> : null}
            <ol className={fieldStyles.list} aria-label="Demands">
              {draft.demands.map((demand, index) => {
                const at = (field: string): FieldPath => ["demands", index, field];
                return (
                  <li key={demand.key} className={`${fieldStyles.item} ${hasProblemUnder(problems, ["demands", index]) ? fieldStyles.itemInvalid : ""}`}>
                    <div className={fieldStyles.itemHeader}>
                      <h3 className={fieldStyles.itemTitle}>Demand {index + 1}</h3>
                      <ItemControls index={index} count={draft.demands.length} itemLabel={`demand ${index + 1}`} onMove={(to) => update({ demands: moveItem(draft.demands, index, to) })} onRemove={() => update({ demands: draft.demands.filter((_, i) => i !== index) })} />
                    </div>
                    <TextAreaField path={at("text")} label={`Text of demand ${index + 1}`} required rows={3} value={demand.text} onChange={(text) => updateDemand(index, { text })} error={error(at("text"))} />
                    <div className={fieldStyles.grid}>
                      <TextField path={at("category")} label={`Category of demand ${index + 1}`} required hint="A slug such as family-separation; existing categories are suggested." list={categoryListId} autoComplete="off" spellCheck={false} value={demand.category} onChange={(category) => updateDemand(index, { category })} error={error(at("category"))} />
                      <SelectField path={at("outcome")} label={`Outcome of demand ${index + 1}`} value={demand.outcome} onChange={(outcome) => updateDemand(index, { outcome })} options={OUTCOME_OPTIONS} error={error(at("outcome"))} />
                    </div>
                    <RecordPicker
                      path={at("decidedBy")}
                      label={`Decided by (demand ${index + 1})`}
                      hint="The order that decided it: one of the lawsuit's filings."
                      value={demand.decidedBy}
                      onChange={(decidedBy) => updateDemand(index, { decidedBy })}
                      search={(query) => searchFilings(query, { lawsuitId, excludeId: selfId })}
                      disabled={!lawsuitId}
                      disabledReason="Choose the lawsuit first: the deciding order is one of its filings."
                      error={error(at("decidedBy"))}
                    />
                  </li>
                );
              })}
            </ol>
            <FieldError path={["demands"]} message={error(["demands"])} />
          </div>
          <FormActions>
            <Button onClick={() => update({ demands: [...draft.demands, { key: newItemKey(), text: "", category: "", outcome: "pending", decidedBy: null }] })}>Add a demand</Button>
          </FormActions>
        </FormSection>

        <FormSection legend="Sources" description="Public sources for this filing: the document itself, a press release, a report.">
          <SourcesEditor value={draft.sources} onChange={(sources) => update({ sources })} problems={problems} />
        </FormSection>

        <FormActions sticky>
          <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
            {pending ? "Saving…" : mode === "create" ? "Create draft filing" : "Save changes"}
          </Button>
          <Link href="/staff/filings">Back to filings</Link>
          {version !== null ? <span className={styles.version}>Editing version {version}</span> : null}
        </FormActions>
      </form>
    </>
  );
}
