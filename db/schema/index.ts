export * from "./assessments";
export * from "./auth";
export * from "./organisations";
export * from "./groups";
export * from "./access";
export * from "./scores";
export * from "./improvement";
export * from "./workshops";
