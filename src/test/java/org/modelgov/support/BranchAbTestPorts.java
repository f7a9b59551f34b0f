package org.modelgov.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.modelgov.abtest.ChallengerComparator;
import org.modelgov.abtest.ChallengerComparison;
import org.modelgov.abtest.ChallengerDeployment;
import org.modelgov.abtest.ComparisonPolicy;
import org.modelgov.abtest.MetricComparison;
import org.modelgov.abtest.VariantMetricSource;
import org.modelgov.abtest.VariantSeries;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * BRANCH-ONLY STAND-INS (abstage): the A/B stage's ports whose real adapters come from the branches abmetrics
 * (VariantMetricSource, ChallengerComparator) and abdeploy (ChallengerDeployment). Registered, through
 * META-INF/spring.factories, only when the context has no bean of the port, so the lifecycle tests run on this
 * branch and the real adapters win after the merge (then this class and the spring.factories entry can go). They
 * are minimal: the deployment keeps weights in memory and serves at once; no metrics; every metric inconclusive.
 */
public final class BranchAbTestPorts implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                // nothing: the scanned definitions are known only in postProcessBeanFactory
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
                register(factory, ChallengerDeployment.class, "branchChallengerDeployment", new InMemoryDeployment());
                register(factory, VariantMetricSource.class, "branchVariantMetrics", (VariantMetricSource)
                        (endpoint, variant, metrics, from, to) -> new VariantSeries(variant, empty(metrics)));
                register(factory, ChallengerComparator.class, "branchChallengerComparator",
                        (ChallengerComparator) BranchAbTestPorts::inconclusive);
            }
        });
    }

    private static <T> void register(ConfigurableListableBeanFactory factory, Class<T> port, String name, T bean) {
        if (factory.getBeanNamesForType(port, true, false).length == 0) {
            factory.registerSingleton(name, bean);
        }
    }

    /** Whether the bean is one of these stand-ins (a test of the real adapters skips itself then). */
    public static boolean isStandIn(Object bean) {
        return bean instanceof InMemoryDeployment || bean.getClass().getName().startsWith(
                BranchAbTestPorts.class.getName());
    }

    private static Map<String, List<VariantSeries.Sample>> empty(List<String> metrics) {
        Map<String, List<VariantSeries.Sample>> series = new LinkedHashMap<>();
        metrics.forEach(m -> series.put(m, List.of()));
        return series;
    }

    private static ChallengerComparison inconclusive(String endpoint, ComparisonPolicy policy, VariantSeries champion,
                                                     VariantSeries challenger, Instant from, Instant to) {
        List<MetricComparison> metrics = policy.metrics().stream().map(m -> new MetricComparison(m, "NONE", 0, 0, 0,
                1, MetricComparison.Verdict.INCONCLUSIVE, "branch stand-in: no comparator")).toList();
        return new ChallengerComparison(endpoint, champion.variantName(), challenger.variantName(), from, to, policy,
                metrics, champion, challenger);
    }

    static final class InMemoryDeployment implements ChallengerDeployment {

        private final Map<String, Map<String, Double>> weights = new ConcurrentHashMap<>();
        private final Set<String> deployed = ConcurrentHashMap.newKeySet();

        @Override
        public String challengerVariant(String versionId) {
            return "v-" + versionId.replaceAll("[^A-Za-z0-9]", "-").toLowerCase();
        }

        @Override
        public Map<String, Double> weights(String endpointName) {
            return Map.copyOf(weights.getOrDefault(endpointName, Map.of()));
        }

        @Override
        public void deploy(String endpointName, String versionId) {
            deployed.add(endpointName + "/" + versionId);
        }

        @Override
        public Rollout rollout(String endpointName, String versionId) {
            return deployed.contains(endpointName + "/" + versionId) ? Rollout.SERVING : Rollout.IN_PROGRESS;
        }

        @Override
        public void setWeights(String endpointName, Map<String, Double> changed) {
            weights.computeIfAbsent(endpointName, e -> new ConcurrentHashMap<>()).putAll(changed);
        }
    }
}
