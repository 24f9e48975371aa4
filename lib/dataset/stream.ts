// Reads a docketline/v1 document as a stream: each record is handed on as soon as it
// has been read and is then forgotten, so memory does not grow with the file. What is
// left is the document's head: its top-level fields, each list of records emptied.
//
// The document's outline (the top-level object, its keys, the lists of records) is
// read here, character by character; each record, and each other top-level value, is
// found whole in the text and given to JSON.parse, which checks it (decision 030: a
// streaming tokenizer in JavaScript read 48 MB/s here, JSON.parse several times that).
import { StringDecoder } from "node:string_decoder";

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
  options: { wholeText: () => Promise<string>; onBytes?: (bytes: number) => void; timings?: ImportTimings },
): Promise<{ head: unknown; repeated: string[] }> {
  const reader = new OutlineReader();
  const decoder = new StringDecoder("utf8");
  let bytes = 0;
  let first = true;
  for await (const chunk of chunks) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    let text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    // Editors on Windows may save a byte-order mark; it is not part of the JSON.
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const start = performance.now();
    reader.write(text);
    options.timings?.add("read: parse JSON", performance.now() - start);
    if (reader.failed) break;
    const records = reader.take();
    if (records.length > 0) await onRecords(records);
    options.onBytes?.(bytes);
  }
  if (!reader.failed) {
    reader.write(decoder.end());
    reader.end();
  }
  if (reader.failed || !reader.done) await syntaxError(options.wholeText, reader.failed);
  const records = reader.take();
  if (records.length > 0) await onRecords(records);
  return { head: reader.head(), repeated: reader.repeated };
}

async function syntaxError(wholeText: () => Promise<string>, failed: string | null): Promise<never> {
  // The outline reader does not say where; the one-shot parser says where and what in
  // the words every other path uses. Only a malformed file is read whole.
  parseDatasetJson(await wholeText());
  throw new DatasetSyntaxError(`Malformed JSON: ${failed ?? "the document is incomplete"}`, 1, 1);
}

const enum Char {
  Tab = 0x09,
  LineFeed = 0x0a,
  Return = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Comma = 0x2c,
  Colon = 0x3a,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

const isSpace = (c: number) => c === Char.Space || c === Char.LineFeed || c === Char.Return || c === Char.Tab;

/** Where the reader is in the document's outline. */
type State =
  | "root" // before the document's value
  | "key-or-end" // after "{": a key or "}"
  | "key" // after ",": a key
  | "colon"
  | "value" // a top-level field's value
  | "comma-or-end" // after a field: "," or "}"
  | "element-or-end" // after "[" of a list: an element or "]"
  | "element" // after ",": an element
  | "element-comma-or-end" // after an element: "," or "]"
  | "after"; // after the document's value: only white space

/**
 * The document's outline, read as text arrives. Each value found whole is parsed with
 * JSON.parse; records of the lists named in RECORD_KINDS are kept until taken, with
 * their kind and index; every other top-level value is kept in the head, emptied when it
 * is an array or an object (as the records' lists are).
 */
class OutlineReader {
  failed: string | null = null;
  done = false;
  readonly repeated: string[] = [];
  private text = "";
  private pos = 0;
  private state: State = "root";
  private ended = false;
  /** The document is an object (its fields go to the head), or a list or a single value. */
  private rootKind: "object" | "array" | "value" | null = null;
  private rootValue: unknown;
  private fields: Record<string, unknown> = {};
  private key = "";
  private kind: RecordKind | null = null;
  private index = 0;
  private records: StreamedRecord[] = [];
  /** A value being scanned across chunks: where its scan stopped, and its depth there. */
  private scan: { at: number; depth: number } | null = null;

  write(text: string) {
    if (this.failed) return;
    this.text = this.pos > 0 ? this.text.slice(this.pos) + text : this.text + text;
    if (this.scan) this.scan.at -= this.pos;
    this.pos = 0;
    this.advance();
  }

  end() {
    this.ended = true;
    if (!this.failed) this.advance();
    if (!this.failed && !this.done) this.fail("the document is incomplete");
  }

  take(): StreamedRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }

  head(): unknown {
    return this.rootKind === "object" ? this.fields : this.rootValue;
  }

  private fail(message: string) {
    this.failed ??= message;
  }

  /** Moves through the text as far as it goes; stops where it needs more. */
  private advance() {
    const text = this.text;
    for (;;) {
      let c = -1;
      while (this.pos < text.length && isSpace((c = text.charCodeAt(this.pos)))) this.pos++;
      if (this.pos >= text.length) {
        if (this.ended && this.state === "after") this.done = true;
        return;
      }
      switch (this.state) {
        case "root":
          if (c === Char.OpenBrace) {
            this.rootKind = "object";
            this.pos++;
            this.state = "key-or-end";
          } else if (c === Char.OpenBracket) {
            // A list for a document: its items are checked and dropped, as the records are.
            this.rootKind = "array";
            this.rootValue = [];
            this.kind = null;
            this.pos++;
            this.state = "element-or-end";
          } else {
            const value = this.value();
            if (value === NEED_MORE) return;
            if (value === FAILED) return;
            this.rootKind = "value";
            this.rootValue = value.parsed;
            this.state = "after";
          }
          break;
        case "key-or-end":
        case "key": {
          if (c === Char.CloseBrace && this.state === "key-or-end") {
            this.pos++;
            this.state = "after";
            break;
          }
          if (c !== Char.Quote) return this.fail("a field name was expected");
          const end = stringEnd(text, this.pos);
          if (end < 0) return this.needMore();
          const key = this.parse(text.slice(this.pos, end));
          if (key === FAILED) return;
          this.key = key as string;
          this.pos = end;
          this.state = "colon";
          break;
        }
        case "colon":
          if (c !== Char.Colon) return this.fail("a colon was expected");
          this.pos++;
          this.state = "value";
          break;
        case "value": {
          if (c === Char.OpenBracket && KINDS.has(this.key)) {
            this.setField([]);
            this.kind = this.key as RecordKind;
            this.index = 0;
            this.pos++;
            this.state = "element-or-end";
            break;
          }
          const value = this.value();
          if (value === NEED_MORE || value === FAILED) return;
          this.setField(emptied(value.parsed));
          this.state = "comma-or-end";
          break;
        }
        case "comma-or-end":
          if (c === Char.Comma) {
            this.pos++;
            this.state = "key";
          } else if (c === Char.CloseBrace) {
            this.pos++;
            this.state = "after";
          } else return this.fail("a comma or a closing brace was expected");
          break;
        case "element-or-end":
        case "element": {
          if (c === Char.CloseBracket && this.state === "element-or-end") {
            this.pos++;
            this.state = this.rootKind === "array" ? "after" : "comma-or-end";
            break;
          }
          const value = this.value();
          if (value === NEED_MORE || value === FAILED) return;
          if (this.kind) this.records.push({ kind: this.kind, index: this.index++, raw: value.parsed });
          this.state = "element-comma-or-end";
          break;
        }
        case "element-comma-or-end":
          if (c === Char.Comma) {
            this.pos++;
            this.state = "element";
          } else if (c === Char.CloseBracket) {
            this.pos++;
            this.state = this.rootKind === "array" ? "after" : "comma-or-end";
          } else return this.fail("a comma or a closing bracket was expected");
          break;
        case "after":
          return this.fail("text after the end of the document");
      }
    }
  }

  /** A top-level field of the head: JSON.parse's own property, even for "__proto__"; the same field twice is noted. */
  private setField(value: unknown) {
    if (Object.hasOwn(this.fields, this.key)) this.repeated.push(this.key);
    Object.defineProperty(this.fields, this.key, { value, enumerable: true, writable: true, configurable: true });
  }

  private needMore() {
    if (this.ended) this.fail("the document is incomplete");
  }

  /** The value at `pos`, parsed, once all of it has arrived. */
  private value(): { parsed: unknown } | typeof NEED_MORE | typeof FAILED {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    let end: number;
    if (c === Char.OpenBrace || c === Char.OpenBracket) {
      const scan = this.scan ?? { at: start, depth: 0 };
      end = containerEnd(text, scan);
      this.scan = end < 0 ? scan : null;
    } else if (c === Char.Quote) {
      end = stringEnd(text, start);
    } else {
      // A number or a literal runs to the next delimiter, or to the end of the text.
      end = start;
      while (end < text.length && !isDelimiter(text.charCodeAt(end))) end++;
      if (end === text.length && !this.ended) end = -1;
    }
    if (end < 0) {
      this.needMore();
      return this.failed ? FAILED : NEED_MORE;
    }
    const parsed = this.parse(text.slice(start, end));
    if (parsed === FAILED) return FAILED;
    this.pos = end;
    return { parsed };
  }

  private parse(json: string): unknown {
    try {
      return JSON.parse(json);
    } catch (error) {
      this.fail((error as Error).message);
      return FAILED;
    }
  }
}

const NEED_MORE = Symbol("need more");
const FAILED = Symbol("failed");

const isDelimiter = (c: number) => isSpace(c) || c === Char.Comma || c === Char.CloseBrace || c === Char.CloseBracket || c === Char.Colon;

/** A top-level value as the head keeps it: a list or an object without its items. */
function emptied(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === "object") return {};
  return value;
}

/** The index after the string that opens at `quote`, or -1 when it has not all arrived. */
function stringEnd(text: string, quote: number): number {
  let at = quote;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === Char.Backslash) backslashes++;
    if (backslashes % 2 === 0) return at + 1;
  }
}

/**
 * The index after the array or object whose scan is at `scan` (its opening bracket, or
 * where an earlier call stopped), or -1 with `scan` moved to where it stopped. Brackets
 * are only counted here; JSON.parse then checks that they match and all the rest.
 */
function containerEnd(text: string, scan: { at: number; depth: number }): number {
  let { at, depth } = scan;
  const length = text.length;
  while (at < length) {
    const c = text.charCodeAt(at);
    if (c === Char.Quote) {
      const end = stringEnd(text, at);
      if (end < 0) break;
      at = end;
      continue;
    }
    if (c === Char.OpenBrace || c === Char.OpenBracket) depth++;
    else if (c === Char.CloseBrace || c === Char.CloseBracket) {
      if (--depth === 0) return at + 1;
    }
    at++;
  }
  scan.at = at;
  scan.depth = depth;
  return -1;
}
