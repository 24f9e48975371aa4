// A file of a release, byte for byte as released; see lib/releases/http.ts.
import { releaseFileResponse } from "@/lib/releases/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ number: string; file: string }> }): Promise<Response> {
  const { number, file } = await params;
  return releaseFileResponse(request, number, file);
}
