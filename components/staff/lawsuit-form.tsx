"use client";

// The staff form that creates and edits a lawsuit: every field of the docketline/v1
// lawsuit. It validates with LawsuitSchema (the importer's schema) before sending,
// shows each problem beside its field and in a summary at the top, and sends the
// version it was based on (use-record-form.ts). New lawsuits are saved as drafts.
import Link from "next/link";
import { useState, useTransition } from "react";

import { LAWSUIT_RELATIONS, LAWSUIT_STATUSES, LIMITS, PARTY_SIDES, type CoalitionRole, type LawsuitRelationKind, type PartySide } from "@/lib/dataset/schema";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { COALITION_ROLE_LABELS, COALITION_ROLES } from "@/lib/jurisdictions/roles";
import { LAWSUIT_RELATION_LABELS, LAWSUIT_STATUS_LABELS, PARTY_SIDE_LABELS } from "@/lib/lawsuits/labels";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice, readableValue } from "./conflict-notice";
import { Button, ItemControls } from "./fields/buttons";
import { ErrorSummary } from "./fields/error-summary";
import { FieldError } from "./fields/field-error";
import { FieldGrid, FormActions, FormSection } from "./fields/form-section";
import { newItemKey } from "@/lib/editing/item-key";
import { JurisdictionPicker } from "./fields/jurisdiction-picker";
import { PartialDateField } from "./fields/partial-date-field";
import { fieldId, hasProblemUnder, moveItem, type FieldPath, type RecordOption } from "@/lib/editing/form-fields";
import { RecordPicker } from "./fields/record-picker";
import { SourcesEditor } from "./fields/sources-editor";
import { SelectField, TextAreaField, TextField } from "./fields/text-fields";
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
  type OtherPartyDraft,
  type PlaintiffDraft,
  type RelationDraft,
} from "@/lib/lawsuits/form-model";
import { useRecordForm } from "./use-record-form";
import fieldStyles from "./fields/fields.module.css";
import styles from "./record-form.module.css";

export interface CourtChoice {
  id: string;
  shortName: string;
  fullName: string;
}

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
const ROLE_OPTIONS = COALITION_ROLES.map((role) => ({ value: role, label: COALITION_ROLE_LABELS[role] }));
const SIDE_OPTIONS = PARTY_SIDES.map((side) => ({ value: side, label: PARTY_SIDE_LABELS[side] }));
const RELATION_OPTIONS = LAWSUIT_RELATIONS.map((relation) => ({ value: relation, label: LAWSUIT_RELATION_LABELS[relation].outgoing }));

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
  const [courts, setCourts] = useState(initialCourts);
  const [courtsNote, setCourtsNote] = useState("");
  const [reloading, startReload] = useTransition();
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
  const updatePlaintiff = (index: number, changes: Partial<PlaintiffDraft>) => update({ plaintiffs: draft.plaintiffs.map((p, i) => (i === index ? { ...p, ...changes } : p)) });
  const updateParty = (index: number, changes: Partial<OtherPartyDraft>) => update({ otherParties: draft.otherParties.map((p, i) => (i === index ? { ...p, ...changes } : p)) });
  const updateRelation = (index: number, changes: Partial<RelationDraft>) => update({ related: draft.related.map((r, i) => (i === index ? { ...r, ...changes } : r)) });

  const addPlaintiffs = (codes: string[]) =>
    update({
      // The first state named usually leads the suit.
      plaintiffs: [...draft.plaintiffs, ...codes.map((code, i) => ({ key: newItemKey(), jurisdiction: code, role: draft.plaintiffs.length === 0 && i === 0 ? "lead" : "joined" }))],
    });

  const courtOptions = courts.map((court) => ({ value: court.id, label: `${court.shortName} — ${court.fullName}` }));
  if (draft.court && !courts.some((court) => court.id === draft.court)) courtOptions.push({ value: draft.court, label: `${draft.court} (not a known court)` });

  const onReloadCourts = () =>
    startReload(async () => {
      const fresh = await reloadCourts();
      const added = fresh.filter((court) => !courts.some((known) => known.id === court.id));
      setCourts(fresh);
      setCourtsNote(added.length ? `Added to the list: ${added.map((court) => court.shortName).join(", ")}.` : "No new courts.");
    });

  const selfId = mode === "edit" ? draft.id : null;
  const chosenRelated = draft.related.map((r) => r.lawsuit?.id).filter(Boolean);

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
            <div className={fieldStyles.field}>
              <SelectField path={["court"]} label={LAWSUIT_FIELD_LABELS.court} required value={draft.court} onChange={(court) => update({ court })} options={courtOptions} placeholder="Choose a court…" error={error(["court"])} />
              <div className={fieldStyles.actions}>
                <Link href="/staff/courts/new" target="_blank" rel="noopener" className={styles.inlineLink}>
                  New court (opens a new tab)
                </Link>
                <Button size="small" onClick={onReloadCourts} aria-disabled={reloading || undefined}>
                  {reloading ? "Reloading…" : "Reload courts"}
                </Button>
              </div>
              <p role="status" className={fieldStyles.status}>
                {courtsNote}
              </p>
            </div>
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

        <FormSection legend="Plaintiff states" description="The jurisdictions suing through their attorneys general, in the order of the caption.">
          <JurisdictionPicker path={["plaintiffs"]} label="Add plaintiff states" hint="Type a code or name and press Enter, or paste a list such as “WA, NM, CA”." selected={draft.plaintiffs.map((p) => p.jurisdiction)} onAdd={addPlaintiffs} error={error(["plaintiffs"])} />
          {draft.plaintiffs.length === 0 ? <p className={fieldStyles.empty}>No plaintiff states yet.</p> : null}
          <ol className={fieldStyles.list} aria-label="Plaintiff states">
            {draft.plaintiffs.map((plaintiff, index) => {
              const at = (field: string): FieldPath => ["plaintiffs", index, field];
              const name = plaintiff.jurisdiction ? `${plaintiff.jurisdiction} — ${getJurisdictionName(plaintiff.jurisdiction)}` : `State ${index + 1}`;
              return (
                <li key={plaintiff.key} className={`${fieldStyles.item} ${hasProblemUnder(problems, ["plaintiffs", index]) ? fieldStyles.itemInvalid : ""}`}>
                  <div className={fieldStyles.itemHeader}>
                    <h3 className={fieldStyles.itemTitle} id={fieldId(at("jurisdiction"))} tabIndex={-1}>
                      {name}
                    </h3>
                    <ItemControls index={index} count={draft.plaintiffs.length} itemLabel={plaintiff.jurisdiction || `state ${index + 1}`} onMove={(to) => update({ plaintiffs: moveItem(draft.plaintiffs, index, to) })} onRemove={() => update({ plaintiffs: draft.plaintiffs.filter((_, i) => i !== index) })} />
                  </div>
                  <FieldError path={at("jurisdiction")} message={error(at("jurisdiction"))} />
                  <SelectField path={at("role")} label={`Role of ${plaintiff.jurisdiction || `state ${index + 1}`}`} value={plaintiff.role} onChange={(role) => updatePlaintiff(index, { role })} options={ROLE_OPTIONS} error={error(at("role"))} />
                </li>
              );
            })}
          </ol>
        </FormSection>

        <FormSection legend="Other parties" description="Defendants, private plaintiffs, intervenors and others, in the order of the caption.">
          <div id={fieldId(["otherParties"])} tabIndex={-1}>
            {draft.otherParties.length === 0 ? <p className={fieldStyles.empty}>No other parties yet.</p> : null}
            <ol className={fieldStyles.list} aria-label="Other parties">
              {draft.otherParties.map((party, index) => {
                const at = (field: string): FieldPath => ["otherParties", index, field];
                return (
                  <li key={party.key} className={`${fieldStyles.item} ${hasProblemUnder(problems, ["otherParties", index]) ? fieldStyles.itemInvalid : ""}`}>
                    <div className={fieldStyles.itemHeader}>
                      <h3 className={fieldStyles.itemTitle}>Party {index + 1}</h3>
                      <ItemControls index={index} count={draft.otherParties.length} itemLabel={`party ${index + 1}`} onMove={(to) => update({ otherParties: moveItem(draft.otherParties, index, to) })} onRemove={() => update({ otherParties: draft.otherParties.filter((_, i) => i !== index) })} />
                    </div>
                    <div className={fieldStyles.grid}>
                      <TextField path={at("name")} label={`Name of party ${index + 1}`} required maxLength={LIMITS.name} autoComplete="off" value={party.name} onChange={(name) => updateParty(index, { name })} error={error(at("name"))} />
                      <SelectField path={at("side")} label={`Side of party ${index + 1}`} value={party.side} onChange={(side) => updateParty(index, { side })} options={SIDE_OPTIONS} error={error(at("side"))} />
                    </div>
                  </li>
                );
              })}
            </ol>
            <FieldError path={["otherParties"]} message={error(["otherParties"])} />
          </div>
          <FormActions>
            <Button onClick={() => update({ otherParties: [...draft.otherParties, { key: newItemKey(), name: "", side: "defendant" }] })}>Add a party</Button>
          </FormActions>
        </FormSection>

        <FormSection legend="Related lawsuits" description="Appeals, transfers, consolidations and other related cases, read from this lawsuit: “this lawsuit was transferred to join …”.">
          <div id={fieldId(["related"])} tabIndex={-1}>
            {draft.related.length === 0 ? <p className={fieldStyles.empty}>No related lawsuits yet.</p> : null}
            <ol className={fieldStyles.list} aria-label="Related lawsuits">
              {draft.related.map((relation, index) => {
                const at = (field: string): FieldPath => ["related", index, field];
                return (
                  <li key={relation.key} className={`${fieldStyles.item} ${hasProblemUnder(problems, ["related", index]) ? fieldStyles.itemInvalid : ""}`}>
                    <div className={fieldStyles.itemHeader}>
                      <h3 className={fieldStyles.itemTitle}>Related lawsuit {index + 1}</h3>
                      <ItemControls index={index} count={draft.related.length} itemLabel={`related lawsuit ${index + 1}`} onMove={(to) => update({ related: moveItem(draft.related, index, to) })} onRemove={() => update({ related: draft.related.filter((_, i) => i !== index) })} />
                    </div>
                    <SelectField path={at("relation")} label={`Relation ${index + 1}: this lawsuit is`} value={relation.relation} onChange={(value) => updateRelation(index, { relation: value })} options={RELATION_OPTIONS} error={error(at("relation"))} />
                    <RecordPicker
                      path={at("lawsuit")}
                      label={`Related lawsuit ${index + 1}`}
                      hint="Search by caption, docket number or id."
                      placeholder="Search lawsuits"
                      value={relation.lawsuit}
                      onChange={(lawsuit) => updateRelation(index, { lawsuit })}
                      search={async (query) => {
                        const found = await searchLawsuits(query, { excludeId: selfId });
                        // Neither the lawsuit itself nor one already listed.
                        return found.filter((option) => option.id !== draft.id.trim() && (option.id === relation.lawsuit?.id || !chosenRelated.includes(option.id)));
                      }}
                      error={error(at("lawsuit"))}
                    />
                  </li>
                );
              })}
            </ol>
            <FieldError path={["related"]} message={error(["related"])} />
          </div>
          <FormActions>
            <Button onClick={() => update({ related: [...draft.related, { key: newItemKey(), lawsuit: null, relation: "related" }] })}>Add a related lawsuit</Button>
          </FormActions>
        </FormSection>

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
