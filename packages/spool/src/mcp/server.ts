/**
 * `spool mcp`: the library as a Model Context Protocol server, so an assistant that speaks MCP can
 * list designs, import sources, build carousels and bundles, and look at a slide before it builds.
 * Stdout is the protocol's channel: nothing else may be written to it.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { registerTools, toolsIdle } from './tools.js';

export interface McpServerInfo {
  version: string;
}

export function createMcpServer(info: McpServerInfo): McpServer {
  const server = new McpServer(
    { name: 'spool', title: 'Spool', version: info.version },
    {
      instructions:
        'Spool turns X threads, articles and blog posts into LinkedIn PDF and Instagram image carousels. ' +
        'Call list_designs for the theme, layout and ratio ids; import_source to see what a source holds; ' +
        'render_slide to look at a page; build_carousel to write the PDF or images; make_bundle for a ready-to-post folder. ' +
        'Paths are read and written on the machine the server runs on, relative to its working directory.',
    },
  );
  registerTools(server);
  return server;
}

/**
 * Serves over stdin and stdout until the client closes stdin (or the transport closes), then
 * finishes the calls in flight. Anything the library would print goes to stderr instead, so a
 * stray line cannot corrupt the protocol.
 */
export async function serveStdio(info: McpServerInfo): Promise<void> {
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const server = createMcpServer(info);
  const transport = new StdioServerTransport();
  const ended = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await ended;
  // A client that writes its calls and closes stdin still gets every answer.
  await toolsIdle();
  await server.close();
}
