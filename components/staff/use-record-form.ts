"use client";

// The save cycle shared by the staff forms of lawsuits, filings, officials and courts: validate
// with the dataset's zod schema before anything leaves the browser, send the version
// the form was based on, show the server's problems beside their fields, and after a
// conflict load the version now saved with the editor's own changes re-applied
// (lib/staff/merge.ts). A create that succeeds is redirected by its server action.
import { useRouter } from "next/navigation";
import { useState, useTransition, type Dispatch, type FormEvent, type SetStateAction } from "react";

import type { ConflictDetails, EditableKind, RecordProblem } from "@/lib/editing/types";
import { fieldLabel } from "@/lib/editing/vocabulary";
import { mergeEdits, sameValue } from "@/lib/staff/merge";
import type { RecordSavePayload, RecordSaveResponse } from "@/lib/staff/record-save";

import { problemAt, type FieldPath } from "@/lib/editing/form-fields";

type Loose = Record<string, unknown>;

export interface FormStatus {
  text: string;
  tone: "success" | "error" | "info";
}

export interface RecordFormOptions<Draft, References> {
  mode: "create" | "edit";
  /** The record as saved (canonical docketline/v1), or null for a new one. */
  record: Loose | null;
  version: number | null;
  emptyDraft: () => Draft;
  /** A record as form state; `references` are what a conflicting version refers to. */
  draftFromRecord: (record: Loose, references: References | null, current: Draft | null) => Draft;
  recordFromDraft: (draft: Draft) => Loose;
  validate: (record: Loose) => RecordProblem[];
  /** The kind of record, which names its fields in messages. */
  kind: EditableKind;
  save: (payload: RecordSavePayload) => Promise<RecordSaveResponse<References>>;
}

export interface RecordForm<Draft, References> {
  draft: Draft;
  setDraft: Dispatch<SetStateAction<Draft>>;
  version: number | null;
  problems: RecordProblem[];
  error: (path: FieldPath) => string | undefined;
  focusSignal: number;
  conflict: { details: ConflictDetails; references: References } | null;
  status: FormStatus | null;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  loadTheirsWithMyEdits: () => void;
}

export function useRecordForm<Draft, References = null>(options: RecordFormOptions<Draft, References>): RecordForm<Draft, References> {
  const { mode, record, version: initialVersion, emptyDraft, draftFromRecord, recordFromDraft, validate, kind, save } = options;
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => (record ? draftFromRecord(record, null, null) : emptyDraft()));
  const [base, setBase] = useState<Loose | null>(record);
  const [version, setVersion] = useState<number | null>(initialVersion);
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<RecordProblem[]>([]);
  const [focusSignal, setFocusSignal] = useState(0);
  const [conflict, setConflict] = useState<{ details: ConflictDetails; references: References } | null>(null);
  const [status, setStatus] = useState<FormStatus | null>(null);
  const [pending, startTransition] = useTransition();

  // Publishing, unpublishing or restoring from the edit page moves the version on
  // without touching the content: follow it, so that the next save is not refused as a
  // conflict with oneself.
  const [seen, setSeen] = useState({ version: initialVersion, record });
  if (initialVersion !== seen.version || record !== seen.record) {
    setSeen({ version: initialVersion, record });
    if (record && base && initialVersion !== null && version !== null && initialVersion > version && sameValue(record, base)) {
      setVersion(initialVersion);
      setBase(record);
    }
  }

  // After a first submit, problems follow the typing: a corrected field loses its message at once.
  const problems = submitted ? [...validate(recordFromDraft(draft)), ...serverProblems] : serverProblems;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const outgoing = recordFromDraft(draft);
    const found = validate(outgoing);
    setSubmitted(true);
    setServerProblems([]);
    setStatus(null);
    if (found.length) {
      setFocusSignal((n) => n + 1);
      return;
    }
    startTransition(async () => {
      const result = await save({ record: outgoing, baseVersion: mode === "create" ? null : version });
      if (result.ok) {
        setBase(result.record);
        setVersion(result.version);
        setDraft((current) => draftFromRecord(result.record, null, current));
        setSubmitted(false);
        setConflict(null);
        setStatus(result.changed ? { text: `Saved. This is version ${result.version}.`, tone: "success" } : { text: "Nothing had changed, so nothing was saved.", tone: "info" });
        router.refresh();
      } else if (result.reason === "invalid") {
        setServerProblems(result.problems);
        setFocusSignal((n) => n + 1);
      } else if (result.reason === "conflict") {
        setConflict({ details: result.conflict, references: result.references });
      } else {
        setStatus({ text: result.message, tone: "error" });
      }
    });
  };

  const loadTheirsWithMyEdits = () => {
    if (!conflict) return;
    const theirs = conflict.details.current;
    const { merged, kept } = mergeEdits({ base: base ?? {}, mine: recordFromDraft(draft), theirs });
    setDraft((current) => draftFromRecord(merged, conflict.references, current));
    setBase(theirs);
    setVersion(conflict.details.currentVersion);
    setConflict(null);
    setServerProblems([]);
    const keptLabels = kept.filter((field) => field !== "id").map((field) => fieldLabel(kind, field));
    setStatus({
      text: `Their version ${conflict.details.currentVersion} is loaded${keptLabels.length ? `, with your changes to ${keptLabels.join(", ")} re-applied` : ""}. Review the form, then save again.`,
      tone: "info",
    });
  };

  return {
    draft,
    setDraft,
    version,
    problems,
    error: (path) => problemAt(problems, path),
    focusSignal,
    conflict,
    status,
    pending,
    onSubmit,
    loadTheirsWithMyEdits,
  };
}
