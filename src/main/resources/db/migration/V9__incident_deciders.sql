-- Who took each incident decision (issue 10): the steps a decision causes (containment after triage,
-- restoration after remediation, closure after the post-incident review) are audited in that person's name.
ALTER TABLE incident ADD COLUMN triaged_by VARCHAR(64);
ALTER TABLE incident ADD COLUMN remediated_by VARCHAR(64);
ALTER TABLE incident ADD COLUMN reviewed_by VARCHAR(64);
