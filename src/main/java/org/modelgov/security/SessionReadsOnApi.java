package org.modelgov.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets the API read the login of ModelGov's pages, for reads only: a page links to {@code GET /api/reports/{id}}
 * and the browser must not ask for HTTP Basic credentials again. Writes (POST, PATCH, PUT, DELETE) never see the
 * session, so a forged cross-site form cannot act with a person's cookie: they still need HTTP Basic, and the
 * API keeps needing no CSRF token. Nothing is ever saved into the session from the API.
 */
final class SessionReadsOnApi implements SecurityContextRepository {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    /** What a write finds: no login (so it must bring HTTP Basic). */
    private static final DeferredSecurityContext NO_LOGIN = new DeferredSecurityContext() {
        @Override
        public SecurityContext get() {
            return SecurityContextHolder.createEmptyContext();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    };

    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

    SessionReadsOnApi() {
        session.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (!isRead(request)) {
            return NO_LOGIN;
        }
        return session.loadDeferredContext(request);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the API is stateless: a Basic login lasts one request and never becomes a session
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return isRead(request) && session.containsContext(request);
    }

    private static boolean isRead(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod());
    }
}
