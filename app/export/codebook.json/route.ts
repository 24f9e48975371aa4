// The codebook of the research coding as JSON (lib/coding/codebook.ts), the companion of
// every dataset export: what each code means, how a coder decides it, examples.
import { getCodebook } from "@/lib/coding/codebook";
import { getBulkSql } from "@/lib/db/bulk";
import { downloadResponse } from "@/lib/exports/http";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const codebook = await getCodebook(getBulkSql());
  return downloadResponse(JSON.stringify(codebook, null, 2) + "\n", "application/json; charset=utf-8", "docketline-codebook.json");
}
