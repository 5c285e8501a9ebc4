/**
 * Ribbon commands, in the shared runtime: the "Cadence" button opens the task pane.
 * Office.actions.associate ties the manifest's action id to this function.
 */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    // The ribbon waits for completion; always release it, even if the pane could not open.
    event?.completed();
  }
}

function register(): void {
  if (typeof Office === "undefined") return;
  void Office.onReady(() => {
    Office.actions.associate("showTaskpane", (event?: Office.AddinCommands.Event) => {
      void showTaskpane(event);
    });
  });
}

register();
