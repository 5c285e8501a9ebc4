import { CORE_VERSION } from "../src/core/index";
test("core loads", () => {
  expect(CORE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
});
