/** A signature-verifying, in-memory emulator of the Ververica API, for tests. */
export { DEFAULT_TEST_CREDENTIAL, type EmulatorCredential } from "./credentials";
export { DraftStore, type DraftPatch } from "./draftStore";
export type { FaultInjector, FaultKind, FaultOptions, RateOptions } from "./faults";
export { auditDraftKinds, generateAuditDrafts, plantedSecret, ruleBrokenBy, type AuditDraft, type AuditDraftKind } from "./auditDrafts";
export { DEFAULT_FIXTURE_FILE, generateDrafts, loadFixtureDrafts, type GeneratedDraftTemplate } from "./fixtures";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, NOT_FOUND_ERROR_CODE, type ListingBehaviour } from "./handlers";
export type { ServiceBehaviour } from "./serviceBehaviour";
export { startEmulator, type Emulator, type EmulatorOptions } from "./server";
export { MAX_LOG_ENTRIES, type EmulatorStats, type RequestLogEntry } from "./stats";
