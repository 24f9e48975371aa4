// How a policy or an agency is offered as a value of its filter: by the panel's search
// field in the browser (from /api/v1/policies and /api/v1/agencies) and by the page when
// words were submitted without JavaScript (lib/timeline/search-words.ts). One wording for
// both. Browser-safe.
import { plural } from "@/lib/text";

/** A policy as a value of the `policy` filter, told apart by its agencies. */
export const policyMatch = (policy: { id: string; name: string; agencies: string[] }) => ({ value: policy.id, label: policy.name, detail: policy.agencies.join(", ") });

/** An agency as a value of the `agency` filter, told apart by how many lawsuits challenge its policies. */
export const agencyMatch = (agency: { name: string; lawsuits: number }) => ({ value: agency.name, label: agency.name, detail: plural(agency.lawsuits, "lawsuit") });
