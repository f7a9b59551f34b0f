package org.modelgov.web;

import java.util.Map;
import org.modelgov.common.InternalErrors;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring Boot's /error (JSON, or error.html for pages) shows for failures that no controller advice saw:
 * those in filters or while rendering a page. A 5xx shows only "internal error" and a correlation id that is in
 * the log; 4xx messages are the caller's own mistake and stay.
 */
@Component
class CleanErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        if (attributes.get("status") instanceof Integer status && status >= 500) {
            String id = InternalErrors.logged(getError(request), "request to " + attributes.get("path"));
            attributes.put("message", InternalErrors.message(id));
            attributes.put("correlationId", id);
            attributes.remove("exception");
            attributes.remove("trace");
            attributes.remove("errors");
        }
        return attributes;
    }
}
