/** @jest-environment jsdom */
import "@testing-library/jest-dom";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { rememberLanguage, startLanguage } from "../../../src/taskpane/i18n/languageChoice";
import { App } from "../../../src/taskpane/shell/App";
import { cellAddress, columnLetters } from "../../../src/taskpane/shell/a1";
import { addDays, todayIso } from "../../../src/taskpane/shell/today";
import { createFakeGateway } from "../support/fakeGateway";
import "../support/render";

describe("App shell", () => {
  it("switches between Plan, Track, Actions and Team with the keyboard", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    render(<App gateway={gateway} initialLanguage="en" />);
    expect(screen.getByRole("heading", { name: "Step 1 of 6: Source" })).toBeInTheDocument();
    // Arrow-key focus moves are tabster's (not run by jsdom); a focused tab selects on Enter.
    screen.getByRole("tab", { name: "Track" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "Track" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("region", { name: "Track" })).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Actions" }));
    expect(await screen.findByText("No action plan yet.")).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Team" }));
    expect(screen.getByText(/team view arrives with the shared store/)).toBeInTheDocument();
  });

  it("switches the whole pane to French", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    render(<App gateway={gateway} initialLanguage="en" />);
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");
    expect(screen.getByRole("tab", { name: "Suivi" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Étape 1 sur 6 : Source" })).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: "Langue" })).toHaveValue("fr");
  });
});

describe("the pane's language", () => {
  it("starts in Office's display language, then in the rep's own choice after a reload", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    const saved = new Map<string, string>();
    const storage = {
      getItem: (key: string) => saved.get(key) ?? null,
      setItem: (key: string, value: string) => {
        saved.set(key, value);
      },
    };
    // Office says French, the browser English: the pane speaks Office's language.
    expect(startLanguage(storage, "fr-FR", "en-US")).toBe("fr");
    // An English Excel: the rep switches the pane to French once…
    const first = render(
      <App
        gateway={gateway}
        initialLanguage={startLanguage(storage, "en-US", "en-US")}
        onLanguageChange={(language) => {
          rememberLanguage(storage, language);
        }}
      />,
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");
    first.unmount();
    // …and the pane opens in French from then on.
    expect(startLanguage(storage, "en-US", "en-US")).toBe("fr");
    render(<App gateway={gateway} initialLanguage={startLanguage(storage, "en-US", "en-US")} />);
    expect(screen.getByRole("tab", { name: "Suivi" })).toBeInTheDocument();
  });

  it("falls back to the host's language when the storage refuses", () => {
    const refusing = {
      getItem: (): string | null => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("SecurityError");
      },
    };
    rememberLanguage(refusing, "fr");
    expect(startLanguage(refusing, "fr-CA", undefined)).toBe("fr");
    expect(startLanguage(null, undefined, "en-GB")).toBe("en");
  });
});

describe("App shell keeps the wizard", () => {
  it("keeps the wizard's step and choices while the rep looks at another tab", async () => {
    const user = userEvent.setup();
    const { gateway } = createFakeGateway();
    render(<App gateway={gateway} initialLanguage="en" />);
    await user.click(screen.getByRole("button", { name: "Use the current table or selection" }));
    await screen.findByText(/5 clients/, {}, { timeout: 5000 });
    await user.click(screen.getByRole("checkbox", { name: /in my own sheet/ }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("heading", { name: "Step 2 of 6: Segmentation" })).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Actions" }));
    expect(screen.queryByRole("heading", { name: "Step 2 of 6: Segmentation" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "Plan" }));
    expect(screen.getByRole("heading", { name: "Step 2 of 6: Segmentation" })).toBeInTheDocument();
  });
});

describe("small helpers", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(cellAddress(12, 2)).toBe("C12");
  });
  it("does calendar arithmetic on ISO dates", () => {
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
    expect(todayIso(new Date(2026, 2, 29, 0, 30))).toBe("2026-03-29");
  });
});
