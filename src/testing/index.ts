/**
 * `zoom-cobrowse-widget/testing`: the fake Zoom SDK the project's own tests use,
 * for integrators who want to test their pages without Zoom, and the masking audit
 * for a site's own Playwright tests and CI.
 */
export { createFakeCobrowseSdk, FAKE_SDK_DEFAULT_VERSION } from './fake-sdk';
export type { FakeAnnotations, FakeClock, FakeCobrowseSdk, FakeEmitted, FakePromptEvent, FakeSdkOptions, FakeSessionState } from './fake-sdk';
export { createFakeToken, decodeJwt } from './jwt';
export type { CobrowseJwtClaims } from './jwt';
export { connectEmulatorCustomer, createEmulatorAgent, serializeForAgent, EMULATOR_CHANNEL, EMULATOR_MASK_PLACEHOLDER, EMULATOR_PIN_NOT_FOUND } from './bridge';
export type { EmulatorAgent, EmulatorAgentOptions, EmulatorCustomer, EmulatorCustomerInfo, EmulatorCustomerOptions, EmulatorCustomerState, EmulatorMessage, EmulatorResult, EmulatorSessionEvent, EmulatorSnapshot, FakeSource, SerializeOptions } from './bridge';
export { auditPageMasking, expectNoUnmaskedFields, formatMaskingFindings, maskingAuditScript } from './audit-page';
export type { AuditablePage, MaskingAuditOptions, PageMaskingFinding } from './audit-page';
