// streamDataset through its interface: the records and head of a document do not depend
// on where its chunks are cut (inside a character, an escape, a record), they are what
// JSON.parse of the whole text says, and malformed text anywhere is reported as the
// one-shot parser reports it, with its line and column.
import { describe, expect, it } from "vitest";

import { generateDataset } from "@/lib/dataset/generate";
import { serializeDataset } from "@/lib/dataset/export";
import { RECORD_KINDS } from "@/lib/dataset/import-kinds";
import { streamDataset, type StreamedRecord } from "@/lib/dataset/stream";
import type { ImportTimings } from "@/lib/dataset/timings";
import { DatasetSyntaxError, parseDatasetJson } from "@/lib/dataset/validate";

type Chunk = Uint8Array | string;

interface Read {
  head: unknown;
  repeated: string[];
  records: StreamedRecord[];
}

const noTimings = { add: () => {} } as unknown as ImportTimings;

/** Reads `chunks` (the document `text`, cut somewhere) with streamDataset. */
async function read(chunks: Chunk[], text = joined(chunks), timings = noTimings): Promise<Read> {
  const records: StreamedRecord[] = [];
  async function* source() {
    yield* chunks;
  }
  const { head, repeated } = await streamDataset(source(), async (batch) => void records.push(...batch), { wholeText: async () => text, timings });
  return { head, repeated, records };
}

function joined(chunks: Chunk[]): string {
  return chunks.map((chunk) => (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"))).join("");
}

/** The text's bytes cut in two at `at`. */
function cutBytes(text: string, at: number): Chunk[] {
  const bytes = Buffer.from(text, "utf8");
  return [bytes.subarray(0, at), bytes.subarray(at)];
}

/** What a reader of the whole text finds: JSON.parse's value, each array or object of the head emptied and each record list's items taken out as records. */
function oracle(text: string): Read {
  const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
  if (value === null || typeof value !== "object") return { head: value, repeated: [], records: [] };
  if (Array.isArray(value)) return { head: [], repeated: [], records: [] };
  const head: Record<string, unknown> = {};
  const records: StreamedRecord[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field) && (RECORD_KINDS as readonly string[]).includes(key)) {
      field.forEach((raw, index) => records.push({ kind: key as StreamedRecord["kind"], index, raw }));
    }
    const emptied = Array.isArray(field) ? [] : field !== null && typeof field === "object" ? {} : field;
    Object.defineProperty(head, key, { value: emptied, enumerable: true, writable: true, configurable: true });
  }
  return { head, repeated: [], records };
}

/** The message parseDatasetJson gives for `text`: what the user must see however the text arrives. */
function oneShotError(text: string): DatasetSyntaxError {
  try {
    parseDatasetJson(text);
  } catch (error) {
    return error as DatasetSyntaxError;
  }
  throw new Error(`parseDatasetJson accepts ${JSON.stringify(text)}`);
}

async function readError(chunks: Chunk[], text = joined(chunks)): Promise<DatasetSyntaxError> {
  try {
    await read(chunks, text);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetSyntaxError);
    return error as DatasetSyntaxError;
  }
  throw new Error(`streamDataset accepts ${JSON.stringify(text)}`);
}

// Every place a cut can fall badly: characters of two, three and four bytes, escapes of
// a quote, of a backslash (also last in a string, and twice before a quote) and of a
// character, a pair of escaped surrogates, brackets and commas inside strings, records
// that are arrays, objects, strings and numbers, a head field that is an object, and a
// record list that is not an array.
const DOCUMENT = `{"format":"docketline/v1","title":"Caf\u00e9 \u65e5\u672c \u{1f600}","description":"C:\\\\","meta":{"a":[1,{"b":"]"}],"c":"}"},
 "courts" : [ {"id":"c-1","name":"quote \\" and \\\\ and \\u00e9 and \\ud83d\\ude00","list":[[],{},[{"x":"[{,:"}]]} ,
  {"id":"c:\\\\","n":-12.5e3,"t":true,"f":false,"z":null,"s":"\\\\\\"","e":"\u00e9\u{1f600}"}],
\t"filings":[ "a string record", 42, [1,[2,[3]]], {"nested":{"deep":{"deeper":["}]\\"["]}}}, {"path":"C:\\\\"}, {"brace":"}"} ],
\r\n"lawsuits":{"not":"an array"},"coding":7,"officials":[]}`;

describe("The same document cut anywhere", () => {
  const whole = DOCUMENT;

  it("is what JSON.parse of the whole text says", async () => {
    const expected = oracle(whole);
    expect((expected.head as Record<string, unknown>).lawsuits).toEqual({});
    expect(expected.records.length).toBe(8);
    expect(await read([whole])).toEqual(expected);
    expect(await read([Buffer.from(whole, "utf8")])).toEqual(expected);
  });

  it("in two at every byte, inside characters and escapes, gives the same records and head", async () => {
    const expected = oracle(whole);
    const length = Buffer.byteLength(whole);
    for (let at = 0; at <= length; at++) {
      expect(await read(cutBytes(whole, at), whole), `cut at byte ${at}`).toEqual(expected);
    }
  });

  it("in two at every UTF-16 position, between the halves of a surrogate pair too, gives the same", async () => {
    const expected = oracle(whole);
    expect(whole).toMatch(/[\ud800-\udbff][\udc00-\udfff]/);
    for (let at = 0; at <= whole.length; at++) {
      expect(await read([whole.slice(0, at), whole.slice(at)], whole), `cut at ${at}`).toEqual(expected);
    }
  });

  it("one byte at a time, or one character at a time, gives the same", async () => {
    const expected = oracle(whole);
    const bytes = Buffer.from(whole, "utf8");
    expect(await read([...bytes].map((byte) => Uint8Array.of(byte)), whole)).toEqual(expected);
    expect(await read(whole.split(""), whole)).toEqual(expected);
  });

  it("with a byte-order mark cut from its document, or split in its own bytes, gives the same", async () => {
    const expected = oracle(whole);
    const text = `\uFEFF${whole}`;
    for (let at = 0; at <= 5; at++) expect(await read(cutBytes(text, at), text), `cut at byte ${at}`).toEqual(expected);
    expect(await read([text])).toEqual(expected);
  });

  it("gives a generated dataset's records, in odd chunks, as JSON.parse does", async () => {
    const text = serializeDataset(generateDataset({ filings: 40, seed: 3 }));
    const bytes = Buffer.from(text, "utf8");
    const chunks: Chunk[] = [];
    for (let at = 0, size = 1; at < bytes.length; at += size, size = (size * 7) % 61) chunks.push(bytes.subarray(at, at + size));
    const got = await read(chunks, text);
    expect(got.records.filter((r) => r.kind === "filings").length).toBe(40);
    expect(got).toEqual(oracle(text));
  });
});

describe("White space", () => {
  it("of every kind JSON allows, anywhere between values, changes nothing", async () => {
    const compact = '{"title":"t","filings":[{"id":"a","n":[1,2]},3],"x":{"y":[]}}';
    const spaced = ' \r\n\t{ "title" :\t"t" ,\n"filings"\r: [ { "id" : "a" , "n" : [ 1 , 2 ] } ,\n3 ] , "x" : { "y" : [ ] } }\n\t ';
    expect(await read([spaced])).toEqual(await read([compact]));
    expect(await read([spaced])).toEqual(oracle(compact));
  });

  it("after the document, even in chunks of its own, is allowed", async () => {
    expect(await read(['{"title":"t"}', "  \n", "\t\r\n"])).toEqual({ head: { title: "t" }, repeated: [], records: [] });
  });
});

describe("The head", () => {
  it("keeps a record list that is not an array as it is, an object emptied, and no records of it", async () => {
    for (const [value, head] of [
      ["{}", {}],
      ['{"a":{"b":1},"c":[2]}', {}],
      ["3", 3],
      ['"x"', "x"],
      ["null", null],
      ["true", true],
    ] as const) {
      const text = `{"filings":${value},"courts":[{"id":"c"}]}`;
      expect(await read([text]), value).toEqual({ head: { filings: head, courts: [] }, repeated: [], records: [{ kind: "courts", index: 0, raw: { id: "c" } }] });
    }
  });

  it("names each top-level field given more than once, keeps the last value, and reads the records of every list", async () => {
    const text = '{"title":"a","filings":[1],"title":"b","filings":[2,3],"format":"x","title":"c"}';
    expect(await read([text])).toEqual({
      head: { title: "c", filings: [], format: "x" },
      repeated: ["title", "filings", "title"],
      records: [
        { kind: "filings", index: 0, raw: 1 },
        { kind: "filings", index: 0, raw: 2 },
        { kind: "filings", index: 1, raw: 3 },
      ],
    });
  });

  it("is the whole value of a document that is a number, a string or a literal, even a number cut between chunks", async () => {
    for (const text of ["12", " -3.5e2 ", '"x"', "null", "true", "false", '"\\u00e9"']) {
      expect(await read([text]), text).toEqual({ head: JSON.parse(text), repeated: [], records: [] });
    }
    expect(await read(["1", "2"])).toEqual({ head: 12, repeated: [], records: [] });
    expect(await read(["12", "", "3"])).toEqual({ head: 123, repeated: [], records: [] });
  });

  it("of a document that is an array is an empty array, with no records even of lists inside it", async () => {
    expect(await read(['[1,[2],{"filings":[3]},"x"]'])).toEqual({ head: [], repeated: [], records: [] });
    expect(await read(["[]"])).toEqual({ head: [], repeated: [], records: [] });
  });

  it("reads a key written with escapes as JSON.parse does", async () => {
    const got = await read(['{"fil\\u0069ngs":[{"id":"a"}],"ti\\"tle":1}']);
    expect(got).toEqual({ head: { filings: [], 'ti"tle': 1 }, repeated: [], records: [{ kind: "filings", index: 0, raw: { id: "a" } }] });
  });

  it("holds a record's own fields and its head's, and does not drop an array's items, for any brackets inside strings", async () => {
    const text = '{"filings":[{"a":"}","b":"]","c":"{[","d":"\\"}"},{"e":["]]]",{"f":"}}}"}]}]}';
    expect(await read([text])).toEqual(oracle(text));
  });
});

describe("The records", () => {
  it("of each chunk are handed on before the next chunk is read, with their index in their list", async () => {
    const events: string[] = [];
    const chunks = ['{"courts":[{"id":"a"},', '{"id":"b"}', ',{"id":"c"}],"filings":[1,2', ",3 ", "]}"];
    async function* source() {
      for (const [i, chunk] of chunks.entries()) {
        events.push(`chunk ${i}`);
        yield chunk;
      }
    }
    await streamDataset(
      source(),
      async (records) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(records.map((r) => `${r.kind}[${r.index}]`).join(" "));
      },
      { wholeText: async () => chunks.join(""), timings: noTimings },
    );
    // A number is whole only once what follows it is read: 2 with the comma, 3 with the space.
    expect(events).toEqual(["chunk 0", "courts[0]", "chunk 1", "courts[1]", "chunk 2", "courts[2] filings[0]", "chunk 3", "filings[1] filings[2]", "chunk 4"]);
  });

  it("keep a \"__proto__\" key as an own field, and none changes a prototype", async () => {
    const text = '{"__proto__":{"polluted":1},"filings":[{"__proto__":{"polluted":2},"id":"a"}]}';
    const { head, records } = await read([text]);
    expect(Object.getPrototypeOf(head)).toBe(Object.prototype);
    expect(Object.hasOwn(head as object, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(head, "__proto__")?.value).toEqual({});
    const raw = records[0].raw as object;
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(raw, "__proto__")?.value).toEqual({ polluted: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("Progress and timings", () => {
  it("say the bytes read after each chunk, and the time spent parsing", async () => {
    const progress: number[] = [];
    const phases = new Set<string>();
    const timings = { add: (phase: string) => phases.add(phase) } as unknown as ImportTimings;
    const chunks = ['{"title":"\u00e9",', Buffer.from('"filings":[1]}'), "  "];
    async function* source() {
      yield* chunks;
    }
    await streamDataset(source(), async () => {}, { wholeText: async () => joined(chunks), onBytes: (bytes) => progress.push(bytes), timings });
    expect(progress).toEqual([14, 28, 30]);
    expect([...phases]).toEqual(["read: parse JSON"]);
  });
});

// Each is malformed in one place; wherever the text is cut, the user is told what
// parseDatasetJson says of the whole text: where (line and column) and what.
const MALFORMED: [string, string, string][] = [
  ["a missing comma between records", '{"filings":[{"id":"a"}\n {"id":"b"}]}', "Malformed JSON at line 2, column 2: comma expected"],
  ["a trailing comma after the last record", '{"filings":[{"id":"a"},]}', "Malformed JSON at line 1, column 24: a value was expected here"],
  ["a trailing comma after the last field", '{"title":"x",}', "Malformed JSON at line 1, column 14: property name expected"],
  ["a trailing comma inside a record", '{"filings":[{"id":"a",}]}', "Malformed JSON at line 1, column 23: property name expected"],
  ["an unterminated string inside a record", '{"filings":[{"id":"a}]}', "Malformed JSON at line 1, column 19: unexpected end of string"],
  ["a bad escape inside a record", '{"filings":[{"id":"a\\x"}]}', "Malformed JSON at line 1, column 19: invalid escape character"],
  ["a bad escape inside a key", '{"ti\\tle":1,"fi\\q":2}', "Malformed JSON at line 1, column 13: invalid escape character"],
  ["a stray ] after the records", '{"filings":[{"id":"a"}]]}', "Malformed JSON at line 1, column 24: comma expected"],
  ["a stray ] for a field", '{"title":"x"]}', "Malformed JSON at line 1, column 13: comma expected"],
  ["a list closed by a brace", '{"filings":[{"id":"a"}}}', "Malformed JSON at line 1, column 23: comma expected"],
  ["a document closed by a bracket", '{"title":"x"]', "Malformed JSON at line 1, column 13: comma expected"],
  ["a ] closing a record's object", '{"filings":[{"id":"a"]}', "Malformed JSON at line 1, column 22: comma expected"],
  ["text after the end", '{"title":"x"}\n{}', "Malformed JSON at line 2, column 1: end of file expected"],
  ["a document cut off inside a record", '{"filings":[{"id":"a"},{"id"', "Malformed JSON at line 1, column 29: colon expected"],
  ["a document cut off after its last record", '{"filings":[{"id":"a"}', "Malformed JSON at line 1, column 23: close bracket expected"],
  ["no document", " \n ", "Malformed JSON at line 2, column 2: a value was expected here"],
  ["a number with a leading zero in a record", '{"filings":[01]}', "Malformed JSON at line 1, column 14: comma expected"],
  ["a misspelt literal", '{"title":nul}', "Malformed JSON at line 1, column 10: unexpected character"],
  ["a missing colon", '{"title" "x"}', "Malformed JSON at line 1, column 10: colon expected"],
  ["a key that is not a string", "{title:1}", "Malformed JSON at line 1, column 2: unexpected character"],
  ["a line break inside a string", '{"filings":["a\nb"]}', "Malformed JSON at line 1, column 13: unexpected end of string"],
];

describe("Malformed JSON", () => {
  it.each(MALFORMED)("with %s is reported where it is, however the text is cut", async (_, text, message) => {
    expect(oneShotError(text).message).toBe(message);
    expect(() => JSON.parse(text)).toThrow();
    const whole = await readError([text]);
    expect(whole.message).toBe(message);
    expect({ line: whole.line, column: whole.column }).toEqual({ line: oneShotError(text).line, column: oneShotError(text).column });
    for (let at = 0; at <= Buffer.byteLength(text); at++) {
      expect((await readError(cutBytes(text, at), text)).message, `cut at byte ${at}`).toBe(message);
    }
  });

  it("after the end, in a chunk of its own, is reported too", async () => {
    expect((await readError(['{"title":"x"}', " ", "x"])).message).toBe("Malformed JSON at line 1, column 15: unexpected character");
  });

  it("is found in what JSON.parse does not take for white space, after the end or before the document", async () => {
    for (const chunks of [['{"title":"x"}', "\u00a0"], ['{"title":"x"}', "\v"], [" ", "\uFEFF{}"], [Uint8Array.of(0xef, 0xbb), Buffer.from("{}")]]) {
      const text = joined(chunks);
      expect((await readError(chunks)).message, JSON.stringify(text)).toBe(oneShotError(text).message);
    }
  });

  it("that only the stream finds (the whole text, read again, parses) is still refused, with no place", async () => {
    const error = await readError(['{"title":}'], '{"title":1}');
    expect(error.message).toMatch(/^Malformed JSON: /);
    expect({ line: error.line, column: error.column }).toEqual({ line: 1, column: 1 });
  });
});
