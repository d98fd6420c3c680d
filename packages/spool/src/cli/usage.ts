/** Wrong flags or arguments: exit code 2 with the usage hint. */
export class UsageError extends Error {
  readonly exitCode = 2 as const;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: spool <command> [options]

Commands
  build <input> -o <out>     Make a carousel: out.pdf (LinkedIn), out.zip or a folder/ (images), out.mp4 (video)
  import <input> -o <file>   Convert any source into an editable thread file (JSON)
  list <what>                List themes, layouts, ratios, patterns or fonts (--json for machines)
  serve                      Start the studio: http://127.0.0.1:4321 (--port N, --host H, --data DIR, --open)
  publish <where> <input>    Publish to linkedin (a document post) or instagram (a carousel), now or
                             --at a time; <input> is a source or a project id (prj_…)
  mcp                        Serve the Model Context Protocol on stdio, for an MCP client to start
  backup <file>              Copy every project, kit, preset and asset to one file (safe while serving; --data DIR)
  restore <file>             Replace the database with a backup; the old one stays as spool.db.bak (stop serve first)
  help                       Show this help

Inputs: thread JSON, pasted thread text (.txt or - for stdin), Markdown, an article (.txt, .html or
an http(s) URL), an X post URL (needs X_BEARER_TOKEN), an X data archive (.zip, folder or tweets.js).

Build options
  -o, --out <path>           Output file or folder (required)
  -f, --format <f>           pdf | png | jpeg | svg | mp4 (default from --out: .pdf, .mp4, .zip -> png,
                             folder -> png); mp4 is the slides as a video (needs ffmpeg)
      --seconds <n>          mp4: how long each slide shows, 1-20 (default 3), cross-faded into the next
      --page <n>             Export only page n (with a .png/.jpg/.svg output)
      --ratio <r>            linkedin-portrait (default), linkedin-square, instagram-portrait,
                             instagram-square, instagram-tall, instagram-landscape, instagram-story, or WxH
      --theme <t>            Preset theme (spool list themes)
      --layout <l>           auto (default: each slide composed for its content), or see spool list layouts
      --pattern <p>          Background pattern (spool list patterns)
      --pattern-color <hex>  --pattern-opacity <0..1>
      --colors <b,t,a[,b2]>  Your own background, text and accent (and a second background for a
                             gradient), as #rrggbb; other colours are derived and kept at WCAG AA
      --cover-style <c>      title (default) | image (the first image full-bleed) | photo (the author large)
      --align <a>            left (default) | center: how content slides set their text
      --emphasis <e>         colour (default) | highlight: a bold key phrase in display text in the
                             accent colour, or on a band of it
      --progress <p>         number (3/12, default) | bar | dots: how the footer shows the reader's place
      --title-font <f>       --body-font <f>   sans | serif | display | mono
      --title-size <n>       Title size (default 36, in units of a 432-wide slide)
      --body-size <n>        Body size (default 18)
      --chrome-size <n>      Header and footer size (default 12)
      --brand <kit.json>     Brand kit: name, handle, avatar, logo, website, accent, show: {...}
      --cta <text>           Outro call-to-action line (up to three times); --no-cta for none
      --outro <o>            follow (default) | link: the source's address and a QR code to it |
                             subscribe: the call to action on an accent card, your website under it
      --no-cover             No cover slide
      --headings <mode>      section (default): heading posts become section slides; title: titles of the next slide
      --images <mode>        slide (default): image-only posts get their own slide; attach: join the slide before
      --no-header            --no-footer   Hide the brand header or footer
      --quality <n>          JPEG quality (default 90)
      --time-limit <s>       stop a build that runs longer than this (default 30 seconds, 120 for a video)
      --json                 Print a JSON summary (slides, warnings, timings; per page its composition,
                             words, smallest text in px, lowest contrast, widows) on stdout
  -q, --quiet                No progress or warnings on stderr

Bundle and publish options
      --bundle <folder/>     Instead of -o: a ready-to-post folder with linkedin.pdf, instagram/*.jpg,
                             both captions, the title, alt text per slide and a preflight report
      --text <text>          The post's text (default: the hook, a line from the carousel and its hashtags)
      --at <time>            publish: schedule for an ISO 8601 time with its zone; spool serve posts it
      --account <id>         publish: which connected account (default the only one, or the one set by
                             LINKEDIN_ACCESS_TOKEN + LINKEDIN_AUTHOR_URN or INSTAGRAM_ACCESS_TOKEN +
                             INSTAGRAM_USER_ID); Instagram also needs SPOOL_PUBLIC_URL, where it fetches
                             the images (this command serves them on --port, default 4321)
      --data <dir>           The database folder that keeps publish jobs (default SPOOL_DATA_DIR or ~/.spool)

Source options (build and import)
      --author <name>        --handle <handle>   Author for sources that don't name one
      --thread <id>          X archive: which thread (default the longest); import --list shows them
      --slides <n>           Articles: condense to about n slides (3-60; default 8-12 by length): the
                             headline on the cover, the sentences that carry each section, lists as steps
      --full                 Articles: every paragraph, cut into slide-sized posts, instead of condensing
      --rewrite              Ask a language model to write the hook and tighten each slide; set
                             SPOOL_LLM_BASE_URL (an OpenAI-compatible endpoint, e.g. a local Ollama at
                             http://127.0.0.1:11434/v1), SPOOL_LLM_MODEL and SPOOL_LLM_API_KEY. Every
                             number, name and quotation must be in the source, or the slide keeps its words
      --kind <kind>          Force the input kind: thread-file, document, pasted, article, markdown, html, url, x-api, bluesky, mastodon, x-archive

Exit codes: 0 done, 2 bad input or usage, 1 anything else.`;
