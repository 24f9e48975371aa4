"use client";

// The staff form of a lawsuit's research coding (docs/decisions/020): the policies it
// challenges, its issue areas, each state's side, the outcome for the states and the
// relief milestones, every value citing a filing of the lawsuit or a source. Validated
// in the browser with the dataset's LawsuitCodingSchema; the server adds the rules
// across records (the filing belongs to the lawsuit, no date before it was filed).
import Link from "next/link";

import { CODE_LISTS } from "@/lib/coding/labels";
import { problemsFromZod } from "@/lib/dataset/problems";
import { LawsuitCodingSchema } from "@/lib/dataset/schema";
import { optional } from "@/lib/editing/form-fields";
import { newItemKey } from "@/lib/editing/item-key";
import { editPath } from "@/lib/editing/paths";
import { sourcesFromRecord, sourcesToRecord, type SourceDraft } from "@/lib/editing/source-drafts";
import { FIELD_LABELS, fieldPathLabel } from "@/lib/editing/vocabulary";
import { JURISDICTIONS } from "@/lib/jurisdictions/reference";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice } from "./conflict-notice";
import { Button, ItemControls } from "./fields/buttons";
import { CheckboxList } from "./fields/checkbox-list";
import { ErrorSummary } from "./fields/error-summary";
import { FieldGrid, FormActions, FormSection } from "./fields/form-section";
import { PartialDateField } from "./fields/partial-date-field";
import { SourcesEditor } from "./fields/sources-editor";
import { SelectField, type SelectOption } from "./fields/text-fields";
import { useRecordForm } from "./use-record-form";
import fieldStyles from "./fields/fields.module.css";
import styles from "./record-form.module.css";

const LABELS = FIELD_LABELS["lawsuit-coding"];
const optionsOf = (key: (typeof CODE_LISTS)[number]["key"]): SelectOption[] => {
  const list = CODE_LISTS.find((l) => l.key === key)!;
  return list.codes.map((code) => ({ value: code, label: (list.definitions as Record<string, { label: string }>)[code].label }));
};
const SIDES = optionsOf("stateSides");
const OUTCOMES = optionsOf("outcomes");
const RELIEFS = optionsOf("reliefKinds");
const STATUSES = optionsOf("reliefStatuses");
const SCOPES = optionsOf("reliefScopes");
const STATES = JURISDICTIONS.map((j) => ({ value: j.code, label: `${j.code} — ${j.name}` }));

interface SideDraft {
  key: string;
  jurisdiction: string;
  side: string;
  filing: string;
  sources: SourceDraft[];
}

interface MilestoneDraft {
  key: string;
  relief: string;
  status: string;
  date: string;
  scope: string;
  filing: string;
  sources: SourceDraft[];
}

interface CodingDraft {
  lawsuit: string;
  policies: string[];
  issueAreas: string[];
  sources: SourceDraft[];
  stateSides: SideDraft[];
  outcome: { class: string; date: string; decidedBy: string; sources: SourceDraft[] };
  reliefMilestones: MilestoneDraft[];
}

type Loose = Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" ? value : "");
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);
const items = (value: unknown) => (Array.isArray(value) ? (value as Loose[]) : []);
const maybe = (key: string, value: string) => (optional(value) ? { [key]: value.trim() } : {});

export interface CodingFormProps {
  lawsuit: string;
  record: Loose | null;
  version: number | null;
  policies: { id: string; name: string }[];
  issueAreas: { slug: string; label: string }[];
  /** The lawsuit's own filings: the only ones a coded value may cite. */
  filings: SelectOption[];
  save: (payload: RecordSavePayload) => Promise<RecordSaveResponse>;
}

export function CodingForm({ lawsuit, record, version: initialVersion, policies, issueAreas, filings, save }: CodingFormProps) {
  const form = useRecordForm<CodingDraft>({
    mode: record ? "edit" : "create",
    record,
    version: initialVersion,
    emptyDraft: () => ({ lawsuit, policies: [], issueAreas: [], sources: [], stateSides: [], outcome: { class: "unknown", date: "", decidedBy: "", sources: [] }, reliefMilestones: [] }),
    draftFromRecord: (r) => {
      const outcome = (r.outcome ?? {}) as Loose;
      return {
        lawsuit: str(r.lawsuit),
        policies: strings(r.policies),
        issueAreas: strings(r.issueAreas),
        sources: sourcesFromRecord(r.sources as never),
        stateSides: items(r.stateSides).map((s) => ({ key: newItemKey(), jurisdiction: str(s.jurisdiction), side: str(s.side), filing: str(s.filing), sources: sourcesFromRecord(s.sources as never) })),
        outcome: { class: str(outcome.class) || "unknown", date: str(outcome.date), decidedBy: str(outcome.decidedBy), sources: sourcesFromRecord(outcome.sources as never) },
        reliefMilestones: items(r.reliefMilestones).map((m) => ({
          key: newItemKey(),
          relief: str(m.relief),
          status: str(m.status),
          date: str(m.date),
          scope: str(m.scope),
          filing: str(m.filing),
          sources: sourcesFromRecord(m.sources as never),
        })),
      };
    },
    recordFromDraft: (d) => ({
      lawsuit: d.lawsuit,
      policies: d.policies,
      issueAreas: d.issueAreas,
      sources: sourcesToRecord(d.sources),
      stateSides: d.stateSides.map((s) => ({ jurisdiction: s.jurisdiction, side: s.side, ...maybe("filing", s.filing), sources: sourcesToRecord(s.sources) })),
      outcome: { class: d.outcome.class, ...maybe("date", d.outcome.date), ...maybe("decidedBy", d.outcome.decidedBy), sources: sourcesToRecord(d.outcome.sources) },
      reliefMilestones: d.reliefMilestones.map((m) => ({
        relief: m.relief,
        status: m.status,
        ...maybe("date", m.date),
        ...maybe("scope", m.scope),
        ...maybe("filing", m.filing),
        sources: sourcesToRecord(m.sources),
      })),
    }),
    validate: (r) => {
      const result = LawsuitCodingSchema.safeParse(r);
      return result.success ? [] : problemsFromZod(r, result.error);
    },
    kind: "lawsuit-coding",
    save,
  });
  const { draft, setDraft, error, pending, status, version, problems } = form;
  const update = (changes: Partial<CodingDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const setSide = (index: number, changes: Partial<SideDraft>) => update({ stateSides: draft.stateSides.map((s, i) => (i === index ? { ...s, ...changes } : s)) });
  const setMilestone = (index: number, changes: Partial<MilestoneDraft>) =>
    update({ reliefMilestones: draft.reliefMilestones.map((m, i) => (i === index ? { ...m, ...changes } : m)) });
  const setOutcome = (changes: Partial<CodingDraft["outcome"]>) => update({ outcome: { ...draft.outcome, ...changes } });

  return (
    <>
      {form.conflict ? <ConflictNotice conflict={form.conflict.details} kind="lawsuit-coding" onMerge={form.loadTheirsWithMyEdits} /> : null}
      <ErrorSummary problems={problems} labelFor={(path) => fieldPathLabel("lawsuit-coding", path)} title="The coding was not saved" focusSignal={form.focusSignal} />
      <p role="status" className={`${styles.status} ${status ? styles[status.tone] : ""}`}>
        {status?.text}
      </p>
      <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-busy={pending}>
        <FormSection legend={LABELS.policies} description="The government actions this lawsuit challenges.">
          <CheckboxList options={policies.map((p) => ({ value: p.id, label: p.name }))} value={draft.policies} onChange={(chosen) => update({ policies: chosen })} />
          {policies.length === 0 ? <p>No policy yet: <Link href="/staff/policies/new">create one</Link>.</p> : null}
        </FormSection>
        <FormSection legend={LABELS.issueAreas}>
          <CheckboxList options={issueAreas.map((a) => ({ value: a.slug, label: a.label }))} value={draft.issueAreas} onChange={(chosen) => update({ issueAreas: chosen })} />
        </FormSection>
        <FormSection legend={LABELS.sources} description="Required when policies or issue areas are coded.">
          <SourcesEditor value={draft.sources} onChange={(sources) => update({ sources })} problems={problems} />
        </FormSection>

        <FormSection legend={LABELS.stateSides} description="Each state's side, with the filing of this lawsuit that shows it or a source.">
          <ol className={fieldStyles.list}>
            {draft.stateSides.map((side, index) => (
              <li key={side.key} className={fieldStyles.item}>
                <div className={fieldStyles.itemHeader}>
                  <h3 className={fieldStyles.itemTitle}>State&rsquo;s side {index + 1}</h3>
                  <ItemControls index={index} count={draft.stateSides.length} itemLabel={`state's side ${index + 1}`} onRemove={() => update({ stateSides: draft.stateSides.filter((_, i) => i !== index) })} />
                </div>
                <FieldGrid>
                  <SelectField path={["stateSides", index, "jurisdiction"]} label={`State of side ${index + 1}`} required placeholder="Choose a jurisdiction" options={STATES} value={side.jurisdiction} onChange={(jurisdiction) => setSide(index, { jurisdiction })} error={error(["stateSides", index, "jurisdiction"])} />
                  <SelectField path={["stateSides", index, "side"]} label={`Side ${index + 1}`} required placeholder="Choose a side" options={SIDES} value={side.side} onChange={(value) => setSide(index, { side: value })} error={error(["stateSides", index, "side"])} />
                </FieldGrid>
                <SelectField path={["stateSides", index, "filing"]} label={`Filing that shows side ${index + 1}`} placeholder="None (cite a source)" options={filings} value={side.filing} onChange={(filing) => setSide(index, { filing })} error={error(["stateSides", index, "filing"])} />
                <SourcesEditor path={["stateSides", index, "sources"]} value={side.sources} onChange={(sources) => setSide(index, { sources })} problems={problems} />
              </li>
            ))}
          </ol>
          <Button onClick={() => update({ stateSides: [...draft.stateSides, { key: newItemKey(), jurisdiction: "", side: "", filing: "", sources: [] }] })}>Add a state&rsquo;s side</Button>
        </FormSection>

        <FormSection legend={LABELS.outcome} description="Unknown unless a filing or a source settles it.">
          <FieldGrid>
            <SelectField path={["outcome", "class"]} label="Outcome" required options={OUTCOMES} value={draft.outcome.class} onChange={(value) => setOutcome({ class: value })} error={error(["outcome", "class"])} />
            <PartialDateField path={["outcome", "date"]} label="Date of the outcome" hint="Optional: YYYY, YYYY-MM or YYYY-MM-DD." value={draft.outcome.date} onChange={(date) => setOutcome({ date })} error={error(["outcome", "date"])} />
          </FieldGrid>
          <SelectField path={["outcome", "decidedBy"]} label="Decided by" placeholder="None (cite a source)" options={filings} value={draft.outcome.decidedBy} onChange={(decidedBy) => setOutcome({ decidedBy })} error={error(["outcome", "decidedBy"])} />
          <SourcesEditor path={["outcome", "sources"]} value={draft.outcome.sources} onChange={(sources) => setOutcome({ sources })} problems={problems} />
        </FormSection>

        <FormSection legend={LABELS.reliefMilestones} description="Each TRO, injunction, vacatur or stay, never dated before the lawsuit was filed.">
          <ol className={fieldStyles.list}>
            {draft.reliefMilestones.map((m, index) => (
              <li key={m.key} className={fieldStyles.item}>
                <div className={fieldStyles.itemHeader}>
                  <h3 className={fieldStyles.itemTitle}>Relief milestone {index + 1}</h3>
                  <ItemControls index={index} count={draft.reliefMilestones.length} itemLabel={`relief milestone ${index + 1}`} onRemove={() => update({ reliefMilestones: draft.reliefMilestones.filter((_, i) => i !== index) })} />
                </div>
                <FieldGrid>
                  <SelectField path={["reliefMilestones", index, "relief"]} label={`Relief ${index + 1}`} required placeholder="Choose the relief" options={RELIEFS} value={m.relief} onChange={(relief) => setMilestone(index, { relief })} error={error(["reliefMilestones", index, "relief"])} />
                  <SelectField path={["reliefMilestones", index, "status"]} label={`Status of relief ${index + 1}`} required placeholder="Choose what became of it" options={STATUSES} value={m.status} onChange={(value) => setMilestone(index, { status: value })} error={error(["reliefMilestones", index, "status"])} />
                  <PartialDateField path={["reliefMilestones", index, "date"]} label={`Date of relief ${index + 1}`} hint="Optional: YYYY, YYYY-MM or YYYY-MM-DD." value={m.date} onChange={(date) => setMilestone(index, { date })} error={error(["reliefMilestones", index, "date"])} />
                  <SelectField path={["reliefMilestones", index, "scope"]} label={`Scope of relief ${index + 1}`} placeholder="Not coded" options={SCOPES} value={m.scope} onChange={(scope) => setMilestone(index, { scope })} error={error(["reliefMilestones", index, "scope"])} />
                </FieldGrid>
                <SelectField path={["reliefMilestones", index, "filing"]} label={`Filing that records relief ${index + 1}`} placeholder="None (cite a source)" options={filings} value={m.filing} onChange={(filing) => setMilestone(index, { filing })} error={error(["reliefMilestones", index, "filing"])} />
                <SourcesEditor path={["reliefMilestones", index, "sources"]} value={m.sources} onChange={(sources) => setMilestone(index, { sources })} problems={problems} />
              </li>
            ))}
          </ol>
          <Button onClick={() => update({ reliefMilestones: [...draft.reliefMilestones, { key: newItemKey(), relief: "", status: "", date: "", scope: "", filing: "", sources: [] }] })}>Add a relief milestone</Button>
        </FormSection>

        <FormActions sticky>
          <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
            {pending ? "Saving…" : "Save coding"}
          </Button>
          <Link href={editPath("lawsuit", lawsuit)}>Back to the lawsuit</Link>
          {version !== null ? <span className={styles.version}>Editing version {version}</span> : null}
        </FormActions>
      </form>
    </>
  );
}
