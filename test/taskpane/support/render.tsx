/** Renders a component inside the pane's providers, in a chosen language. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
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

export function renderInPane(ui: ReactElement, language: Language = "en"): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider initialLanguage={language}>{ui}</I18nProvider>
    </FluentProvider>,
  );
}
