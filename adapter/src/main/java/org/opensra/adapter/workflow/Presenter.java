package org.opensra.adapter.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensra.adapter.log.Step;
import org.opensra.protocol.LogLevel;
import org.opensra.protocol.Message;
import org.opensra.protocol.model.Identity;
import org.opensra.spi.Presentation;
import org.opensra.spi.PresentationRequest;

/**
 * Presents volumes in one batch and reports per volume its identity or the reason it could not be
 * presented (for warning 2002, TF-5, FO-4), logging every parameter of the exposure (Appendix A).
 */
final class Presenter {
    private Presenter() {
    }

    /** The presentation of one volume: an identity, or the failure. */
    record Outcome(Optional<Identity> identity, Optional<Message> failure) {
    }

    /**
     * @param requests volume id -> hosts
     * @param steps volume id -> the step its lines belong to
     * @param what volume id -> how it is called in log lines (e.g. "Snapshot copy [x]")
     */
    static Map<String, Outcome> present(WorkflowContext ctx, String arrayId, Map<String, List<org.opensra.spi.Initiator>> requests,
                                        Map<String, Step> steps, Map<String, String> what) {
        List<PresentationRequest> list = new ArrayList<>();
        requests.forEach((volumeId, initiators) -> list.add(new PresentationRequest(volumeId, initiators)));
        Map<PresentationRequest, ItemResult<Presentation>> answers = Batch.run(list,
                r -> ctx.driver().present(arrayId, r), PresentationRequest::volumeId);
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (PresentationRequest request : list) {
            Step step = steps.get(request.volumeId());
            String name = what.getOrDefault(request.volumeId(), "Device " + Names.one(request.volumeId()));
            ItemResult<Presentation> answer = answers.get(request);
            if (answer instanceof ItemResult.Success<Presentation> ok) {
                Presentation p = ok.value();
                step.log(name + " is being exposed to hosts " + AccessRequests.hosts(p.initiators())
                        + (p.changed() ? "" : " (already exposed so)") + " with attributes "
                        + Names.properties(p.parameters()));
                out.put(request.volumeId(), new Outcome(Optional.of(ModelMapping.identity(p.identity())), Optional.empty()));
            } else {
                Message error = ((ItemResult.Failure<Presentation>) answer).error();
                String reason = error instanceof Message.Predefined pre
                        ? pre.value("Reason").orElse("error " + pre.code()) : "presentation failed";
                step.log(LogLevel.WARNING, "WARNING: " + name + " could not be exposed to hosts "
                        + AccessRequests.hosts(request.initiators()) + ": " + reason);
                out.put(request.volumeId(), new Outcome(Optional.empty(),
                        Optional.of(Errors.presentationFailed(request.volumeId(), reason))));
            }
        }
        return out;
    }
}
