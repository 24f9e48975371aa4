// The filing's citation as a BibTeX entry; see lib/filings/citation.ts.
import { getRequestOrigin, htmlPath } from "@/lib/api/urls";
import { downloadResponse } from "@/lib/exports/http";
import { bibtex, BIBTEX_CONTENT_TYPE } from "@/lib/filings/citation";
import { getFilingDetail } from "@/lib/filings/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const filing = await getFilingDetail(id);
  if (!filing) return new Response(`No filing has the id "${id}".\n`, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const entry = bibtex({ ...filing.citable, url: `${getRequestOrigin(request)}${htmlPath.filing(filing.id)}` });
  return downloadResponse(entry, BIBTEX_CONTENT_TYPE, `${filing.id}.bib`);
}
