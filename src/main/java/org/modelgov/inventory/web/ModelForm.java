package org.modelgov.inventory.web;

/** What the "Register a model" page posts; empty inputs mean "not given". */
public class ModelForm {

    private String id;
    private String name;
    private String purpose;
    private String owner;
    private String ownerTeam;
    private String intendedUse;
    private String endpointName;
    private String modelPackageArn;
    private String evaluationDatasetUri;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getOwnerTeam() { return ownerTeam; }
    public void setOwnerTeam(String ownerTeam) { this.ownerTeam = ownerTeam; }
    public String getIntendedUse() { return intendedUse; }
    public void setIntendedUse(String intendedUse) { this.intendedUse = intendedUse; }
    public String getEndpointName() { return endpointName; }
    public void setEndpointName(String endpointName) { this.endpointName = endpointName; }
    public String getModelPackageArn() { return modelPackageArn; }
    public void setModelPackageArn(String modelPackageArn) { this.modelPackageArn = modelPackageArn; }
    public String getEvaluationDatasetUri() { return evaluationDatasetUri; }
    public void setEvaluationDatasetUri(String evaluationDatasetUri) { this.evaluationDatasetUri = evaluationDatasetUri; }
}
