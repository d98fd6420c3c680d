import { describe, expect, it } from 'vitest';
import { importNotes, uniqueNames } from '../../../src/components/source/import-notes.js';

describe('import notes', () => {
  it('gathers the missing images and says the rest once per message, by post number', () => {
    const notes = importNotes([
      'posts[0] (@ada): image media/a.jpg dropped: it was not uploaded; pick it together with the thread file, or upload a ZIP of the thread with its media folder',
      'posts[1]: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-1257)',
      'posts[4]: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-1257)',
      'posts[6] (@ada): avatar me.png dropped: it is not among the files given with thread.json; add it and import again',
      'posts[7] (@ada): image https://x.test/a.png dropped: could not fetch (HTTP 404)',
      'skipped 2 entries with unsafe names',
    ]);
    expect(notes.missing).toEqual([{ post: 1, src: 'media/a.jpg' }, { post: 7, src: 'me.png' }]);
    expect(notes.others).toEqual([
      'Posts 2 and 5: fixed characters garbled by a wrong text encoding upstream (it had been read as windows-1257)',
      'Post 8: image https://x.test/a.png dropped: could not fetch (HTTP 404)',
      'Skipped 2 entries with unsafe names',
    ]);
  });

  it('keeps two picked files of one name apart', () => {
    expect(uniqueNames(['a.jpg', 'b.png', 'A.jpg', 'a.jpg', 'README'])).toEqual(['a.jpg', 'b.png', 'A-2.jpg', 'a-3.jpg', 'README']);
  });
});
