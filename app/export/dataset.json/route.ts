// A docketline/v1 dataset of the timeline's current filter (lib/exports/dataset-json.ts); the format's one definition is in lib/exports/formats.ts.
import { exportRoute } from "@/lib/exports/serve";

export const dynamic = "force-dynamic";

export const GET = exportRoute("dataset.json");
