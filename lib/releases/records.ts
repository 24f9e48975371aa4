// The records of a release's dataset, each with the SHA-256 of its JSON: what the
// changelog compares between releases. Read from the dataset file as released, in its
// canonical layout (lib/dataset/export.ts: every top-level array's records start at
// "    {" and end at "    }"), one record at a time, so that every array the format
// has, today's and those added later, is counted without naming them here.
import { createHash } from "node:crypto";

export interface ReleasedRecord {
  /** The dataset's array: "courts", "officials", "lawsuits", "filings", … */
  kind: string;
  id: string;
  sha256: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

const ARRAY_START = /^ {2}"((?:[^"\\]|\\.)+)": \[$/;

/** A record's identity: its id, the slug of a vocabulary entry, or the lawsuit a coding is of; else its content. */
function identityOf(record: Record<string, unknown>, sha256: string): string {
  for (const key of ["id", "slug", "code", "lawsuit"]) if (typeof record[key] === "string") return record[key];
  return `sha256:${sha256}`;
}

const NEWLINE = 0x0a;

/**
 * Every record of a canonical docketline/v1 file, in the file's order. Read from the
 * bytes, a line at a time: the file may be longer than the longest string JavaScript
 * can hold.
 */
export function* datasetRecords(file: Buffer): Generator<ReleasedRecord> {
  let kind: string | null = null;
  let start = -1;
  let lineStart = 0;
  while (lineStart < file.length) {
    let lineEnd = file.indexOf(NEWLINE, lineStart);
    if (lineEnd === -1) lineEnd = file.length;
    // Only short lines can open or close an array or a record; the others are not decoded.
    const line = lineEnd - lineStart <= 200 ? file.toString("utf8", lineStart, lineEnd) : "";
    const array = ARRAY_START.exec(line);
    if (array) kind = JSON.parse(`"${array[1]}"`) as string;
    else if (line === "  ]" || line === "  ],") kind = null;
    else if (kind && line === "    {") start = lineStart;
    else if (kind && start >= 0 && (line === "    }" || line === "    },")) {
      const record = JSON.parse(file.toString("utf8", start, lineStart + 5)) as Record<string, unknown>;
      // The record without the file's indentation: a record moved in the file is unchanged.
      const sha256 = sha256Hex(JSON.stringify(record));
      yield { kind, id: identityOf(record, sha256), sha256 };
      start = -1;
    }
    lineStart = lineEnd + 1;
  }
}
