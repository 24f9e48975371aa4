// Reads a docketline/v1 document as a stream: each record is handed on as soon as it
// has been read and is then forgotten, so memory does not grow with the file. What is
// left is the document's head: its top-level fields, each list of records emptied.
import { JSONParser } from "@streamparser/json";

import { RECORD_KINDS, type RecordKind } from "@/lib/dataset/import-kinds";
import type { ImportTimings } from "@/lib/dataset/timings";
import { DatasetSyntaxError, parseDatasetJson } from "@/lib/dataset/validate";

export type DatasetChunks = AsyncIterable<Uint8Array | string>;

export interface StreamedRecord {
  kind: RecordKind;
  index: number;
  raw: unknown;
}

const KINDS = new Set<string>(RECORD_KINDS);

/**
 * Reads `chunks`, calling `onRecords` with the records each chunk completed (awaited
 * before the next chunk is read) and `onBytes` with the bytes read so far. Returns the
 * head of the document (the whole value when it is not an object) and the top-level
 * fields it has more than once. Malformed JSON is reported as parseDatasetJson reports
 * it, from `wholeText`, read only then.
 */
export async function streamDataset(
  chunks: DatasetChunks,
  onRecords: (records: StreamedRecord[]) => Promise<void>,
  options: { wholeText: () => Promise<string>; onBytes?: (bytes: number) => void; timings: ImportTimings },
): Promise<{ head: unknown; repeated: string[] }> {
  const parser = new JSONParser({ paths: ["$", "$.*", "$.*.*"], keepStack: true });
  const head: Record<string, unknown> = {};
  const repeated: string[] = [];
  let root: { value: unknown } | undefined;
  let error: Error | undefined;
  let pending: StreamedRecord[] = [];

  parser.onError = (e) => (error ??= e);
  parser.onValue = ({ value, key, parent, stack }) => {
    // Each value is dropped from its parent once handed on, as the parser's own
    // keepStack: false does; that option keeps values whose parent is also asked for.
    if (stack.length === 0) {
      root = { value };
      return;
    }
    if (Array.isArray(parent)) parent.length -= 1;
    else if (parent) delete (parent as Record<string, unknown>)[key as string];
    if (stack.length === 1) {
      if (Array.isArray(parent)) return;
      if (Object.hasOwn(head, key as string)) repeated.push(key as string);
      head[key as string] = value;
    } else if (stack.length === 2 && !Array.isArray(stack[1].value) && Array.isArray(parent) && KINDS.has(stack[1].key as string)) {
      pending.push({ kind: stack[1].key as RecordKind, index: key as number, raw: value });
    }
  };

  let bytes = 0;
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      chunk = withoutByteOrderMark(chunk);
      first = false;
    }
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (root === undefined && !error) {
      const start = performance.now();
      parser.write(chunk);
      options.timings.add("read: parse JSON", performance.now() - start);
    }
    else if (!isWhitespace(chunk)) error ??= new Error("text after the end of the document");
    if (error) break;
    if (pending.length > 0) {
      const records = pending;
      pending = [];
      await onRecords(records);
    }
    options.onBytes?.(bytes);
  }
  // A number at the very end is complete only when the text ends.
  if (!error && root === undefined) parser.end();
  if (error || root === undefined) await syntaxError(options.wholeText, error);
  const value = root!.value;
  return { head: value !== null && typeof value === "object" && !Array.isArray(value) ? head : value, repeated };
}

async function syntaxError(wholeText: () => Promise<string>, error: Error | undefined): Promise<never> {
  // The streaming parser's messages name its own states; the one-shot parser says where
  // and what in the words every other path uses. Only a malformed file is read whole.
  parseDatasetJson(await wholeText());
  throw new DatasetSyntaxError(`Malformed JSON: ${error?.message ?? "the document is incomplete"}`, 1, 1);
}

function withoutByteOrderMark(chunk: Uint8Array | string): Uint8Array | string {
  if (typeof chunk === "string") return chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
  return chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
}

function isWhitespace(chunk: Uint8Array | string): boolean {
  const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  return text.trim() === "";
}
