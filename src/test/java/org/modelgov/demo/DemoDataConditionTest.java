package org.modelgov.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.modelgov.inventory.InventoryService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Demo users and models exist only when modelgov.demo-data=true; off is the default. */
class DemoDataConditionTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(IdentityService.class, () -> mock(IdentityService.class))
            .withBean(InventoryService.class, () -> mock(InventoryService.class))
            .withBean(org.modelgov.lifecycle.LifecycleService.class, () -> mock(org.modelgov.lifecycle.LifecycleService.class))
            .withUserConfiguration(DemoData.class);

    @Test
    void offByDefault() {
        context.run(ctx -> assertThat(ctx).doesNotHaveBean(DemoData.class));
    }

    @Test
    void offWhenFalse() {
        context.withPropertyValues("modelgov.demo-data=false").run(ctx -> assertThat(ctx).doesNotHaveBean(DemoData.class));
    }

    @Test
    void onWhenTrue() {
        context.withPropertyValues("modelgov.demo-data=true").run(ctx -> assertThat(ctx).hasSingleBean(DemoData.class));
    }

    @Test
    void everyRoleHasADemoUserWithTheDocumentedName() {
        assertThat(DemoData.USERS).extracting(DemoData.DemoUser::id).containsExactly("owner", "risk", "validator",
                "ethics", "business", "approver1", "approver2", "responder", "compliance", "admin", "monitoring");
    }
}
