package org.modelgov.incident.sns;

import java.io.IOException;
import java.net.URI;

/** Port: confirms an SNS subscription by visiting its SubscribeURL (already checked to be SNS's). */
interface SubscriptionConfirmer {

    void confirm(URI subscribeUrl) throws IOException;
}
