package app.baton.tracker;

import app.baton.engine.model.Complexity;
import app.baton.engine.model.ItemKind;
import app.baton.engine.model.LineOfBusiness;
import app.baton.engine.model.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Fields that complete an intake or change a plan's facts; every one optional, absent ones keep
 * their value. Member ID, referral reason and referring provider are taken as "on file", not kept.
 */
@Schema(description = "Fields to add; absent fields keep their value")
public record FieldsUpdate(@Size(max = 64) String payer, @Size(max = 64) String memberId, @Size(max = 16) String language,
                    Boolean consentOnFile, Complexity complexity, Priority priority, OffsetDateTime dischargeAt,
                    LocalDate periodStart, @PositiveOrZero Integer minutesThisPeriod, OffsetDateTime faceToFaceAt,
                    @Size(max = 200) String referralReason, @Size(max = 64) String referringProvider,
                    LineOfBusiness lineOfBusiness, Boolean ccmConsentOnFile, ItemKind itemKind) {
}
