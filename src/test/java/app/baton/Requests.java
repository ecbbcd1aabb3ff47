package app.baton;

import java.util.UUID;

/** Decision request bodies for tests, starting from the worked example of docs/api.md. */
public final class Requests {

    private Requests() {
    }

    public static String workedExample(String requestId) {
        return """
                {
                  "requestId": "%s",
                  "asOf": "2026-03-09T10:15:00-04:00",
                  "practice": { "timeZone": "America/New_York", "calendar": "US_FEDERAL" },
                  "patient": {
                    "id": "pt-1001",
                    "payer": "MEDICARE",
                    "memberId": "1EG4-TE5-MK72",
                    "language": "en",
                    "location": "MAIN_CLINIC",
                    "consentOnFile": true
                  },
                  "carePlan": {
                    "id": "cp-2001",
                    "program": "TCM",
                    "stage": "COORDINATION",
                    "complexity": "HIGH",
                    "dischargeAt": "2026-03-09T08:00:00-04:00"
                  },
                  "task": {
                    "id": "t-3001",
                    "type": "TCM_INTERACTIVE_CONTACT",
                    "status": "NEW",
                    "priority": "ROUTINE",
                    "createdAt": "2026-03-09T08:05:00-04:00",
                    "statusSince": "2026-03-09T08:05:00-04:00",
                    "attempts": 0
                  }
                }
                """.formatted(requestId);
    }

    public static String workedExample() {
        return workedExample(UUID.randomUUID().toString());
    }
}
