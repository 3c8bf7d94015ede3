/** The named schemas the OpenAPI document adds itself: the analysis gives a project's types other names. */
export const PROBLEM_SCHEMA_NAME = 'ActionwireProblem';
export const ACTION_REFERENCE_SCHEMA_NAME = 'ActionReference';

export const RESERVED_SCHEMA_NAMES: readonly string[] = [PROBLEM_SCHEMA_NAME, ACTION_REFERENCE_SCHEMA_NAME];
