// Reads a docketline/v1 document as a stream: each record is handed on as soon as it
// has been read and is then forgotten, so memory does not grow with the file. What is
// left is the document's head: its top-level fields, each list of records emptied.
//
// A streaming tokenizer builds every value a character at a time in JavaScript, several
// times slower than JSON.parse of the same text (decision 037). So the bytes are only
// scanned for where each value inside the two outer levels begins and ends, and each is
// given to JSON.parse, which checks all that the scanner does not look at: the scanner
// checks only the punctuation of the outer levels, and anything it finds out of place is
// left to parseDatasetJson to describe.
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
  const scanner = new Scanner();
  const toBytes = textToBytes();
  let error: Error | undefined;
  const scan = (work: () => void) => {
    const start = performance.now();
    try {
      work();
    } catch (e) {
      error = e as Error;
    }
    options.timings.add("read: parse JSON", performance.now() - start);
    return error === undefined;
  };
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
    if (!scan(() => scanner.write(toBytes(chunk)))) break;
    const records = scanner.take();
    if (records.length > 0) await onRecords(records);
    options.onBytes?.(bytes);
  }
  // A number at the very end is complete only when the text ends.
  if (!error) scan(() => scanner.end(toBytes(null)));
  if (error || !scanner.document) await syntaxError(options.wholeText, error);
  return { head: scanner.document!.value, repeated: scanner.repeated };
}

async function syntaxError(wholeText: () => Promise<string>, error: Error | undefined): Promise<never> {
  // Neither the scanner nor JSON.parse of one value knows the line and column in the
  // file; the one-shot parser says where and what in the words every other path uses.
  // Only a malformed file is read whole.
  parseDatasetJson(await wholeText());
  throw new DatasetSyntaxError(`Malformed JSON: ${error?.message ?? "the document is incomplete"}`, 1, 1);
}

/** Each chunk as bytes; null for the end of the text. */
function textToBytes(): (chunk: Uint8Array | string | null) => Buffer {
  // Text chunks are cut by UTF-16 length, so one may end in the first half of a
  // character whose second half starts the next; alone, each half would encode as U+FFFD.
  let half = "";
  return (chunk) => {
    if (typeof chunk === "string") {
      const text = half + chunk;
      const last = text.charCodeAt(text.length - 1);
      half = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : "";
      return Buffer.from(half ? text.slice(0, -1) : text, "utf8");
    }
    const bytes = chunk === null ? Buffer.alloc(0) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const before = half;
    half = "";
    return before ? Buffer.concat([Buffer.from(before, "utf8"), bytes]) : bytes;
  };
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const BYTE_ORDER_MARK = [0xef, 0xbb, 0xbf];

/** What may come next between values: the scanner's whole grammar. */
const enum Next {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
  Nothing,
}

/** An array or object opened at one of the two outer levels. */
interface Level {
  array: boolean;
  /** The records' kind, for a list of records. */
  kind: RecordKind | undefined;
  /** The index of the array's next element. */
  index: number;
}

/**
 * The document's two outer levels, read as bytes arrive. Each value inside them (a
 * record, a field's value, an item of a list that is not one of records) is cut out
 * whole and parsed; records are kept until taken. Every array or object of the top
 * level is entered, not only the lists of records, so that a list under a misspelt name
 * is read in as little memory; the head keeps it emptied, as it keeps the records' lists.
 */
class Scanner {
  /** The document, once it has ended: the head when it is an object. */
  document: { value: unknown } | undefined;
  readonly repeated: string[] = [];
  private head: Record<string, unknown> = {};
  private records: StreamedRecord[] = [];
  private levels: Level[] = [];
  private next = Next.Value;
  /** The field of the document being read. */
  private key = "";
  /** Bytes of the byte-order mark read so far; 3 once past where it may be. */
  private mark = 0;
  private offset = 0;

  // The value (or key) being cut out: the bytes of it in earlier chunks, where it starts
  // in this one, and how far the scan of it has come.
  private cutting = false;
  private cuttingKey = false;
  private scalar = false;
  private pieces: Buffer[] = [];
  private from = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;

  take(): StreamedRecord[] {
    const records = this.records;
    this.records = [];
    return records;
  }

  write(bytes: Buffer) {
    const length = bytes.length;
    let at = 0;
    // Editors on Windows may save a byte-order mark; it is not part of the JSON.
    while (this.mark < 3 && at < length) {
      if (bytes[at] === BYTE_ORDER_MARK[this.mark]) {
        this.mark++;
        at++;
      } else if (this.mark === 0) this.mark = 3;
      else throw this.unexpected(bytes, at);
    }
    if (this.cutting) at = this.cut(bytes, at);
    while (at < length) {
      const c = bytes[at];
      if (c === SPACE || c === LINE_FEED || c === RETURN || c === TAB) {
        at++;
        continue;
      }
      switch (this.next) {
        case Next.ValueOrClose:
        case Next.Value:
          if (c === CLOSE_BRACKET && this.next === Next.ValueOrClose) {
            this.close();
            at++;
          } else at = this.value(bytes, at);
          break;
        case Next.KeyOrClose:
        case Next.Key:
          if (c === CLOSE_BRACE && this.next === Next.KeyOrClose) {
            this.close();
            at++;
          } else if (c === QUOTE) {
            this.begin(at, true, false, 0, true);
            at = this.cut(bytes, at + 1);
          } else throw this.unexpected(bytes, at);
          break;
        case Next.Colon:
          if (c !== COLON) throw this.unexpected(bytes, at);
          this.next = Next.Value;
          at++;
          break;
        case Next.CommaOrClose: {
          const level = this.levels[this.levels.length - 1];
          if (c === COMMA) this.next = level.array ? Next.Value : Next.Key;
          else if (c === (level.array ? CLOSE_BRACKET : CLOSE_BRACE)) this.close();
          else throw this.unexpected(bytes, at);
          at++;
          break;
        }
        case Next.Nothing:
          throw new Error(`text after the end of the document, at byte ${this.offset + at}`);
      }
    }
    this.offset += length;
  }

  /** The last bytes of the text: a number or literal still being cut out is whole. */
  end(bytes: Buffer) {
    this.write(bytes);
    if (this.cutting && this.scalar) this.cutOut(Buffer.alloc(0), 0);
  }

  /** Takes the value that starts at `at`: an array or object of the outer levels is entered, any other value cut out. */
  private value(bytes: Buffer, at: number): number {
    const c = bytes[at];
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (this.levels.length < 2) {
        this.open(c === OPEN_BRACKET);
        return at + 1;
      }
      this.begin(at, false, false, 1, false);
      return this.cut(bytes, at + 1);
    }
    if (c === QUOTE) {
      this.begin(at, false, false, 0, true);
      return this.cut(bytes, at + 1);
    }
    if (c === COMMA || c === COLON || c === CLOSE_BRACE || c === CLOSE_BRACKET) throw this.unexpected(bytes, at);
    // A number or a literal: JSON.parse says whether it is one.
    this.begin(at, false, true, 0, false);
    return this.cut(bytes, at);
  }

  private begin(at: number, key: boolean, scalar: boolean, depth: number, inString: boolean) {
    this.cutting = true;
    this.cuttingKey = key;
    this.scalar = scalar;
    this.from = at;
    this.depth = depth;
    this.inString = inString;
    this.escaped = false;
  }

  /**
   * Scans the value being cut out from `at`, and parses it if it ends in these bytes.
   * Returns where the scan stopped: after the value, or at the end of the bytes.
   */
  private cut(bytes: Buffer, at: number): number {
    const length = bytes.length;
    if (this.scalar) {
      while (at < length && !endsScalar(bytes[at])) at++;
      return at < length ? this.cutOut(bytes, at) : this.carry(bytes);
    }
    // Inside strings only the quote that closes them matters, and indexOf finds it
    // faster than a loop over every byte; the backslashes before it say if it does.
    // Brackets are only counted: JSON.parse of the value checks that they match.
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    while (at < length) {
      if (inString) {
        if (escaped) {
          escaped = false;
          at++;
          continue;
        }
        const quote = bytes.indexOf(QUOTE, at);
        if (quote < 0) {
          escaped = endsInBackslash(bytes, length, at);
          at = length;
          break;
        }
        const closes = !endsInBackslash(bytes, quote, at);
        at = quote + 1;
        if (!closes) continue;
        inString = false;
        if (depth === 0) return this.cutOut(bytes, at);
        continue;
      }
      const c = bytes[at++];
      if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return this.cutOut(bytes, at);
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return this.carry(bytes);
  }

  /** Keeps this chunk's part of a value that goes on in the next. */
  private carry(bytes: Buffer): number {
    if (this.from < bytes.length) this.pieces.push(bytes.subarray(this.from));
    this.from = 0;
    return bytes.length;
  }

  private cutOut(bytes: Buffer, end: number): number {
    // A value is decoded only once it is whole, so a character split between chunks is too.
    const text =
      this.pieces.length === 0 ? bytes.toString("utf8", this.from, end) : Buffer.concat([...this.pieces, bytes.subarray(0, end)]).toString("utf8");
    this.pieces = [];
    this.cutting = false;
    const value = JSON.parse(text);
    if (!this.cuttingKey) this.parsed(value);
    else {
      // A key of an object inside a field is only checked: the object is emptied.
      if (this.levels.length === 1) this.key = value;
      this.next = Next.Colon;
    }
    return end;
  }

  private open(array: boolean) {
    const parent = this.levels[0];
    const records = parent !== undefined && !parent.array && array && KINDS.has(this.key);
    this.levels.push({ array, kind: records ? (this.key as RecordKind) : undefined, index: 0 });
    this.next = array ? Next.ValueOrClose : Next.KeyOrClose;
  }

  private close() {
    const level = this.levels.pop()!;
    this.parsed(level.array ? [] : this.levels.length === 0 ? this.head : {});
  }

  /** A value of the outer levels, whole. */
  private parsed(value: unknown) {
    const level = this.levels[this.levels.length - 1];
    if (level === undefined) {
      this.document = { value };
      this.next = Next.Nothing;
      return;
    }
    if (level.kind) this.records.push({ kind: level.kind, index: level.index, raw: value });
    else if (this.levels.length === 1 && !level.array) this.field(value);
    level.index++;
    this.next = Next.CommaOrClose;
  }

  /** A field of the head, an own property as JSON.parse makes it, even "__proto__". */
  private field(value: unknown) {
    if (Object.hasOwn(this.head, this.key)) this.repeated.push(this.key);
    Object.defineProperty(this.head, this.key, { value, enumerable: true, writable: true, configurable: true });
  }

  private unexpected(bytes: Buffer, at: number): Error {
    return new Error(`unexpected byte 0x${bytes[at].toString(16)} at byte ${this.offset + at}`);
  }
}

/** Whether `c` cannot be part of a number or literal (JSON.parse checks the rest). */
function endsScalar(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === SPACE || c === LINE_FEED || c === RETURN || c === TAB;
}

/** Whether the bytes from `from` up to `end` end in an odd number of backslashes: the next byte is escaped. */
function endsInBackslash(bytes: Buffer, end: number, from: number): boolean {
  let at = end;
  while (at > from && bytes[at - 1] === BACKSLASH) at--;
  return (end - at) % 2 === 1;
}
