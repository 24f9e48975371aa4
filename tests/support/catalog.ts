// Two descriptions of the same shape, to compare with one toEqual: what PostgreSQL
// would hold if Prisma's schema engine had migrated prisma/schema.prisma (from the
// DMMF, following Prisma's PostgreSQL conventions), and what the database holds (from
// pg_catalog). Any difference in a table, column, type, nullability, default, key,
// index, foreign key or enum shows up as a diff.
import type { Sql } from "@/lib/db/sql";

import type { Datamodel, DmmfField, DmmfModel } from "./dmmf";

export interface ColumnShape {
  type: string;
  nullable: boolean;
  /** "autoincrement", an SQL expression, or null for none. */
  default: string | null;
}

export interface IndexShape {
  name: string;
  columns: string[];
  /** The access method: "btree", "gin", … */
  method: string;
}

export interface ForeignKeyShape {
  name: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: IndexShape | null;
  uniqueIndexes: IndexShape[];
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
}

export interface CatalogShape {
  tables: Record<string, TableShape>;
  /** Enum type → its labels in declaration order (order matters: it is the sort order). */
  enums: Record<string, string[]>;
}

/** Tables that are not models: the migration runner's own bookkeeping. */
export const BOOKKEEPING_TABLES = ["_prisma_migrations"];

const byName = <T extends { name: string }>(items: T[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));

export function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

export function columnName(field: { name: string; dbName?: string | null }): string {
  return field.dbName ?? field.name;
}

function fieldOf(model: DmmfModel, name: string): { name: string; dbName?: string | null } {
  const field = model.fields.find((f) => f.name === name) ?? model.unsupportedFields.find((f) => f.name === name);
  if (!field) throw new Error(`${model.name} has no field ${name}`);
  return field;
}

/** PostgreSQL's format_type() of the column Prisma creates for a scalar or enum field. */
function columnType(model: DmmfModel, field: DmmfField, enumTypes: Map<string, string>): string {
  let base: string | undefined;
  if (field.kind === "enum") {
    base = enumTypes.get(field.type);
  } else {
    const [native, args] = field.nativeType ?? [undefined, [] as string[]];
    const key = `${field.type}:${native ?? ""}`;
    const types: Record<string, string | undefined> = {
      "String:": "text",
      "String:Text": "text",
      "String:Char": `character(${args[0] ?? 1})`,
      "String:VarChar": args[0] ? `character varying(${args[0]})` : "character varying",
      "String:Uuid": "uuid",
      "Int:": "integer",
      "Int:Integer": "integer",
      "Int:SmallInt": "smallint",
      "BigInt:": "bigint",
      "Boolean:": "boolean",
      "Float:": "double precision",
      "Decimal:": "numeric(65,30)",
      "Decimal:Decimal": `numeric(${args.join(",")})`,
      "DateTime:": "timestamp(3) without time zone",
      "DateTime:Timestamp": `timestamp(${args[0] ?? 3}) without time zone`,
      "DateTime:Timestamptz": `timestamp(${args[0] ?? 3}) with time zone`,
      "DateTime:Date": "date",
      "Json:": "jsonb",
      "Bytes:": "bytea",
    };
    base = types[key];
  }
  if (!base) throw new Error(`No PostgreSQL type known for ${model.name}.${field.name} (${field.type} ${JSON.stringify(field.nativeType)}): extend columnType in tests/support/catalog.ts`);
  return field.isList ? `${base}[]` : base;
}

function columnDefault(field: DmmfField, enumTypes: Map<string, string>): string | null {
  if (!field.hasDefaultValue) return null;
  const value = field.default as { name?: string } | undefined;
  if (value && typeof value === "object" && value.name === "autoincrement") return "autoincrement";
  if (value && typeof value === "object" && value.name === "now") return "CURRENT_TIMESTAMP";
  // An empty list default (String[] @default([])): PostgreSQL shows it with its type.
  if (Array.isArray(value) && value.length === 0 && field.isList && field.type === "String") return "ARRAY[]::text[]";
  // Literal defaults, as PostgreSQL prints them: 1, false, 'draft'::publication.
  if (typeof value === "number" && field.type === "Int") return String(value);
  if (typeof value === "boolean" && field.type === "Boolean") return String(value);
  if (typeof value === "string" && field.kind === "enum") return `'${value}'::${enumTypes.get(field.type)}`;
  // Any other literal never equals a database expression, so a new kind fails loudly.
  return `unmapped Prisma default ${JSON.stringify(value)}`;
}

const REFERENTIAL_ACTIONS = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" } as const;

/** What `prisma migrate` would create for the datamodel, in Prisma's default naming. */
export function expectedCatalog(datamodel: Datamodel): CatalogShape {
  const enumTypes = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const tables: Record<string, TableShape> = {};

  for (const model of datamodel.models) {
    const table = tableName(model);
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      columns[columnName(field)] = { type: columnType(model, field, enumTypes), nullable: !field.isRequired, default: columnDefault(field, enumTypes) };
    }
    for (const field of model.unsupportedFields) {
      columns[columnName(field)] = { type: field.type, nullable: !field.isRequired, default: field.dbDefault };
    }

    const indexOf = (type: string) =>
      datamodel.indexes
        .filter((index) => index.model === model.name && index.type === type)
        .map((index) => {
          const cols = index.fields.map((f) => columnName(fieldOf(model, f.name)));
          const suffix = type === "id" ? "pkey" : type === "unique" ? "key" : "idx";
          const defaultName = type === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`;
          return { name: index.dbName ?? defaultName, columns: cols, method: (index.algorithm ?? "BTree").toLowerCase() };
        });
    const unsupported = datamodel.indexes.filter((i) => i.model === model.name && !["id", "unique", "normal"].includes(i.type));
    if (unsupported.length) throw new Error(`Index types not handled by tests/support/catalog.ts: ${JSON.stringify(unsupported)}`);

    const foreignKeys: ForeignKeyShape[] = model.fields
      .filter((f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0)
      .map((relation) => {
        const target = models.get(relation.type)!;
        const from = relation.relationFromFields!.map((name) => model.fields.find((f) => f.name === name)!);
        const cols = from.map(columnName);
        const required = from.every((f) => f.isRequired);
        return {
          name: `${table}_${cols.join("_")}_fkey`,
          columns: cols,
          referencedTable: tableName(target),
          referencedColumns: relation.relationToFields!.map((name) => columnName(fieldOf(target, name))),
          // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
          onDelete: relation.relationOnDelete ?? (required ? "Restrict" : "SetNull"),
          onUpdate: relation.relationOnUpdate ?? "Cascade",
        };
      });

    tables[table] = {
      columns,
      primaryKey: indexOf("id")[0] ?? null,
      uniqueIndexes: byName(indexOf("unique")),
      indexes: byName(indexOf("normal")),
      foreignKeys: byName(foreignKeys),
    };
  }

  const enums = Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { tables, enums };
}

/** What the database's current schema holds, bookkeeping tables left out. */
export async function actualCatalog(sql: Sql): Promise<CatalogShape> {
  const columns = await sql<{ table: string; column: string; type: string; nullable: boolean; default: string | null }[]>`
    SELECT c.relname::text AS table, a.attname::text AS column, format_type(a.atttypid, a.atttypmod) AS type,
           NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> ALL(${BOOKKEEPING_TABLES})`;

  const indexes = await sql<{ table: string; name: string; method: string; primary: boolean; unique: boolean; columns: string[]; partial: boolean; expression: boolean }[]>`
    SELECT t.relname::text AS table, i.relname::text AS name, am.amname::text AS method, x.indisprimary AS primary, x.indisunique AS unique,
           -- The key columns only: an index's INCLUDE columns (a covering index, which
           -- Prisma cannot express) change what it can answer, not what it is keyed by.
           ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns,
           x.indpred IS NOT NULL AS partial, x.indexprs IS NOT NULL AS expression
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_am am ON am.oid = i.relam
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = current_schema() AND t.relname <> ALL(${BOOKKEEPING_TABLES})`;

  const foreignKeys = await sql<{ table: string; name: string; columns: string[]; referenced_table: string; referenced_columns: string[]; on_delete: string; on_update: string }[]>`
    SELECT t.relname::text AS table, c.conname::text AS name, r.relname::text AS referenced_table,
           ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns,
           c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_class r ON r.oid = c.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname <> ALL(${BOOKKEEPING_TABLES})`;

  const enumRows = await sql<{ name: string; labels: string[] }[]>`
    SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = current_schema()
    GROUP BY t.typname`;

  const tables: Record<string, TableShape> = {};
  const tableOf = (name: string) => (tables[name] ??= { columns: {}, primaryKey: null, uniqueIndexes: [], indexes: [], foreignKeys: [] });
  for (const c of columns) {
    const isSequence = c.default !== null && /^nextval\('.*'::regclass\)$/.test(c.default);
    tableOf(c.table).columns[c.column] = { type: c.type, nullable: c.nullable, default: isSequence ? "autoincrement" : c.default };
  }
  for (const index of indexes) {
    // Prisma cannot express partial or expression indexes: mark them so that they never match.
    const columns = [...index.columns, ...(index.partial ? ["(partial)"] : []), ...(index.expression ? ["(expression)"] : [])];
    const shape = { name: index.name, columns, method: index.method };
    const table = tableOf(index.table);
    if (index.primary) table.primaryKey = shape;
    else if (index.unique) table.uniqueIndexes.push(shape);
    else table.indexes.push(shape);
  }
  for (const fk of foreignKeys) {
    tableOf(fk.table).foreignKeys.push({
      name: fk.name,
      columns: fk.columns,
      referencedTable: fk.referenced_table,
      referencedColumns: fk.referenced_columns,
      onDelete: REFERENTIAL_ACTIONS[fk.on_delete as keyof typeof REFERENTIAL_ACTIONS] ?? fk.on_delete,
      onUpdate: REFERENTIAL_ACTIONS[fk.on_update as keyof typeof REFERENTIAL_ACTIONS] ?? fk.on_update,
    });
  }
  for (const table of Object.values(tables)) {
    table.uniqueIndexes = byName(table.uniqueIndexes);
    table.indexes = byName(table.indexes);
    table.foreignKeys = byName(table.foreignKeys);
  }
  return { tables, enums: Object.fromEntries(enumRows.map((e) => [e.name, e.labels])) };
}
