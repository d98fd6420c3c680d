import { describe, expect, it } from 'vitest';
import { addClientBrandKit, axeViolations as violations, outputPath, useStudio } from './studio-harness.js';

const studio = useStudio(addClientBrandKit);

describe('accessibility (axe-core)', { timeout: 120_000 }, () => {
  it('finds nothing on the main screen, at 1024×768 and 1440×900', async () => {
    for (const viewport of [{ width: 1024, height: 768 }, { width: 1440, height: 900 }]) {
      const { page } = await studio().open(viewport, await studio().freshProject());
      // A brand whose avatar is initials on its colour, as a client without a picture has.
      await page.getByRole('button', { name: 'Use brand profile Acme Studio' }).click();
      expect(await violations(page), `${viewport.width}×${viewport.height}`).toEqual([]);
      await page.context().close();
    }
  });

  it('finds nothing in the import form, a popover dialog and the brand form', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const found = [...(await violations(page, 'form.import-box'))];
    // A file or a page offers condensed or full text, with a slide count.
    await page.getByRole('tab', { name: 'From URL' }).click();
    await page.getByRole('radio', { name: /Condensed: about/ }).waitFor();
    found.push(...(await violations(page, 'form.import-box')));
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Projects' }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await violations(page, '[role=dialog]')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.locator('.brand-form, form').last().waitFor();
    found.push(...(await violations(page)));
    await page.screenshot({ path: outputPath('a11y-brand-form.png') });
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('finds nothing in the publish dialog, with no account connected yet', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish' });
    await dialog.getByRole('button', { name: 'Continue to LinkedIn' }).waitFor();
    await dialog.locator('[data-checks=ready]').waitFor({ timeout: 30_000 });
    const found = [...(await violations(page, '.modal-layer'))];
    // Instagram without a public address: the note in place of the form.
    await dialog.getByRole('radio', { name: /Instagram/ }).click();
    await dialog.getByText('Instagram needs a public address for this server').waitFor();
    await dialog.locator('.check-row.is-failed').first().waitFor();
    found.push(...(await violations(page, '.modal-layer')));
    expect(found).toEqual([]);
    await page.context().close();
  });
});
