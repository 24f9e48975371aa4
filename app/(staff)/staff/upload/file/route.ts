// POST /staff/upload/file: a dataset file to check and preview; see lib/editing/upload-request.ts.
import { receiveUpload } from "@/lib/editing/upload-request";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return receiveUpload(request);
}
