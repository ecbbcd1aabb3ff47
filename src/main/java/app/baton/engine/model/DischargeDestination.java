package app.baton.engine.model;

/**
 * Where the patient went on discharge. TCM needs a return to a community setting (home, a domiciliary or rest
 * home, assisted living, a nursing facility); a transfer to another hospital or a skilled nursing stay is not one.
 */
public enum DischargeDestination {
    HOME, DOMICILIARY, REST_HOME, ASSISTED_LIVING, NURSING_FACILITY, SKILLED_NURSING_FACILITY, HOSPITAL
}
