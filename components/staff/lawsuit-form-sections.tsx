"use client";

// The list sections of the lawsuit form (lawsuit-form.tsx): plaintiff states, other
// parties and related lawsuits, and the court field with its reload. Each edits one
// list of the draft and shows the problems found under it.
import Link from "next/link";
import { useState, useTransition } from "react";

import { LAWSUIT_RELATIONS, LIMITS, PARTY_SIDES } from "@/lib/dataset/schema";
import type { RecordProblem } from "@/lib/editing/types";
import { fieldId, hasProblemUnder, moveItem, type FieldPath, type RecordOption } from "@/lib/editing/form-fields";
import { newItemKey } from "@/lib/editing/item-key";
import { getJurisdictionName } from "@/lib/jurisdictions/reference";
import { COALITION_ROLE_LABELS, COALITION_ROLES } from "@/lib/jurisdictions/roles";
import { LAWSUIT_RELATION_LABELS, PARTY_SIDE_LABELS } from "@/lib/lawsuits/labels";
import { LAWSUIT_FIELD_LABELS, type OtherPartyDraft, type PlaintiffDraft, type RelationDraft } from "@/lib/lawsuits/form-model";

import { Button, ItemControls } from "./fields/buttons";
import { FieldError } from "./fields/field-error";
import { FormActions, FormSection } from "./fields/form-section";
import { JurisdictionPicker } from "./fields/jurisdiction-picker";
import { RecordPicker } from "./fields/record-picker";
import { SelectField, TextField } from "./fields/text-fields";
import fieldStyles from "./fields/fields.module.css";
import styles from "./record-form.module.css";

export interface CourtChoice {
  id: string;
  shortName: string;
  fullName: string;
}

const ROLE_OPTIONS = COALITION_ROLES.map((role) => ({ value: role, label: COALITION_ROLE_LABELS[role] }));
const SIDE_OPTIONS = PARTY_SIDES.map((side) => ({ value: side, label: PARTY_SIDE_LABELS[side] }));
const RELATION_OPTIONS = LAWSUIT_RELATIONS.map((relation) => ({ value: relation, label: LAWSUIT_RELATION_LABELS[relation].outgoing }));

/** One list of the draft, and the form's problems to show under it. */
interface ListSectionProps<T> {
  items: T[];
  onChange: (items: T[]) => void;
  problems: readonly RecordProblem[];
  error: (path: FieldPath) => string | undefined;
}

const itemClass = (problems: readonly RecordProblem[], path: FieldPath) => `${fieldStyles.item} ${hasProblemUnder(problems, path) ? fieldStyles.itemInvalid : ""}`;

/** The court, chosen from the known ones; a court created in another tab is fetched with "Reload courts". */
export function CourtField({ value, onChange, error, initialCourts, reloadCourts }: { value: string; onChange: (court: string) => void; error: string | undefined; initialCourts: CourtChoice[]; reloadCourts: () => Promise<CourtChoice[]> }) {
  const [courts, setCourts] = useState(initialCourts);
  const [courtsNote, setCourtsNote] = useState("");
  const [reloading, startReload] = useTransition();
  const courtOptions = courts.map((court) => ({ value: court.id, label: `${court.shortName} — ${court.fullName}` }));
  if (value && !courts.some((court) => court.id === value)) courtOptions.push({ value, label: `${value} (not a known court)` });

  const onReloadCourts = () =>
    startReload(async () => {
      const fresh = await reloadCourts();
      const added = fresh.filter((court) => !courts.some((known) => known.id === court.id));
      setCourts(fresh);
      setCourtsNote(added.length ? `Added to the list: ${added.map((court) => court.shortName).join(", ")}.` : "No new courts.");
    });

  return (
    <div className={fieldStyles.field}>
      <SelectField path={["court"]} label={LAWSUIT_FIELD_LABELS.court} required value={value} onChange={onChange} options={courtOptions} placeholder="Choose a court…" error={error} />
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
  );
}

/** The jurisdictions suing, in the order of the caption, each with its role. */
export function PlaintiffsSection({ items, onChange, problems, error }: ListSectionProps<PlaintiffDraft>) {
  const updateItem = (index: number, changes: Partial<PlaintiffDraft>) => onChange(items.map((p, i) => (i === index ? { ...p, ...changes } : p)));
  const addPlaintiffs = (codes: string[]) =>
    // The first state named usually leads the suit.
    onChange([...items, ...codes.map((code, i) => ({ key: newItemKey(), jurisdiction: code, role: items.length === 0 && i === 0 ? "lead" : "joined" }))]);
  return (
    <FormSection legend="Plaintiff states" description="The jurisdictions suing through their attorneys general, in the order of the caption.">
      <JurisdictionPicker path={["plaintiffs"]} label="Add plaintiff states" hint="Type a code or name and press Enter, or paste a list such as “WA, NM, CA”." selected={items.map((p) => p.jurisdiction)} onAdd={addPlaintiffs} error={error(["plaintiffs"])} />
      {items.length === 0 ? <p className={fieldStyles.empty}>No plaintiff states yet.</p> : null}
      <ol className={fieldStyles.list} aria-label="Plaintiff states">
        {items.map((plaintiff, index) => {
          const at = (field: string): FieldPath => ["plaintiffs", index, field];
          const name = plaintiff.jurisdiction ? `${plaintiff.jurisdiction} — ${getJurisdictionName(plaintiff.jurisdiction)}` : `State ${index + 1}`;
          return (
            <li key={plaintiff.key} className={itemClass(problems, ["plaintiffs", index])}>
              <div className={fieldStyles.itemHeader}>
                <h3 className={fieldStyles.itemTitle} id={fieldId(at("jurisdiction"))} tabIndex={-1}>
                  {name}
                </h3>
                <ItemControls index={index} count={items.length} itemLabel={plaintiff.jurisdiction || `state ${index + 1}`} onMove={(to) => onChange(moveItem(items, index, to))} onRemove={() => onChange(items.filter((_, i) => i !== index))} />
              </div>
              <FieldError path={at("jurisdiction")} message={error(at("jurisdiction"))} />
              <SelectField path={at("role")} label={`Role of ${plaintiff.jurisdiction || `state ${index + 1}`}`} value={plaintiff.role} onChange={(role) => updateItem(index, { role })} options={ROLE_OPTIONS} error={error(at("role"))} />
            </li>
          );
        })}
      </ol>
    </FormSection>
  );
}

/** Defendants, private plaintiffs, intervenors and others, in the order of the caption. */
export function OtherPartiesSection({ items, onChange, problems, error }: ListSectionProps<OtherPartyDraft>) {
  const updateItem = (index: number, changes: Partial<OtherPartyDraft>) => onChange(items.map((p, i) => (i === index ? { ...p, ...changes } : p)));
  return (
    <FormSection legend="Other parties" description="Defendants, private plaintiffs, intervenors and others, in the order of the caption.">
      <div id={fieldId(["otherParties"])} tabIndex={-1}>
        {items.length === 0 ? <p className={fieldStyles.empty}>No other parties yet.</p> : null}
        <ol className={fieldStyles.list} aria-label="Other parties">
          {items.map((party, index) => {
            const at = (field: string): FieldPath => ["otherParties", index, field];
            return (
              <li key={party.key} className={itemClass(problems, ["otherParties", index])}>
                <div className={fieldStyles.itemHeader}>
                  <h3 className={fieldStyles.itemTitle}>Party {index + 1}</h3>
                  <ItemControls index={index} count={items.length} itemLabel={`party ${index + 1}`} onMove={(to) => onChange(moveItem(items, index, to))} onRemove={() => onChange(items.filter((_, i) => i !== index))} />
                </div>
                <div className={fieldStyles.grid}>
                  <TextField path={at("name")} label={`Name of party ${index + 1}`} required maxLength={LIMITS.name} autoComplete="off" value={party.name} onChange={(name) => updateItem(index, { name })} error={error(at("name"))} />
                  <SelectField path={at("side")} label={`Side of party ${index + 1}`} value={party.side} onChange={(side) => updateItem(index, { side })} options={SIDE_OPTIONS} error={error(at("side"))} />
                </div>
              </li>
            );
          })}
        </ol>
        <FieldError path={["otherParties"]} message={error(["otherParties"])} />
      </div>
      <FormActions>
        <Button onClick={() => onChange([...items, { key: newItemKey(), name: "", side: "defendant" }])}>Add a party</Button>
      </FormActions>
    </FormSection>
  );
}

/** Appeals, transfers, consolidations and other related cases, read from this lawsuit. */
export function RelatedLawsuitsSection({ items, onChange, problems, error, ownId, selfId, searchLawsuits }: ListSectionProps<RelationDraft> & { ownId: string; selfId: string | null; searchLawsuits: (query: string, options: { excludeId?: string | null }) => Promise<RecordOption[]> }) {
  const updateItem = (index: number, changes: Partial<RelationDraft>) => onChange(items.map((r, i) => (i === index ? { ...r, ...changes } : r)));
  const chosenRelated = items.map((r) => r.lawsuit?.id).filter(Boolean);
  return (
    <FormSection legend="Related lawsuits" description="Appeals, transfers, consolidations and other related cases, read from this lawsuit: “this lawsuit was transferred to join …”.">
      <div id={fieldId(["related"])} tabIndex={-1}>
        {items.length === 0 ? <p className={fieldStyles.empty}>No related lawsuits yet.</p> : null}
        <ol className={fieldStyles.list} aria-label="Related lawsuits">
          {items.map((relation, index) => {
            const at = (field: string): FieldPath => ["related", index, field];
            return (
              <li key={relation.key} className={itemClass(problems, ["related", index])}>
                <div className={fieldStyles.itemHeader}>
                  <h3 className={fieldStyles.itemTitle}>Related lawsuit {index + 1}</h3>
                  <ItemControls index={index} count={items.length} itemLabel={`related lawsuit ${index + 1}`} onMove={(to) => onChange(moveItem(items, index, to))} onRemove={() => onChange(items.filter((_, i) => i !== index))} />
                </div>
                <SelectField path={at("relation")} label={`Relation ${index + 1}: this lawsuit is`} value={relation.relation} onChange={(value) => updateItem(index, { relation: value })} options={RELATION_OPTIONS} error={error(at("relation"))} />
                <RecordPicker
                  path={at("lawsuit")}
                  label={`Related lawsuit ${index + 1}`}
                  hint="Search by caption, docket number or id."
                  placeholder="Search lawsuits"
                  value={relation.lawsuit}
                  onChange={(lawsuit) => updateItem(index, { lawsuit })}
                  search={async (query) => {
                    const found = await searchLawsuits(query, { excludeId: selfId });
                    // Neither the lawsuit itself nor one already listed.
                    return found.filter((option) => option.id !== ownId && (option.id === relation.lawsuit?.id || !chosenRelated.includes(option.id)));
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
        <Button onClick={() => onChange([...items, { key: newItemKey(), lawsuit: null, relation: "related" }])}>Add a related lawsuit</Button>
      </FormActions>
    </FormSection>
  );
}
