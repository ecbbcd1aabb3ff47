package app.baton.engine.model;

/**
 * The payer's line of business for the patient's coverage. It decides whether a federal prior
 * authorization clock binds the payer: CMS-0057-F's decision timeframes bind Medicare Advantage,
 * Medicaid and CHIP (fee-for-service and managed care) for items and services other than drugs;
 * Part D drug requests have their own clocks. The SLA table decides by it.
 */
public enum LineOfBusiness {
    MEDICARE_ADVANTAGE, MEDICARE_FFS, MEDICARE_PART_D, MEDICAID, CHIP, QHP_EXCHANGE, COMMERCIAL, SELF_PAY
}
