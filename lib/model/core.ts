/** The model every team is assessed with until organisations can choose among several. */
export const CORE_MODEL_ID = "devops-core";
