package app.baton.engine.model;

/**
 * Where the patient was discharged from. TCM follows a discharge from an inpatient, observation or partial
 * hospitalization setting; an emergency department visit is not such a discharge (the plan template says so).
 */
public enum DischargeSetting {
    INPATIENT_ACUTE, INPATIENT_PSYCHIATRIC, LONG_TERM_CARE_HOSPITAL, INPATIENT_REHABILITATION, SKILLED_NURSING_FACILITY,
    OBSERVATION, PARTIAL_HOSPITALIZATION, CMHC_PARTIAL_HOSPITALIZATION, EMERGENCY_DEPARTMENT
}
