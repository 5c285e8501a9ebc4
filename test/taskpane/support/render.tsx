/** Renders a component inside the pane's providers, in a chosen language. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import type { RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import type { Language } from "../../../src/taskpane/i18n/catalogue.types";
import { I18nProvider } from "../../../src/taskpane/i18n/I18nProvider";

/** jsdom has no ResizeObserver; Fluent's MessageBar observes its own size to reflow. */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = NoopResizeObserver;
}

// findBy… and waitFor give up after 1 s by default: a step that reads and writes the workbench can
// take longer on a loaded two-core machine. A wrong or missing text still fails, after 10 s.
configure({ asyncUtilTimeout: 10_000 });

export function renderInPane(ui: ReactElement, language: Language = "en"): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLanguage={language}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}
