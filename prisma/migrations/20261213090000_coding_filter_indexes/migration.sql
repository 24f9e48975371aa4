-- Indexes for the filters on the research coding (issue 12 item 3; docs/decisions/026).
-- Each filter on a coded value is the set of lawsuits whose coding has it, found through
-- the index of that column; these are the ones the coding's own migration did not need.

-- `agency`: the policies an agency is behind (policy.agencies @> ARRAY[...]).
-- CreateIndex
CREATE INDEX "policy_agencies_idx" ON "policy" USING GIN ("agencies");

-- `side` without `state`: any state's side (the unique and (jurisdiction_code, side) indexes lead with other columns).
-- CreateIndex
CREATE INDEX "lawsuit_state_side_side_idx" ON "lawsuit_state_side"("side");

-- `reliefStatus` without `relief` ((relief, status) leads with the kind).
-- CreateIndex
CREATE INDEX "relief_milestone_status_idx" ON "relief_milestone"("status");
