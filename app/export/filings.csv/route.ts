// One row per filing of the timeline's current filter (lib/exports/filings-csv.ts); the format's one definition is in lib/exports/formats.ts.
import { exportRoute } from "@/lib/exports/serve";

export const dynamic = "force-dynamic";

export const GET = exportRoute("filings.csv");
