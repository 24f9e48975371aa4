// The codebook of the research coding (lib/coding/codebook.ts), the companion of every dataset export; the format's one definition is in lib/exports/formats.ts.
import { exportRoute } from "@/lib/exports/serve";

export const dynamic = "force-dynamic";

export const GET = exportRoute("codebook.json");
