// One workbench for every UI test file: opening code-server's workbench and activating the
// extension costs seconds, so the files share a page and the root `after` hook closes it.
import { seedStory, type Story } from './story';
import { ui, Workbench } from './workbench';

let session: Promise<{ wb: Workbench; story: Story }> | undefined;

/** The shared workbench, opened on first use after the test story is added to the workspace. */
export function sharedSession(): Promise<{ wb: Workbench; story: Story }> {
  session ??= (async () => {
    // The extension host starts when the page connects, so it sees the story from the start.
    const story = seedStory(ui.workspace());
    return { wb: await Workbench.open(), story };
  })();
  return session;
}

/** Saves a screenshot named after a failed test, for the run's report. */
export async function screenshotOnFailure(test: Mocha.Test | undefined): Promise<void> {
  if (test?.state !== 'failed' || !session) return;
  const { wb } = await session;
  await wb.screenshot(`failed-${test.title.replace(/\W+/g, '-')}`).catch(() => undefined);
}

after(async () => {
  const opened = await session?.catch(() => undefined);
  await opened?.wb.close();
});
