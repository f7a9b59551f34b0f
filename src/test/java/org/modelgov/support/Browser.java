package org.modelgov.support;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium driven by Playwright; never downloads a browser. Without
 * /usr/bin/chromium the browser tests are skipped, unless MODELGOV_REQUIRE_BROWSER=true (CI), where
 * a missing browser fails them.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browser() {
    }

    public static com.microsoft.playwright.Browser launch(Playwright[] holder) {
        boolean required = Boolean.parseBoolean(System.getenv("MODELGOV_REQUIRE_BROWSER"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException(CHROMIUM + " is missing: apt-get install chromium chromium-driver");
            }
            Assumptions.abort(CHROMIUM + " is not installed (apt-get install chromium); browser tests skipped");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        holder[0] = playwright;
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                // this machine has no network: keep Chromium from trying to phone home
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }
}
