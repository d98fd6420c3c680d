import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addClientBrandKit, outputPath, previewText, useStudio } from './studio-harness.js';

/** Polls wait as long as a busy machine may need: an import runs in a worker that may still be starting. */
const PATIENT = { timeout: 15_000 };

const studio = useStudio(addClientBrandKit);
const FIXTURES = path.resolve(import.meta.dirname, '../../../spool/test/fixtures');

describe('projects', { timeout: 120_000 }, () => {
  it('open on the cover', async () => {
    const { page } = await studio().open();
    const pressed = page.locator('.strip-item .thumb-button[aria-pressed="true"]');
    await expect.poll(() => pressed.count(), PATIENT).toBe(1);
    expect(await pressed.getAttribute('aria-label')).toBe('Cover 1 (selected)');
    await page.context().close();
  });

  it('start a new project from the default design, not the brand and look of the one before', async () => {
    const { page } = await studio().open();
    // The open project is a client's: their brand, another theme.
    await page.getByRole('button', { name: 'Use brand profile Acme Studio' }).click();
    await page.getByRole('radio', { name: 'Forest theme' }).click();
    await page.getByRole('button', { name: 'Projects' }).click();
    const before = await (await fetch(`${studio().url}/api/projects`)).json();
    await page.getByRole('button', { name: 'New project' }).click();
    await expect.poll(async () => (await (await fetch(`${studio().url}/api/projects`)).json()).length, PATIENT).toBe(before.length + 1);
    const list: { id: string; name: string; updatedAt: string }[] = await (await fetch(`${studio().url}/api/projects`)).json();
    const known = new Set(before.map((p: { id: string }) => p.id));
    const created = list.find((p) => !known.has(p.id))!;
    const project = await (await fetch(`${studio().url}/api/projects/${created.id}`)).json();
    const defaults = (await (await fetch(`${studio().url}/api/catalog`)).json()).defaults;
    expect(project.deck.design.brand).toEqual(defaults.brand);
    expect(project.deck.design.theme).toBe(defaults.theme);
    expect(JSON.stringify(project.deck.design)).not.toMatch(/acme|spoolstudio/i);
    await page.context().close();
  });

  it('keep a new brand profile a draft until Save: Cancel leaves nothing, and names show whole', async () => {
    const count = async () => (await (await fetch(`${studio().url}/api/brand-kits`)).json()).length;
    const before = await count();
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'New brand profile' });
    await form.waitFor();
    expect(await count()).toBe(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => form.count(), PATIENT).toBe(0);
    await page.reload();
    await page.getByRole('button', { name: 'New profile' }).waitFor();
    expect(await count()).toBe(before);
    // Saved, it is stored once.
    await page.getByRole('button', { name: 'New profile' }).click();
    await page.getByRole('form', { name: 'New brand profile' }).getByRole('button', { name: /^Save/ }).click();
    await expect.poll(count, PATIENT).toBe(before + 1);
    // Every profile name fits its row, uncut, at both screen sizes.
    for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 768 }]) {
      await page.setViewportSize(size);
      const cut = await page.locator('.profile .list-name').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
      expect(cut, `${size.width}x${size.height}`).toEqual([]);
    }
    await page.locator('.profile').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: outputPath('brand-profiles-1024.png'), fullPage: false });
    await page.context().close();
  });

  it('list an uploaded font by the family it names itself', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'New brand profile' });
    const ttf = createRequire(import.meta.url).resolve('@expo-google-fonts/space-grotesk/700Bold/SpaceGrotesk_700Bold.ttf');
    await form.locator('input[type=file][accept*=".ttf"]').first().setInputFiles({ name: 'brand-title.ttf', mimeType: 'font/ttf', buffer: readFileSync(ttf) });
    const title = form.getByLabel('Title font');
    await expect.poll(() => title.locator('option:checked').innerText(), PATIENT).toBe('Space Grotesk Bold');
    // The body picker offers it by the same name.
    expect(await form.getByLabel('Body font').locator('option').allInnerTexts()).toContain('Space Grotesk Bold');
    await page.context().close();
  });

  it('add a slide that holds no text until the user writes some, so nothing unwritten is exported', async () => {
    const id = await studio().freshProject();
    const { page } = await studio().open(undefined, id);
    const before = (await (await fetch(`${studio().url}/api/projects/${id}`)).json()).deck.slides.length;
    await page.getByRole('toolbar', { name: 'Slide actions' }).getByRole('button', { name: 'Add slide' }).click();
    const body = page.getByLabel('Body', { exact: true });
    await expect.poll(() => body.getAttribute('placeholder'), PATIENT).toMatch(/^Write the slide/);
    expect(await body.inputValue().catch(() => body.innerText())).toBe('');
    await expect.poll(async () => (await (await fetch(`${studio().url}/api/projects/${id}`)).json()).deck.slides.length, PATIENT).toBe(before + 1);
    const deck = (await (await fetch(`${studio().url}/api/projects/${id}`)).json()).deck;
    expect(JSON.stringify(deck)).not.toMatch(/Write one idea per slide/);
    await page.context().close();
  });

  it('fit real screens from 1024x768 up: no sideways scrolling, a preview at least 240 px wide, every slide action in view', async () => {
    for (const size of [{ width: 1024, height: 768 }, { width: 1280, height: 800 }, { width: 1440, height: 900 }]) {
      const { page } = await studio().open(size, await studio().freshProject());
      const fit = await page.evaluate(() => {
        const preview = document.querySelector('[data-testid="preview"]')!.getBoundingClientRect();
        // Every button in a column's head lies inside that column: none is cut off at its edge.
        const heads = [...document.querySelectorAll('.column')].flatMap((col) => {
          const box = col.getBoundingClientRect();
          return [...col.querySelectorAll('.column-head button')].map((btn) => ({ box, r: btn.getBoundingClientRect() }));
        });
        const count = document.querySelector('.column-centre .column-head > .muted')!.getBoundingClientRect();
        return {
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          previewWidth: preview.width,
          actionsInside: heads.length >= 4 && heads.every(({ box, r }) => r.left >= box.left && r.right <= box.right - 4),
          countLines: Math.round(count.height / 16),
        };
      });
      const at = `${size.width}x${size.height}`;
      expect(fit.sideways, at).toBe(0);
      expect(fit.previewWidth, at).toBeGreaterThanOrEqual(240);
      expect(fit.actionsInside, at).toBe(true);
      expect(fit.countLines, at).toBe(1);
      await page.screenshot({ path: outputPath(`studio-${at}.png`) });
      await page.context().close();
    }
  });

  it('list every project in the Projects menu whole, with its buttons in view', async () => {
    const { page } = await studio().open({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Projects' }).click();
    await page.locator('.project-row').first().waitFor();
    const rows = await page.evaluate(() => {
      const menu = document.querySelector('.project-menu')!.getBoundingClientRect();
      return [...document.querySelectorAll('.project-row')].map((row) => {
        const name = row.querySelector('.project-row-name') as HTMLElement;
        const buttons = [...row.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
        return {
          name: name.textContent,
          whole: name.scrollWidth <= name.clientWidth + 1 && name.getBoundingClientRect().left >= menu.left,
          inView: buttons.every((b) => b.left >= menu.left && b.right <= menu.right),
        };
      });
    });
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.filter((r) => !r.whole || !r.inView)).toEqual([]);
    await page.screenshot({ path: outputPath('projects-menu-1024.png') });
    await page.context().close();
  });

  it('import into a full project adds the posts, drops nothing, and undoes as one step', async () => {
    const id = await studio().freshProject();
    const { page } = await studio().open(undefined, id);
    const cards = page.locator('article.post-card');
    await expect.poll(() => cards.count(), PATIENT).toBeGreaterThan(5);
    const postsBefore = await cards.count();
    const slidesBefore = await page.locator('.strip-item').count();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    expect(await page.getByRole('radio', { name: 'Add to this project' }).isChecked()).toBe(true);
    await page.getByLabel('Thread text').fill('1/ An imported post about hooks.\n\n2/ A second imported post.');
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => cards.count(), PATIENT).toBe(postsBefore + 2);
    expect(await cards.nth(postsBefore).innerText()).toContain('An imported post about hooks.');
    await expect.poll(() => page.locator('.strip-item').count(), PATIENT).toBe(slidesBefore + 2);
    // The project's own posts are all still there, first.
    // Read as text, not as rendered: cards out of view are not rendered (content-visibility).
    expect(await cards.first().textContent()).toContain('Your best thread deserves a second life');
    // Undo takes back the posts and their slides together; redo brings both.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cards.count(), PATIENT).toBe(postsBefore);
    await expect.poll(() => page.locator('.strip-item').count(), PATIENT).toBe(slidesBefore);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => cards.count(), PATIENT).toBe(postsBefore + 2);
    await page.context().close();
  });

  it('import into a new project, named for what it holds, leaves the open one as it was', async () => {
    const id = await studio().freshProject();
    const { page } = await studio().open(undefined, id);
    const before = (await (await fetch(`${studio().url}/api/projects/${id}`)).json()).document.posts.length;
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Thread text').fill('Seven habits of people who write great threads every week\n\nThe second post.');
    await page.getByRole('radio', { name: 'Start a new project from it' }).check();
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByLabel('Project name').inputValue(), PATIENT).toBe('Seven habits of people who write great threads…');
    expect((await (await fetch(`${studio().url}/api/projects/${id}`)).json()).document.posts.length).toBe(before);
    await page.context().close();
  });

  it('offer the posts’ author as the brand in one click, and apply no profile until one is picked', async () => {
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Thread text').fill('1/ Notes from Grace on compilers.\n\n2/ The second note.');
    await page.getByLabel('Author name').fill('Grace Hopper');
    await page.getByLabel('Author handle').fill('grace');
    await page.getByRole('radio', { name: 'Start a new project from it' }).check();
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    const offer = page.getByRole('button', { name: 'Use the posts’ author Grace Hopper as the brand' });
    await offer.waitFor();
    // Nothing is applied yet: the new project carries no brand of its own.
    await page.locator(':nth-match(.strip-item, 2) .thumb-button').click();
    expect(await previewText(page)).not.toContain('@spoolstudio');
    await offer.click();
    await expect.poll(() => previewText(page), PATIENT).toContain('@grace');
    await expect.poll(() => offer.count(), PATIENT).toBe(0);
    await page.context().close();
  });
  it('import a thread file picked with its images, and list the images still missing', async () => {
    const { page } = await studio().open(undefined, await studio().freshProject());
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('tab', { name: 'Upload file' }).click();
    await page.getByLabel('Thread file and its images').setInputFiles([
      path.join(FIXTURES, 'kd-thread.json'),
      path.join(FIXTURES, 'media/kd-1.jpg'),
      path.join(FIXTURES, 'media/kd-7.png'),
    ]);
    expect(await page.locator('.file-drop').innerText()).toContain('kd-thread.json and 2 more');
    await page.getByRole('radio', { name: 'Start a new project from it' }).check();
    await page.locator('form.import-box').getByRole('button', { name: 'Import' }).click();
    const notes = page.getByRole('status', { name: 'Import warnings' });
    await expect.poll(() => notes.count(), PATIENT).toBe(1);
    // The one image not picked is named with its post, in words a user can act on.
    const text = await notes.innerText();
    expect(text).toContain('1 image is missing');
    expect(text).toContain('media/kd-16.webp (post 16)');
    expect(text).not.toMatch(/posts\[\d+\]/);
    await page.screenshot({ path: outputPath('import-missing-images.png') });
    // The two picked images are in the new project.
    await expect.poll(async () => {
      const list: { id: string; name: string }[] = await (await fetch(`${studio().url}/api/projects`)).json();
      const made = list.find((p) => p.name.startsWith('One of the hottest foundational topics'));
      if (!made) return -1;
      const project = await (await fetch(`${studio().url}/api/projects/${made.id}`)).json();
      return project.document.posts.flatMap((p: { media: unknown[] }) => p.media).length;
    }, PATIENT).toBe(2);
    await page.context().close();
  });
  it('start new projects with the brand profile marked as the default, once one is', async () => {
    // A profile of this test's own, so what other tests save cannot stand in its way.
    const made = await fetch(`${studio().url}/api/brand-kits`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Northwind', kit: { name: 'Northwind Traders', handle: 'northwind', website: 'northwind.example' } }),
    });
    const northwind: { id: string } = await made.json();
    const { page } = await studio().open({ width: 1440, height: 900 }, await studio().freshProject());
    await page.getByRole('button', { name: 'Edit brand profile Northwind' }).click();
    const form = page.getByRole('form', { name: 'Brand profile Northwind' });
    await form.getByLabel('New projects start with this profile').check();
    await form.getByRole('button', { name: /^Save/ }).click();
    await expect.poll(() => page.locator('.profile').filter({ hasText: 'Northwind' }).innerText(), PATIENT).toContain('default for new projects');
    await page.getByRole('button', { name: 'Projects' }).click();
    await page.getByRole('button', { name: 'New project' }).click();
    await expect.poll(() => page.getByLabel('Project name').inputValue(), PATIENT).toBe('Untitled carousel');
    const newest = async () => {
      const list: { id: string; updatedAt: string }[] = await (await fetch(`${studio().url}/api/projects`)).json();
      return (await (await fetch(`${studio().url}/api/projects/${list[0].id}`)).json()).deck.design.brand;
    };
    await expect.poll(async () => (await newest()).handle, PATIENT).toBe('northwind');
    expect((await newest()).website).toBe('northwind.example');
    // Gone, it takes the mark with it: new projects start plain again.
    await fetch(`${studio().url}/api/brand-kits/${northwind.id}`, { method: 'DELETE' });
    expect((await (await fetch(`${studio().url}/api/brand-kits`)).json()).some((k: { isDefault?: boolean }) => k.isDefault)).toBe(false);
    await page.context().close();
  });
});
