"use client";

// The staff form of a policy (docs/decisions/020): the government action a lawsuit
// challenges, public as soon as it is saved. Its administration is never typed: it is
// derived from the date announced. Validated with the dataset's own PolicySchema.
import Link from "next/link";

import { problemsFromZod } from "@/lib/dataset/problems";
import { LIMITS, PolicySchema } from "@/lib/dataset/schema";
import { optional } from "@/lib/editing/form-fields";
import { sourcesFromRecord, sourcesToRecord, type SourceDraft } from "@/lib/editing/source-drafts";
import { FIELD_LABELS, fieldPathLabel } from "@/lib/editing/vocabulary";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { ConflictNotice } from "./conflict-notice";
import { Button } from "./fields/buttons";
import { CheckboxList } from "./fields/checkbox-list";
import { ErrorSummary } from "./fields/error-summary";
import { FieldGrid, FormActions, FormSection } from "./fields/form-section";
import { PartialDateField } from "./fields/partial-date-field";
import { SourcesEditor } from "./fields/sources-editor";
import { TextAreaField, TextField } from "./fields/text-fields";
import { useRecordForm } from "./use-record-form";
import fieldStyles from "./fields/fields.module.css";
import styles from "./record-form.module.css";

const POLICY_FIELD_LABELS = FIELD_LABELS.policy;

interface PolicyDraft {
  id: string;
  name: string;
  /** One agency per line, as typed. */
  agencies: string;
  dateAnnounced: string;
  citation: string;
  issueAreas: string[];
  sources: SourceDraft[];
}

const str = (value: unknown) => (typeof value === "string" ? value : "");
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export interface PolicyFormProps {
  mode: "create" | "edit";
  record: Record<string, unknown> | null;
  version: number | null;
  /** The issue-area vocabulary, to choose from. */
  issueAreas: { slug: string; label: string }[];
  save: (payload: RecordSavePayload) => Promise<RecordSaveResponse>;
}

export function PolicyForm({ mode, record, version: initialVersion, issueAreas, save }: PolicyFormProps) {
  const form = useRecordForm<PolicyDraft>({
    mode,
    record,
    version: initialVersion,
    emptyDraft: () => ({ id: "", name: "", agencies: "", dateAnnounced: "", citation: "", issueAreas: [], sources: [] }),
    draftFromRecord: (r) => ({
      id: str(r.id),
      name: str(r.name),
      agencies: strings(r.agencies).join("\n"),
      dateAnnounced: str(r.dateAnnounced),
      citation: str(r.citation),
      issueAreas: strings(r.issueAreas),
      sources: sourcesFromRecord(r.sources as never),
    }),
    recordFromDraft: (d) => {
      const dateAnnounced = optional(d.dateAnnounced);
      const citation = optional(d.citation);
      return {
        id: d.id.trim(),
        name: d.name,
        agencies: d.agencies.split("\n").map((a) => a.trim()).filter(Boolean),
        ...(dateAnnounced ? { dateAnnounced: dateAnnounced.trim() } : {}),
        ...(citation ? { citation } : {}),
        issueAreas: d.issueAreas,
        sources: sourcesToRecord(d.sources),
      };
    },
    validate: (r) => {
      const result = PolicySchema.safeParse(r);
      return result.success ? [] : problemsFromZod(r, result.error);
    },
    kind: "policy",
    save,
  });
  const { draft, setDraft, error, pending, status, version, problems } = form;
  const set = (field: "id" | "name" | "agencies" | "dateAnnounced" | "citation") => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  return (
    <>
      {form.conflict ? <ConflictNotice conflict={form.conflict.details} kind="policy" onMerge={form.loadTheirsWithMyEdits} /> : null}
      <ErrorSummary problems={problems} labelFor={(path) => fieldPathLabel("policy", path)} title={mode === "create" ? "The policy was not created" : "The policy was not saved"} focusSignal={form.focusSignal} />
      <p role="status" className={`${styles.status} ${status ? styles[status.tone] : ""}`}>
        {status?.text}
      </p>
      <form className={styles.form} onSubmit={form.onSubmit} noValidate aria-busy={pending}>
        <FormSection legend="The policy">
          <TextField
            path={["id"]}
            label={POLICY_FIELD_LABELS.id}
            required={mode === "create"}
            readOnly={mode === "edit"}
            hint={mode === "create" ? "A slug of lowercase letters, digits and hyphens, such as family-separation-zero-tolerance-2018. It cannot change later." : "Lawsuits' codings refer to the policy by this id, so it cannot change."}
            autoComplete="off"
            spellCheck={false}
            maxLength={LIMITS.id}
            value={draft.id}
            onChange={set("id")}
            error={error(["id"])}
          />
          <TextField path={["name"]} label={POLICY_FIELD_LABELS.name} required hint="As the sources name it." maxLength={LIMITS.title} value={draft.name} onChange={set("name")} error={error(["name"])} />
          <TextAreaField
            path={["agencies"]}
            label={POLICY_FIELD_LABELS.agencies}
            hint="One agency per line, as the sources name them. Leave empty when no source says."
            rows={3}
            value={draft.agencies}
            onChange={set("agencies")}
            error={error(["agencies"]) ?? problems.find((p) => p.path[0] === "agencies")?.message}
          />
          <FieldGrid>
            <PartialDateField
              path={["dateAnnounced"]}
              label={POLICY_FIELD_LABELS.dateAnnounced}
              hint="Optional: YYYY, YYYY-MM or YYYY-MM-DD, as precise as a source says. The administration is derived from it."
              value={draft.dateAnnounced}
              onChange={set("dateAnnounced")}
              error={error(["dateAnnounced"])}
            />
            <TextField path={["citation"]} label={POLICY_FIELD_LABELS.citation} hint="Federal Register citation, memorandum or executive order." maxLength={LIMITS.title} value={draft.citation} onChange={set("citation")} error={error(["citation"])} />
          </FieldGrid>
        </FormSection>
        <FormSection legend={POLICY_FIELD_LABELS.issueAreas} description="Every area the policy substantially concerns (the codebook defines each).">
          <CheckboxList options={issueAreas.map((a) => ({ value: a.slug, label: a.label }))} value={draft.issueAreas} onChange={(chosen) => setDraft((d) => ({ ...d, issueAreas: chosen }))} />
          {error(["issueAreas"]) ? <p className={fieldStyles.error}>{error(["issueAreas"])}</p> : null}
        </FormSection>
        <FormSection legend={POLICY_FIELD_LABELS.sources} description="At least one public source for the policy.">
          <SourcesEditor value={draft.sources} onChange={(sources) => setDraft((d) => ({ ...d, sources }))} problems={problems} />
        </FormSection>
        <FormActions sticky>
          <Button type="submit" variant="primary" aria-disabled={pending || undefined}>
            {pending ? "Saving…" : mode === "create" ? "Create policy" : "Save changes"}
          </Button>
          <Link href="/staff/policies">Back to policies</Link>
          {version !== null ? <span className={styles.version}>Editing version {version}</span> : null}
        </FormActions>
      </form>
    </>
  );
}
