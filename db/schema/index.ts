export * from "./assessments";
export * from "./auth";
export * from "./organisations";
export * from "./access";
export * from "./scores";
