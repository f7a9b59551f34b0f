-- What ModelGov decided for a version in the model registry (issue 12): approve, reject or retire, with the
-- registry description and the people who decided. Committed before the registry, the model card and a waiting
-- pipeline are changed, each in a step of its own that reads it; the registry guard trusts it, so an approval
-- ModelGov is carrying out is never reverted as out of band.
CREATE TABLE registry_intent (
    version_id  VARCHAR(80)   NOT NULL PRIMARY KEY REFERENCES model_version (id),
    decision    VARCHAR(20)   NOT NULL,
    description VARCHAR(1024) NOT NULL,
    decided_by  VARCHAR(256)  NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
