/**
 * The tools the MCP server offers: their names, what a client is told about them, their argument
 * schemas, and the guard every call runs under.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { DESIGN_LIST_NAMES, type DesignListName } from '../design/catalog.js';
import { designShape } from './design-input.js';
import { buildFiles, bundleFiles, importDocument, listDesigns, renderPage } from './handlers.js';
import { errorResult } from './results.js';
import { sourceShape } from './source-input.js';

export const TOOL_NAMES = ['list_designs', 'import_source', 'build_carousel', 'render_slide', 'make_bundle'] as const;

const limitsShape = {
  time_limit: z.number().positive().optional().describe('Stop a build that runs longer than this many seconds (default 30).'),
};

const qualityShape = {
  quality: z.number().int().min(1).max(100).optional().describe('JPEG quality, 1-100 (default 90).'),
};

export function registerTools(server: McpServer): void {
  server.registerTool(
    'list_designs',
    {
      title: 'List designs',
      description: 'What a carousel can be made of: the preset themes, slide layouts (compositions), slide sizes (ratios), background patterns and fonts, each with its id and a line about it. Use the ids in the design fields of the other tools.',
      inputSchema: { what: z.enum(DESIGN_LIST_NAMES as [DesignListName, ...DesignListName[]]).optional().describe(`Only this list: ${DESIGN_LIST_NAMES.join(', ')} (default all).`) },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    guarded(listDesigns),
  );

  server.registerTool(
    'import_source',
    {
      title: 'Import a source',
      description: 'Read a thread, article, Markdown file, X archive or post URL into a Spool document and say what was found: the input kind, title, number of posts, the first posts\' text and any warnings. With out, also write it as an editable thread JSON file (as `spool import -o` does), which the other tools take as input.',
      inputSchema: { ...sourceShape, out: z.string().optional().describe('Path of a thread JSON file to write (images that came inline go in a folder next to it).') },
      annotations: { readOnlyHint: false, openWorldHint: true },
    },
    guarded(importDocument),
  );

  server.registerTool(
    'build_carousel',
    {
      title: 'Build a carousel',
      description: 'Make a carousel and write it: a .pdf (a LinkedIn document post), a .zip of images, or a folder of one image per slide (Instagram). Returns the files written and the summary `spool build --json` prints: per page its composition, words, smallest text in px, lowest contrast and widows, and the warnings.',
      inputSchema: {
        ...sourceShape,
        out: z.string().min(1).describe('Where to write: out.pdf, out.zip, or a folder/ (made if needed).'),
        format: z.enum(['png', 'jpeg', 'svg']).optional().describe('Image format for a .zip or folder (default png).'),
        ...designShape,
        ...qualityShape,
        ...limitsShape,
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    guarded(buildFiles),
  );

  server.registerTool(
    'render_slide',
    {
      title: 'Render one slide',
      description: 'Render one page of the carousel as a PNG image to look at, with a line naming its composition and its checks (words, smallest text, lowest contrast, widows). Nothing is written to disk. Use it to check a design before building.',
      inputSchema: {
        ...sourceShape,
        page: z.number().int().min(1).describe('The page to render, from 1.'),
        width: z.number().int().min(64).optional().describe('Scale the image down to this many pixels wide (default the export size, 1080 for the standard ratios).'),
        ...designShape,
        ...limitsShape,
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    guarded(renderPage),
  );

  server.registerTool(
    'make_bundle',
    {
      title: 'Make a ready-to-post bundle',
      description: 'Write everything a post needs into a folder: the LinkedIn PDF, the Instagram JPEGs (instagram/), a caption for each platform, the document title, alt text for every slide, and a preflight report of each platform\'s limits. Returns the files written, the captions, the alt text and the preflight checks (failed checks say what to fix).',
      inputSchema: {
        ...sourceShape,
        out: z.string().min(1).describe('The folder to write the bundle into (made if needed).'),
        caption: z.string().optional().describe('Your own post text, used on both platforms instead of the generated captions.'),
        ...designShape,
        ...qualityShape,
        ...limitsShape,
      },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    guarded(bundleFiles),
  );
}

let queue: Promise<unknown> = Promise.resolve();

/** Settles once every call made so far has answered (and its answer has had a turn to be sent). */
export async function toolsIdle(): Promise<void> {
  await queue;
  await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Every call answers, whatever happens in it: a failure becomes an error result, never a throw
 * through the server. Calls run one after another: a build paints on every core, so two at once
 * only finish later, each nearer its time limit.
 */
function guarded<A>(run: (args: A) => CallToolResult | Promise<CallToolResult>): (args: A) => Promise<CallToolResult> {
  return (args) => {
    const call = queue.then(async () => {
      try {
        return await run(args);
      } catch (err) {
        return errorResult(err);
      }
    });
    queue = call;
    return call;
  };
}
