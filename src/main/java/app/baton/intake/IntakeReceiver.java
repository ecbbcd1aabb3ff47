package app.baton.intake;

import app.baton.careplan.JsonColumns;

import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way an intake comes in, for the JSON API and the FHIR intake alike: the sender's location and source system are
 * checked ({@link IntakeSenders}), then the intake is taken in once per source system and source id; the same ids again
 * answer the first intake, the same ids with another body are a 422.
 */
@Service
public class IntakeReceiver {

    private final IntakeService service;
    private final IntakeSenders senders;
    private final JsonColumns json;

    IntakeReceiver(IntakeService service, IntakeSenders senders, JsonColumns json) {
        this.service = service;
        this.senders = senders;
        this.json = json;
    }

    /** An intake as answered, and whether it is the answer to an earlier sending of the same event. */
    public record Receipt(IntakeView view, boolean replayed) {
    }

    public Receipt referral(IntakeRequest request) {
        return receive(Intakes.Kind.REFERRAL, request);
    }

    public Receipt discharge(IntakeRequest request) {
        return receive(Intakes.Kind.DISCHARGE, request);
    }

    private Receipt receive(Intakes.Kind kind, IntakeRequest request) {
        senders.check(request);
        IntakeService.Outcome outcome = service.receive(kind, request, sha256(request));
        return new Receipt(outcome.view(), outcome.replayed());
    }

    private String sha256(IntakeRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
