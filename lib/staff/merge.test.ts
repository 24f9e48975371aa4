import { describe, expect, it } from "vitest";

import { mergeEdits, sameValue } from "@/lib/staff/merge";

const base = {
  id: "wa-motion",
  lawsuit: "washington-v-united-states-2018",
  title: "Motion",
  summary: "First summary.",
  states: [{ jurisdiction: "WA", role: "lead" }],
  demands: [{ text: "Reunite families.", category: "reunification", outcome: "pending" }],
};

describe("mergeEdits", () => {
  it("keeps the fields the editor changed and takes every other field from the saved version", () => {
    const mine = { ...base, title: "Motion for a temporary restraining order" };
    const theirs = { ...base, summary: "A better summary.", states: [...base.states, { jurisdiction: "NM", role: "joined" }] };

    const { merged, kept, overridden } = mergeEdits({ base, mine, theirs });

    expect(merged).toEqual({ ...theirs, title: "Motion for a temporary restraining order" });
    expect(kept).toEqual(["title"]);
    expect(overridden).toEqual([]);
  });

  it("keeps the editor's value of a field both changed, and says so", () => {
    const mine = { ...base, title: "Mine" };
    const theirs = { ...base, title: "Theirs", summary: "Theirs too." };

    const { merged, overridden } = mergeEdits({ base, mine, theirs });

    expect(merged.title).toBe("Mine");
    expect(merged.summary).toBe("Theirs too.");
    expect(overridden).toEqual(["title"]);
  });

  it("does not report a field both changed to the same value as overridden", () => {
    const { overridden, merged } = mergeEdits({ base, mine: { ...base, title: "Same" }, theirs: { ...base, title: "Same" } });
    expect(merged.title).toBe("Same");
    expect(overridden).toEqual([]);
  });

  it("treats a whole list as one field: a reordered list is the editor's change", () => {
    const twoDemands = { ...base, demands: [...base.demands, { text: "Stop separations.", category: "family-separation", outcome: "pending" }] };
    const mine = { ...twoDemands, demands: [...twoDemands.demands].reverse() };
    const theirs = { ...twoDemands, demands: twoDemands.demands.map((d) => ({ ...d, outcome: "granted" })) };

    expect(mergeEdits({ base: twoDemands, mine, theirs }).merged.demands).toEqual(mine.demands);
  });

  it("removes a field the editor cleared and adds one only they set", () => {
    const withEntry = { ...base, entryNumber: 15 };
    const mine: Record<string, unknown> = { ...base, filedBy: "Plaintiffs" };
    const theirs = { ...withEntry, summary: "Changed." };

    const { merged, kept } = mergeEdits({ base: withEntry, mine, theirs });

    expect(merged).not.toHaveProperty("entryNumber");
    expect(merged.filedBy).toBe("Plaintiffs");
    expect(merged.summary).toBe("Changed.");
    expect(kept.sort()).toEqual(["entryNumber", "filedBy"]);
  });

  it("takes a field only they removed as removed", () => {
    const withEntry = { ...base, entryNumber: 15 };
    const { merged } = mergeEdits({ base: withEntry, mine: withEntry, theirs: base });
    expect(merged).not.toHaveProperty("entryNumber");
  });
});

describe("sameValue", () => {
  it("ignores key order and treats null as absent, but not a reordered list", () => {
    expect(sameValue({ a: 1, b: [{ c: 1, d: 2 }], e: null }, { b: [{ d: 2, c: 1 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});
