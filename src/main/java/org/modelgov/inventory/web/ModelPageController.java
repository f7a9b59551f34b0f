package org.modelgov.inventory.web;

import java.util.List;
import org.modelgov.audit.AuditLog;
import org.modelgov.common.ConflictException;
import org.modelgov.common.FieldViolation;
import org.modelgov.common.InvalidInputException;
import org.modelgov.inventory.Deployment;
import org.modelgov.inventory.InventoryService;
import org.modelgov.inventory.ModelDetails;
import org.modelgov.inventory.ModelQuery;
import org.modelgov.inventory.ModelStatus;
import org.modelgov.inventory.RegisterModel;
import org.modelgov.inventory.RiskTier;
import org.modelgov.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** ModelGov's inventory pages: list, detail, register. */
@Controller
class ModelPageController {

    private static final int AUDIT_ROWS = 200;

    private final InventoryService inventory;
    private final AuditLog audit;
    private final org.modelgov.lifecycle.LifecycleService lifecycle;
    private final org.modelgov.registry.RegistryService registry;
    private final org.modelgov.documentation.ModelCardService cards;
    private final ModelPageFacts facts;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final org.modelgov.abtest.ChallengerStage challengerStage;

    ModelPageController(InventoryService inventory, AuditLog audit, org.modelgov.lifecycle.LifecycleService lifecycle,
                        org.modelgov.registry.RegistryService registry,
                        org.modelgov.documentation.ModelCardService cards, ModelPageFacts facts,
                        com.fasterxml.jackson.databind.ObjectMapper json,
                        org.modelgov.abtest.ChallengerStage challengerStage) {
        this.challengerStage = challengerStage;
        this.facts = facts;
        this.json = json;
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.cards = cards;
        this.inventory = inventory;
        this.audit = audit;
    }

    @InitBinder
    void trimInputs(WebDataBinder binder) {
        // an empty input means "not given", not an empty value; ids cannot be mass-assigned beyond the form
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
        binder.setAllowedFields("id", "name", "purpose", "owner", "ownerTeam", "intendedUse", "endpointName",
                "modelPackageArn", "evaluationDatasetUri");
    }

    @GetMapping("/")
    String home() {
        return "redirect:/models";
    }

    @GetMapping("/models")
    String list(@RequestParam(required = false) String riskTier, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String page,
                Authentication user, Model model) {
        ModelQuery query;
        List<FieldViolation> filterErrors = List.of();
        try {
            query = ModelQueryParams.parse(riskTier, status, null, q, page, null, null);
        } catch (InvalidInputException e) {
            filterErrors = e.violations();
            query = ModelQueryParams.parse(null, null, null, null, null, null, null);
        }
        model.addAttribute("page", inventory.search(query));
        model.addAttribute("filterErrors", filterErrors);
        model.addAttribute("riskTiers", RiskTier.values());
        model.addAttribute("statuses", ModelStatus.values());
        model.addAttribute("mayRegister", inventory.mayRegister(CurrentActor.of(user)));
        return "models/list";
    }

    @GetMapping("/models/{id}")
    String detail(@PathVariable String id, Model model) {
        org.modelgov.inventory.Model found = inventory.get(id);
        model.addAttribute("model", found);
        var reports = facts.reportsByVersion(id);
        model.addAttribute("versions", inventory.versions(id).stream().map(v -> {
            var state = lifecycle.state(v.id()).orElse(null);
            return new VersionRow(v, state, facts.position(state),
                    registry.find(v.id()).map(e -> e.approvalStatus().name()).orElse("—"),
                    cards.find(v.id()).map(c -> c.status().name() + " (revision " + c.revision() + ")").orElse("—"),
                    reports.getOrDefault(v.id(), List.of()));
        }).toList());
        model.addAttribute("modelReports", reports.getOrDefault(ModelPageFacts.NO_VERSION, List.of()));
        model.addAttribute("decisions", facts.decisions(inventory.versions(id)));
        model.addAttribute("incidents", facts.incidents(id));
        model.addAttribute("abTests", challengerStage.ofModel(id));
        // the latest events first, readable; the audit page (linked) has them all with filters and export
        org.modelgov.audit.AuditPage latest = audit.search(
                new org.modelgov.audit.AuditQuery(id, null, null, null, null, 0, AUDIT_ROWS, true));
        model.addAttribute("audit", latest.events().stream()
                .map(e -> org.modelgov.audit.AuditEventView.of(e, json)).toList());
        model.addAttribute("auditTotal", latest.total());
        return "models/detail";
    }

    @GetMapping("/models/new")
    String newModel(Model model) {
        model.addAttribute("form", new ModelForm());
        return "models/new";
    }

    @PostMapping("/models")
    String register(@ModelAttribute("form") ModelForm form, BindingResult result, Authentication user,
                    RedirectAttributes redirect) {
        RegisterModel command = new RegisterModel(form.getId(), new ModelDetails(form.getName(), form.getPurpose(),
                form.getOwner() == null ? user.getName() : form.getOwner(), form.getOwnerTeam(),
                new Deployment(form.getEndpointName(), form.getModelPackageArn()), form.getIntendedUse(),
                form.getEvaluationDatasetUri()), List.of());
        try {
            org.modelgov.inventory.Model registered = inventory.register(command, CurrentActor.of(user));
            redirect.addFlashAttribute("message", "Model " + registered.id() + " registered.");
            return "redirect:/models/" + registered.id();
        } catch (InvalidInputException e) {
            for (FieldViolation v : e.violations()) {
                String field = v.field().startsWith("deployment.") ? v.field().substring(11) : v.field();
                result.rejectValue(field, "invalid", v.message());
            }
        } catch (ConflictException e) {
            result.rejectValue("id", "duplicate", e.getMessage());
        }
        return "models/new";
    }

    /** A version with where its lifecycle stands (in words), its registry approval, model card and evidence. */
    record VersionRow(org.modelgov.inventory.ModelVersion version, org.modelgov.lifecycle.LifecycleState lifecycle,
                      String position, String registryStatus, String modelCard,
                      List<org.modelgov.evidence.ReportSummary> reports) {

        public String lifecycleText() {
            return position;
        }
    }
}
