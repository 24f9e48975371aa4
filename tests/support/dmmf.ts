// Prisma's own reading of prisma/schema.prisma (the DMMF), without the native schema
// engine: the Prisma CLI ships the schema parser as WebAssembly
// (node_modules/prisma/build/prisma_schema_build_bg.wasm) and bundles its JS glue
// inside cli.js, which exports nothing. This is the few lines of that wasm-bindgen glue
// needed to call `get_dmmf`. If a Prisma upgrade changes the wasm's imports, loading
// fails loudly here rather than letting the schema test pass without comparing.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  type: string;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  /** Unsupported("…") fields, which the DMMF leaves out; read from the schema text. */
  unsupportedFields: UnsupportedField[];
  primaryKey: { name: string | null; fields: string[] } | null;
  uniqueFields: string[][];
}

export interface UnsupportedField {
  name: string;
  dbName: string | null;
  /** The database type as written: Unsupported("tsvector") → "tsvector". */
  type: string;
  isRequired: boolean;
  /** The expression of @default(dbgenerated("…")), if any. */
  dbDefault: string | null;
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface DmmfIndex {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  isDefinedOnField: boolean;
  /** Index access method: "BTree" when absent, "Gin", "Gist", "Hash", "SpGist", "Brin". */
  algorithm?: string;
  dbName?: string;
  name?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

interface SchemaWasm {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(pointer: number, size: number, align: number): void;
  __externref_table_dealloc(index: number): void;
  __wbindgen_start(): void;
  get_dmmf(pointer: number, length: number): [number, number, number, number];
}

let instance: SchemaWasm | undefined;

function loadSchemaWasm(): SchemaWasm {
  if (instance) return instance;
  const prismaDir = path.dirname(createRequire(import.meta.url).resolve("prisma/package.json"));
  const bytes = readFileSync(path.join(prismaDir, "build", "prisma_schema_build_bg.wasm"));
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
  // The imports below run once the instance exists; they reach it through this holder.
  const holder: { wasm?: SchemaWasm } = {};
  const text = (pointer: number, length: number) =>
    decoder.decode(new Uint8Array(holder.wasm!.memory.buffer).subarray(pointer >>> 0, (pointer >>> 0) + length));
  let panic = "";
  const imports: Record<string, (...args: number[]) => unknown> = {};
  const wasmModule = new WebAssembly.Module(bytes);
  // wasm-bindgen suffixes its imports with a hash; match them by their stable prefix.
  for (const { name } of WebAssembly.Module.imports(wasmModule)) {
    if (name.startsWith("__wbg_set_message_")) imports[name] = (p, l) => void (panic = text(p, l));
    else if (name.startsWith("__wbg_Error_")) imports[name] = (p, l) => new Error(`${text(p, l)}${panic ? `\n${panic}` : ""}`);
    else if (name.startsWith("__wbg___wbindgen_throw_")) imports[name] = (p, l) => {
      throw new Error(text(p, l));
    };
    else if (name === "__wbindgen_init_externref_table") imports[name] = () => {
      const table = holder.wasm!.__wbindgen_externrefs;
      const offset = table.grow(4);
      table.set(0, undefined);
      table.set(offset + 0, undefined);
      table.set(offset + 1, null);
      table.set(offset + 2, true);
      table.set(offset + 3, false);
    };
    else throw new Error(`prisma_schema_build_bg.wasm needs an import this glue does not know: ${name}`);
  }
  const wasm = new WebAssembly.Instance(wasmModule, { __wbindgen_placeholder__: imports }).exports as unknown as SchemaWasm;
  holder.wasm = wasm;
  wasm.__wbindgen_start();
  instance = wasm;
  return wasm;
}

/** Prisma's DMMF datamodel of a schema; throws Prisma's validation error for an invalid one. */
export function getDatamodel(schema: string, fileName = "schema.prisma"): Datamodel {
  const wasm = loadSchemaWasm();
  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: [[fileName, schema]], noColor: true }));
  const pointer = wasm.__wbindgen_malloc(input.length, 1) >>> 0;
  new Uint8Array(wasm.memory.buffer).set(input, pointer);
  const [outPointer, outLength, errorIndex, failed] = wasm.get_dmmf(pointer, input.length);
  if (failed) {
    const error = wasm.__wbindgen_externrefs.get(errorIndex) as unknown;
    wasm.__externref_table_dealloc(errorIndex);
    throw error instanceof Error ? error : new Error(String(error));
  }
  try {
    const json = new TextDecoder().decode(new Uint8Array(wasm.memory.buffer).subarray(outPointer >>> 0, (outPointer >>> 0) + outLength));
    const datamodel = (JSON.parse(json) as { datamodel: Datamodel }).datamodel;
    const unsupported = unsupportedFieldsOf(schema);
    for (const model of datamodel.models) model.unsupportedFields = unsupported.get(model.name) ?? [];
    return datamodel;
  } finally {
    wasm.__wbindgen_free(outPointer, outLength, 1);
  }
}

/** Unsupported("…") fields by model. The schema is valid by now (get_dmmf accepted it). */
function unsupportedFieldsOf(schema: string): Map<string, UnsupportedField[]> {
  const result = new Map<string, UnsupportedField[]>();
  const withoutComments = schema.replace(/\/\/[^\n]*/g, "");
  for (const block of withoutComments.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
    const fields: UnsupportedField[] = [];
    for (const line of block[2].matchAll(/^\s*(\w+)\s+Unsupported\("((?:[^"\\]|\\.)*)"\)(\?)?([^\n]*)$/gm)) {
      const [, name, type, optional, attributes] = line;
      fields.push({
        name,
        dbName: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? null,
        type: JSON.parse(`"${type}"`) as string,
        isRequired: !optional,
        dbDefault: /@default\(dbgenerated\("((?:[^"\\]|\\.)*)"\)\)/.exec(attributes)?.[1] ?? null,
      });
    }
    result.set(block[1], fields);
  }
  return result;
}
